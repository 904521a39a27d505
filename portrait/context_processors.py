from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

LABEL_CACHE_KEY = "portrait-label"
# The state's own pages see a new label at once (the save forgets it); districts' within this.
LABEL_CACHE_SECONDS = 60


def portrait_label(request):
    """What the state calls a portrait ("Portrait of a Learner" or "of a Graduate"), read
    only by the templates that show it, and kept briefly so that it costs no query."""

    def label() -> str:
        from statewide.models import StateSettings

        value = cache.get(LABEL_CACHE_KEY)
        if value is None:
            value = StateSettings.load(request_or_site=request).portrait_label
            cache.set(LABEL_CACHE_KEY, value, LABEL_CACHE_SECONDS)
        return value

    return {"portrait_label": SimpleLazyObject(label)}


def forget_portrait_label(sender, **kwargs) -> None:
    cache.delete(LABEL_CACHE_KEY)


AGENCY_NAME_CACHE_KEY = "state-agency-name"


def state_agency_name(request):
    """The state's name as every site shows it (districts link back to it), kept like the
    label so that it costs no query."""

    def name() -> str:
        from statewide.models import StateSettings

        value = cache.get(AGENCY_NAME_CACHE_KEY)
        if value is None:
            value = StateSettings.load(request_or_site=request).agency_name or settings.STATE_NAME
            cache.set(AGENCY_NAME_CACHE_KEY, value, LABEL_CACHE_SECONDS)
        return value

    return {"state_agency_name": SimpleLazyObject(name)}


def forget_state_agency_name(sender, **kwargs) -> None:
    cache.delete(AGENCY_NAME_CACHE_KEY)
