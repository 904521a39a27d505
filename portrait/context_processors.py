from django.utils.functional import SimpleLazyObject


def portrait_label(request):
    """What the state calls a portrait ("Portrait of a Learner" or "of a Graduate"), read
    only by the templates that show it."""

    def label() -> str:
        from statewide.models import StateSettings

        return StateSettings.load(request_or_site=request).portrait_label

    return {"portrait_label": SimpleLazyObject(label)}
