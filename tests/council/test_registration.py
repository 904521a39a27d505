"""Seats, the waitlist and promotion, including registrations arriving all at once."""

import threading
import uuid

import pytest
from django.core import mail
from django.db import connection, connections

from council import registration as seats
from council.models import Convening, OutboundEmail, Registration, RegistrationStatus
from council.outbox import send_pending
from tests.factories.council import make_convening


def registrant(n: int) -> seats.Registrant:
    return seats.Registrant(
        name=f"Person {n}", email=f"p{n}@example.org", attendance_mode="in_person"
    )


def test_seats_then_waitlist_then_promotion_in_order(db):
    convening = make_convening(capacity=2)
    first, second, third, fourth = (
        seats.register(convening.pk, registrant(n), uuid.uuid4()) for n in range(4)
    )
    assert [r.status for r in (first, second, third, fourth)] == [
        "registered",
        "registered",
        "waitlisted",
        "waitlisted",
    ]

    seats.cancel(second.pk)

    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == RegistrationStatus.REGISTERED and third.promoted_at
    assert fourth.status == RegistrationStatus.WAITLISTED
    kinds = list(OutboundEmail.objects.filter(to=third.email).values_list("kind", flat=True))
    assert kinds == ["registration", "promotion"]


def test_cancelling_a_waitlisted_place_promotes_nobody(db):
    convening = make_convening(capacity=1)
    seats.register(convening.pk, registrant(1), uuid.uuid4())
    waiting = seats.register(convening.pk, registrant(2), uuid.uuid4())
    also_waiting = seats.register(convening.pk, registrant(3), uuid.uuid4())
    seats.cancel(waiting.pk)
    also_waiting.refresh_from_db()
    assert also_waiting.status == RegistrationStatus.WAITLISTED


def test_the_same_key_registers_once_and_the_same_email_is_refused(db):
    convening = make_convening()
    key = uuid.uuid4()
    assert seats.register(convening.pk, registrant(1), key) == seats.register(
        convening.pk, registrant(1), key
    )
    with pytest.raises(seats.AlreadyRegistered):
        seats.register(convening.pk, registrant(1), uuid.uuid4())
    assert Registration.objects.count() == 1


def test_no_registration_before_the_notice_or_after_the_convening(db):
    unnoticed = make_convening("quiet", noticed=False)
    over = make_convening("over", days=-2)
    for convening in (unnoticed, over):
        with pytest.raises(seats.RegistrationClosed):
            seats.register(convening.pk, registrant(1), uuid.uuid4())


def test_confirmation_mail_carries_the_calendar_file_only_for_a_seat(db):
    convening = make_convening(capacity=1)
    seats.register(convening.pk, registrant(1), uuid.uuid4())
    seats.register(convening.pk, registrant(2), uuid.uuid4())
    send_pending()
    seated, waiting = sorted(mail.outbox, key=lambda m: m.to[0])
    assert seated.attachments[0][0] == "convening.ics"
    assert b"BEGIN:VEVENT" in seated.attachments[0][1].encode()
    assert "meet.example.org" in seated.attachments[0][1]  # the join link, for registrants
    assert waiting.attachments == []
    assert "waitlist" in waiting.subject


def test_check_in_counts_once_and_only_with_a_seat(db):
    convening = make_convening(capacity=1)
    seated = seats.register(convening.pk, registrant(1), uuid.uuid4())
    waiting = seats.register(convening.pk, registrant(2), uuid.uuid4())
    assert seats.check_in(seated) is True
    assert seats.check_in(seated) is False
    assert seats.check_in(waiting) is False


def _in_threads(count: int, target) -> list:
    errors: list = []
    barrier = threading.Barrier(count)

    def run(n):
        try:
            barrier.wait()
            target(n)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_forty_people_registering_at_once_for_twenty_seats():
    convening = make_convening(capacity=20)

    def register(n):
        connection.set_schema_to_public()
        seats.register(convening.pk, registrant(n), uuid.uuid4())

    assert _in_threads(40, register) == []
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.REGISTERED) == 20
    assert statuses.count(RegistrationStatus.WAITLISTED) == 20


@pytest.mark.django_db(transaction=True)
def test_cancellations_and_registrations_at_once_never_overfill():
    convening = make_convening(capacity=10)
    holders = [seats.register(convening.pk, registrant(n), uuid.uuid4()) for n in range(20)]

    def churn(n):
        connection.set_schema_to_public()
        if n < 10:
            seats.cancel(holders[n].pk)  # ten seats free up...
        else:
            seats.register(convening.pk, registrant(100 + n), uuid.uuid4())  # ...as ten arrive

    assert _in_threads(20, churn) == []
    convening = Convening.objects.get(pk=convening.pk)
    assert convening.seats_taken() == 10
    # The ten who waited longest got the seats before anyone who arrived later.
    promoted = Registration.objects.filter(pk__in=[h.pk for h in holders[10:]])
    assert all(r.status == RegistrationStatus.REGISTERED for r in promoted)


def test_a_raised_capacity_seats_the_waitlist_in_order_before_newcomers(db):
    convening = make_convening(capacity=1)
    seated, first_waiting, second_waiting = (
        seats.register(convening.pk, registrant(n), uuid.uuid4()) for n in range(3)
    )
    Convening.objects.filter(pk=convening.pk).update(capacity=2)  # raised outside the admin

    newcomer = seats.register(convening.pk, registrant(3), uuid.uuid4())

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.REGISTERED
    assert second_waiting.status == newcomer.status == RegistrationStatus.WAITLISTED
    assert OutboundEmail.objects.filter(to=first_waiting.email, kind="promotion").exists()


def test_raising_the_capacity_in_the_admin_promotes_the_waitlist_in_order(staff):
    from tests.council.test_staff_journey import convening_form

    convening = make_convening("winter", capacity=1, days=30)
    people = [seats.register(convening.pk, registrant(n), uuid.uuid4()) for n in range(4)]
    form = convening_form(capacity="3")
    response = staff.post(f"/admin/council_convenings/edit/{convening.pk}/", form)
    assert response.status_code == 302, response.context["form"].errors

    statuses = [Registration.objects.get(pk=p.pk).status for p in people]
    assert statuses == ["registered", "registered", "registered", "waitlisted"]
    promoted = OutboundEmail.objects.filter(kind="promotion").values_list("to", flat=True)
    assert sorted(promoted) == ["p1@example.org", "p2@example.org"]
