"""Reminders of a convening that starts soon, written into the outbox once per convening."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from council import emails
from council.models import Convening, CouncilSettings, RegistrationStatus


def queue_due_reminders() -> int:
    """Write a reminder for everyone holding a seat at a convening starting soon; the
    convening is marked, under its row lock, so no one is reminded twice."""
    hours = CouncilSettings.load().reminder_hours
    now = timezone.now()
    soon = Convening.objects.noticed().filter(
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(hours=hours),
    )
    queued = 0
    for convening in soon:
        with transaction.atomic():
            locked = Convening.objects.select_for_update().get(pk=convening.pk)
            if locked.reminder_sent_at is not None:
                continue
            seated = locked.registrations.filter(status=RegistrationStatus.REGISTERED)
            for registration in seated.select_related("convening"):
                emails.queue_reminder(registration)
                queued += 1
            locked.reminder_sent_at = now
            locked.save(update_fields=["reminder_sent_at"])
    return queued
