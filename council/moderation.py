"""Personal data is held back before anything is shown publicly; reports go to staff."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from council.models import THOUGHT_MAX_LENGTH, ModerationStatus, Report, Thought
from tenants.prose import and_list

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, allowing the usual separators: phone numbers in any common form.
PHONE = re.compile(r"(?:\+?\d[\s().-]*){7,}")


def personal_data_in(text: str) -> list[str]:
    found = []
    if EMAIL.search(text):
        found.append(gettext_noop("email address"))  # kept in English, translated when shown
    if PHONE.search(text):
        found.append(gettext_noop("phone number"))
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


def held_message(thought: Thought) -> str:
    """What the person who shared a held thought is told."""
    return _(
        "Thank you. Your thought seems to include personal data (%(found)s), so it is held "
        "until our staff check it. They may remove those details; then others can read and "
        "rate it."
    ) % {"found": _list_of_flags(thought.flags)}


def _list_of_flags(flags: str) -> str:
    return ", ".join(_(flag) for flag in flags.split(", ") if flag)


def redacted(text: str) -> str:
    """The text with emails and phone numbers taken out: what staff are offered to publish."""
    without_emails = EMAIL.sub("[email removed]", text)
    return PHONE.sub(_phone_removed, without_emails).strip()


def _phone_removed(match: re.Match) -> str:
    # The pattern takes the separators after the last digit too: give them back.
    number = match.group()
    return "[phone number removed]" + number[len(number.rstrip(" .-")) :]


def redact_and_publish(thought: Thought, text: str) -> None:
    """Staff publish a held thought with its personal data taken out; text that still carries
    some, or none at all, is refused and changes nothing."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Give the text to publish, or hide the thought instead."))
    if len(text) > THOUGHT_MAX_LENGTH:
        raise ValidationError(
            _("Keep the text to %(length)s characters.") % {"length": THOUGHT_MAX_LENGTH}
        )
    if found := personal_data_in(text):
        raise ValidationError(
            _("The text still has %(found)s: take it out first.")
            % {"found": and_list(_(kind) for kind in found)}
        )
    with transaction.atomic():
        thought.text = text
        thought.flags = ""
        thought.save(update_fields=["text", "flags"])
        _resolve(thought, ModerationStatus.VISIBLE)


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
