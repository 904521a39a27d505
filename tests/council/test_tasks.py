"""Mail through the outbox: saved with the submission, sent by the task or by beat, and
nothing lost while the broker is down."""

import uuid
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from council import registration as seats
from council.models import OutboundEmail, Registration
from council.outbox import MAX_ATTEMPTS, send_pending
from council.tasks import queue_reminders, send_outbox
from tests.conftest import celery_broker
from tests.factories.council import make_convening

DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def registrant(n):
    return seats.Registrant(name=f"P{n}", email=f"p{n}@example.org", attendance_mode="online")


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_registrations_are_saved_and_mail_goes_out_later(caplog):
    convening = make_convening(capacity=5)
    with celery_broker(DEAD_BROKER):
        for n in range(3):
            seats.register(convening.pk, registrant(n), uuid.uuid4())
    assert Registration.objects.count() == 3
    assert OutboundEmail.objects.filter(sent_at__isnull=True).count() == 3
    assert mail.outbox == []
    # Only the first submission waited on the dead broker; the rest skipped the nudge.
    assert caplog.text.count("beat will send it") == 1

    assert send_outbox() == 3  # what beat runs once the broker is back
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    assert send_outbox() == 0  # and never twice


def test_with_an_eager_broker_the_mail_goes_at_commit(db, django_capture_on_commit_callbacks):
    convening = make_convening()
    with django_capture_on_commit_callbacks(execute=True):
        seats.register(convening.pk, registrant(1), uuid.uuid4())
    assert len(mail.outbox) == 1
    assert OutboundEmail.objects.get().sent_at is not None


def test_a_failing_mail_server_is_retried_then_given_up(db):
    OutboundEmail.objects.create(
        kind="t", dedupe_key="t:1", to="x@example.org", subject="s", body="b"
    )
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("refused")):
        for _ in range(MAX_ATTEMPTS + 2):
            assert send_pending() == 0
    email = OutboundEmail.objects.get()
    assert email.attempts == MAX_ATTEMPTS and "refused" in email.last_error
    assert send_pending() == 0


def test_reminders_go_once_to_seated_people_of_convenings_starting_soon(db):
    soon = make_convening(
        "soon",
        days=0,
        starts_at=timezone.now() + timedelta(hours=5),
        ends_at=timezone.now() + timedelta(hours=8),
    )
    later = make_convening("later", days=10)
    seats.register(soon.pk, registrant(1), uuid.uuid4())
    seats.register(later.pk, registrant(2), uuid.uuid4())
    Registration.objects.create(
        convening=soon,
        name="Gone",
        email="gone@example.org",
        attendance_mode="online",
        status="cancelled",
        idempotency_key=uuid.uuid4(),
    )
    assert queue_reminders() == 1
    assert queue_reminders() == 0
    reminder = OutboundEmail.objects.get(kind="reminder")
    assert reminder.to == "p1@example.org" and "BEGIN:VCALENDAR" in reminder.calendar


def test_beat_runs_the_council_tasks():
    from django.conf import settings

    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"council.tasks.send_outbox", "council.tasks.queue_reminders"} <= tasks
