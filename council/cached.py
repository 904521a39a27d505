"""What every public prompt request reads, kept in the (tenant-aware) cache under the state's
generation (caching/generations.py): the published prompt with its questions, and the
council's settings. Saving or deleting any of them, a question or a convening bumps the
generation, now and again on commit, so the next request reads the new rows at once.
"""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from caching.generations import invalidate_state, remember
from council.models import Convening, CouncilSettings, Prompt, Question

SETTINGS_KEY = "council:settings"


def _prompt_key(slug: str) -> str:
    return f"council:prompt:{slug}"


def published_prompt(slug: str) -> Prompt | None:
    """The published prompt named `slug` with its convening and `question_list` loaded, or
    None."""

    def load() -> Prompt | None:
        prompt = Prompt.objects.published().select_related("convening").filter(slug=slug).first()
        if prompt is not None:
            prompt.question_list  # noqa: B018 (loaded now, so it is cached with the prompt)
        return prompt

    return remember(_prompt_key(slug), load)


def council_settings() -> CouncilSettings:
    return remember(SETTINGS_KEY, CouncilSettings.load)


def _question_changed(sender, instance: Question, **kwargs) -> None:
    # Touching the prompt also renews the key of its cached form fields (fields_cache_key).
    Prompt.objects.filter(pk=instance.prompt_id).update(updated_at=timezone.now())
    invalidate_state()


def _source_changed(sender, **kwargs) -> None:
    invalidate_state()


def connect_signals() -> None:
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(_question_changed, sender=Question, dispatch_uid=f"council-question-{name}")
        # A prompt (renamed, too), its convening's name, or the council's settings.
        for model in (Prompt, Convening, CouncilSettings):
            uid = f"council-{model._meta.model_name}-{name}"
            signal.connect(_source_changed, sender=model, dispatch_uid=uid)
