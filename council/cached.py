"""What every public prompt request reads, kept in the (tenant-aware) cache: the published
prompt with its questions, and the council's settings. Saving or deleting any of them drops
its entry, now and again when the transaction commits (so a request that read the old rows in
between cannot keep them); the timeout bounds what a change made without signals could leave.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from council.models import Convening, CouncilSettings, Prompt, Question

TIMEOUT = 300
SETTINGS_KEY = "council:settings"


def _prompt_key(slug: str) -> str:
    return f"council:prompt:{slug}"


def published_prompt(slug: str) -> Prompt | None:
    """The published prompt named `slug` with its convening and `question_list` loaded, or
    None."""
    key = _prompt_key(slug)
    prompt = cache.get(key)
    if prompt is None:
        prompt = Prompt.objects.published().select_related("convening").filter(slug=slug).first()
        if prompt is None:
            return None
        prompt.question_list  # noqa: B018 (loaded now, so it is cached with the prompt)
        cache.set(key, prompt, TIMEOUT)
    return prompt


def council_settings() -> CouncilSettings:
    settings = cache.get(SETTINGS_KEY)
    if settings is None:
        settings = CouncilSettings.load()
        cache.set(SETTINGS_KEY, settings, TIMEOUT)
    return settings


def _forget(*keys: str) -> None:
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _prompt_changed(sender, instance: Prompt, **kwargs) -> None:
    _forget(_prompt_key(instance.slug))


def _prompt_renamed(sender, instance: Prompt, **kwargs) -> None:
    if instance.pk:
        old = Prompt.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        if old and old != instance.slug:
            _forget(_prompt_key(old))


def _question_changed(sender, instance: Question, **kwargs) -> None:
    # Touching the prompt also renews the key of its cached form fields (fields_cache_key).
    prompts = Prompt.objects.filter(pk=instance.prompt_id)
    prompts.update(updated_at=timezone.now())
    slug = prompts.values_list("slug", flat=True).first()
    if slug:
        _forget(_prompt_key(slug))


def _convening_changed(sender, instance: Convening, **kwargs) -> None:
    # Prompts show their convening's name.
    slugs = Prompt.objects.filter(convening_id=instance.pk).values_list("slug", flat=True)
    if slugs:
        _forget(*(_prompt_key(slug) for slug in slugs))


def _settings_changed(sender, instance, **kwargs) -> None:
    _forget(SETTINGS_KEY)


def connect_signals() -> None:
    pre_save.connect(_prompt_renamed, sender=Prompt, dispatch_uid="council-prompt-renamed")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(_prompt_changed, sender=Prompt, dispatch_uid=f"council-prompt-{name}")
        signal.connect(_question_changed, sender=Question, dispatch_uid=f"council-question-{name}")
        signal.connect(
            _convening_changed, sender=Convening, dispatch_uid=f"council-convening-{name}"
        )
        signal.connect(
            _settings_changed, sender=CouncilSettings, dispatch_uid=f"council-settings-{name}"
        )
