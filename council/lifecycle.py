"""A convening's public notice and its minutes, and what staff have to do next."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from council.models import (
    Convening,
    CouncilSettings,
    Minutes,
    MinutesStatus,
    RegistrationStatus,
)
from state.models import StateSettings


def publish_notice(convening: Convening, now=None) -> Convening:
    """Publish the public notice, if the convening has an agenda and the state's lead time
    still allows it. The time of the notice is recorded."""
    now = now or timezone.now()
    if convening.is_noticed:
        raise ValidationError(_("The notice for this convening is already published."))
    if not convening.agenda_items.exists():
        raise ValidationError(_("Add the agenda before publishing the notice."))
    lead = StateSettings.load().notice_lead_working_days
    deadline = convening.notice_deadline(lead)
    if timezone.localdate(now) > deadline:
        raise ValidationError(
            _(
                "The notice must be out %(days)s working days before the convening, by "
                "%(deadline)s. Move the convening to a later date first."
            )
            % {"days": lead, "deadline": date_format(deadline, "l, F j, Y")}
        )
    with transaction.atomic():
        updated = Convening.objects.filter(pk=convening.pk, notice_published_at__isnull=True)
        updated.update(notice_published_at=now)
    convening.refresh_from_db()
    return convening


def approve_minutes(minutes: Minutes, user) -> Minutes:
    """Approve draft minutes, fixing the attendance from the convening's check-ins."""
    if minutes.is_approved:
        raise ValidationError(_("These minutes are already approved."))
    if minutes.convening.starts_at > timezone.now():
        raise ValidationError(
            _("Minutes can be approved only after the convening has taken place.")
        )
    present = minutes.convening.registrations.filter(
        status=RegistrationStatus.REGISTERED, checked_in_at__isnull=False
    ).order_by("name")
    names = [registration.name for registration in present]
    minutes.attendance_count = len(names)
    minutes.attendees = "\n".join(names)
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = user
    minutes.save()
    return minutes


@dataclass
class NoticeDue:
    convening: Convening
    deadline: date

    @property
    def is_late(self) -> bool:
        return self.deadline < timezone.localdate()


@dataclass
class MinutesOverdue:
    convening: Convening
    due: date


def notices_due(within_days: int = 14) -> list[NoticeDue]:
    """Upcoming convenings without a notice whose deadline is near or already gone."""
    lead = StateSettings.load().notice_lead_working_days
    horizon = timezone.localdate() + timedelta(days=within_days)
    due = []
    for convening in Convening.objects.upcoming().filter(notice_published_at__isnull=True):
        deadline = convening.notice_deadline(lead)
        if deadline <= horizon:
            due.append(NoticeDue(convening, deadline))
    return sorted(due, key=lambda item: item.deadline)


def minutes_overdue() -> list[MinutesOverdue]:
    """Past convenings whose minutes are not approved within the council's allowance."""
    allowance = timedelta(days=CouncilSettings.load().minutes_due_days)
    cutoff = timezone.now() - allowance
    late = (
        Convening.objects.filter(ends_at__lt=cutoff)
        .exclude(minutes__status=MinutesStatus.APPROVED)
        .order_by("ends_at")
    )
    return [MinutesOverdue(c, timezone.localdate(c.ends_at + allowance)) for c in late]
