"""The council's Celery tasks. They run in the public schema, where the council lives."""

from celery import shared_task
from django.db import connection
from django.dispatch import receiver

from council.outbox import mail_waiting, send_pending
from council.reminders import queue_due_reminders


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
    return queue_due_reminders()
