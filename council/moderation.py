"""Personal data is held back before anything is shown publicly; reports go to staff."""

import re

from django.db import transaction
from django.utils import timezone

from council.models import ModerationStatus, Report, Thought

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, allowing the usual separators: phone numbers in any common form.
PHONE = re.compile(r"(?:\+?\d[\s().-]*){7,}")


def personal_data_in(text: str) -> list[str]:
    found = []
    if EMAIL.search(text):
        found.append("email address")
    if PHONE.search(text):
        found.append("phone number")
    return found


def screen(text: str) -> tuple[str, str]:
    """The moderation status and flags for new text: held if it carries personal data."""
    flags = personal_data_in(text)
    if flags:
        return ModerationStatus.HELD, ", ".join(flags)
    return ModerationStatus.VISIBLE, ""


def report(thought: Thought, reason: str = "") -> Report:
    """Anyone may report a visible thought; it is held until staff look at it."""
    with transaction.atomic():
        created = Report.objects.create(thought=thought, reason=reason[:300])
        Thought.objects.filter(pk=thought.pk, moderation=ModerationStatus.VISIBLE).update(
            moderation=ModerationStatus.HELD
        )
    return created


def hide(thought: Thought) -> None:
    _resolve(thought, ModerationStatus.HIDDEN)


def restore(thought: Thought) -> None:
    _resolve(thought, ModerationStatus.VISIBLE)


def _resolve(thought: Thought, status: str) -> None:
    with transaction.atomic():
        thought.moderation = status
        thought.save(update_fields=["moderation"])
        thought.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())


def queue():
    """Held thoughts, oldest first: personal data flagged or reported."""
    return (
        Thought.objects.filter(moderation=ModerationStatus.HELD)
        .select_related("prompt")
        .prefetch_related("reports")
        .order_by("submitted_at")
    )
