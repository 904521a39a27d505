"""The council's mail outbox: write a row with the data that causes the mail, send it later.

`queue_email` must be called inside the transaction that saves the submission. After commit
the sender task is nudged; if the broker is down the nudge is dropped and beat's next run of
`send_outbox` sends the mail instead.
"""

import logging

from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from council.models import OutboundEmail

logger = logging.getLogger(__name__)
BATCH_SIZE = 50
MAX_ATTEMPTS = 8


def queue_email(
    kind: str, dedupe_key: str, to: str, subject: str, body: str, calendar: bytes = b""
) -> OutboundEmail:
    email, _ = OutboundEmail.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "kind": kind,
            "to": to,
            "subject": subject,
            "body": body,
            "calendar": calendar.decode() if calendar else "",
        },
    )
    transaction.on_commit(nudge_sender)
    return email


# Sent once mail is committed to the outbox; council.tasks answers by queueing the sender,
# so the outbox never imports its task. A receiver raises when the broker cannot take it.
mail_waiting = Signal()

BROKER_DOWN_KEY = "council:broker-down"
BROKER_DOWN_SECONDS = 30


def nudge_sender() -> bool:
    """Ask a worker to send the outbox now. A broker that just failed is not tried again for
    a while: reaching it costs each request seconds, and beat sends the mail anyway."""
    if cache.get(BROKER_DOWN_KEY):
        return False
    try:
        mail_waiting.send(sender=OutboundEmail)
    except Exception:  # the broker's errors vary by transport; beat sends the mail later
        cache.set(BROKER_DOWN_KEY, True, timeout=BROKER_DOWN_SECONDS)
        logger.warning("Could not queue the council's mail; beat will send it.", exc_info=True)
        return False
    return True


def send_pending(batch_size: int = BATCH_SIZE) -> int:
    """Send unsent mail, oldest first; rows another sender holds are skipped, not waited on."""
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                OutboundEmail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
                .select_for_update(skip_locked=True)
                .order_by("created_at", "id")[:batch_size]
            )
            for email in batch:
                sent += _send_one(email)
        if len(batch) < batch_size:
            return sent


def _send_one(email: OutboundEmail) -> int:
    message = EmailMessage(email.subject, email.body, to=[email.to])
    if email.calendar:
        message.attach("convening.ics", email.calendar, "text/calendar")
    email.attempts += 1
    try:
        message.send()
    except Exception as error:  # SMTP and socket errors alike: try again on the next run
        email.last_error = str(error)[:1000]
        email.save(update_fields=["attempts", "last_error"])
        logger.warning("Mail %s to %s failed: %s", email.kind, email.to, error)
        return 0
    email.sent_at = timezone.now()
    email.save(update_fields=["attempts", "sent_at"])
    return 1
