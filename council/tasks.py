"""The council's Celery tasks. They run in the public schema, where the council lives."""

from datetime import timedelta

from celery import shared_task
from django.db import connection, transaction
from django.dispatch import receiver
from django.utils import timezone

from council import emails
from council.models import Convening, CouncilSettings, RegistrationStatus
from council.outbox import mail_waiting, send_pending


@shared_task(name="council.tasks.send_outbox")
def send_outbox() -> int:
    connection.set_schema_to_public()
    return send_pending()


@receiver(mail_waiting, dispatch_uid="council.tasks.queue_sender")
def queue_sender(sender, **kwargs) -> None:
    send_outbox.apply_async(retry=False)


@shared_task(name="council.tasks.queue_reminders")
def queue_reminders() -> int:
    """Write a reminder for everyone holding a seat at a convening starting soon."""
    connection.set_schema_to_public()
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
