from django.conf import settings
from django.utils.functional import SimpleLazyObject

from caching.generations import remember
from state.models import StateSettings

LABEL_CACHE_KEY = "portrait-label"


def portrait_label(request):
    """What the state calls a portrait ("Portrait of a Learner" or "of a Graduate"), read
    only by the templates that show it, and kept under the generation every schema shares
    (a save of the state's settings bumps it), so that it costs no query."""

    def label() -> str:
        return remember(
            LABEL_CACHE_KEY, lambda: StateSettings.load(request_or_site=request).portrait_label
        )

    return {"portrait_label": SimpleLazyObject(label)}


AGENCY_NAME_CACHE_KEY = "state-agency-name"


def state_agency_name(request):
    """The state's name as every site shows it (districts link back to it), kept like the
    label so that it costs no query."""

    def name() -> str:
        return remember(
            AGENCY_NAME_CACHE_KEY,
            lambda: StateSettings.load(request_or_site=request).agency_name or settings.STATE_NAME,
        )

    return {"state_agency_name": SimpleLazyObject(name)}
