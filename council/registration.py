"""Seats and the waitlist. Every change locks the convening's row, so concurrent registrations
and cancellations are counted one at a time and a seat is never given twice."""

import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from council import emails
from council.idempotency import KeyReused
from council.languages import current_language
from council.models import Convening, Registration, RegistrationStatus


class RegistrationClosed(Exception):
    pass


class AlreadyRegistered(Exception):
    pass


@dataclass
class Registrant:
    name: str
    email: str
    attendance_mode: str
    accommodation_request: str = ""
    region: str = ""
    voice: str = ""
    user_id: int | None = None
    language: str = field(default_factory=current_language)


def register(convening_id: int, registrant: Registrant, idempotency_key: uuid.UUID) -> Registration:
    """Give the registrant a seat, or a place on the waitlist. A repeated idempotency key
    returns the registration it made the first time, if it comes with the same convening and
    registrant; with anything else it raises KeyReused."""
    existing = Registration.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return _same_registration(existing, convening_id, registrant)
    try:
        with transaction.atomic():
            convening = Convening.objects.select_for_update().get(pk=convening_id)
            if not can_register(convening):
                raise RegistrationClosed
            fill_free_seats(convening.pk)  # anyone waiting gets a free seat before a newcomer
            taken = convening.registrations.filter(status=RegistrationStatus.REGISTERED).count()
            registration = Registration.objects.create(
                convening=convening,
                user_id=registrant.user_id,
                name=registrant.name,
                email=registrant.email,
                region=registrant.region,
                voice=registrant.voice,
                language=registrant.language,
                attendance_mode=registrant.attendance_mode,
                accommodation_request=registrant.accommodation_request,
                status=RegistrationStatus.REGISTERED
                if taken < convening.capacity
                else RegistrationStatus.WAITLISTED,
                idempotency_key=idempotency_key,
            )
            emails.queue_registration_confirmation(registration)
            return registration
    except IntegrityError:
        # Either the same form was sent twice at once, or this email is already registered.
        existing = Registration.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return _same_registration(existing, convening_id, registrant)
        raise AlreadyRegistered from None


def _same_registration(
    existing: Registration, convening_id: int, registrant: Registrant
) -> Registration:
    sent = (
        convening_id,
        registrant.user_id,
        registrant.name,
        registrant.email.lower(),
        registrant.attendance_mode,
        registrant.accommodation_request,
    )
    saved = (
        existing.convening_id,
        existing.user_id,
        existing.name,
        existing.email.lower(),
        existing.attendance_mode,
        existing.accommodation_request,
    )
    if sent != saved:
        raise KeyReused
    return existing


def can_register(convening: Convening) -> bool:
    return (
        convening.is_noticed and convening.registration_open and convening.ends_at > timezone.now()
    )


def cancel(registration_id: int) -> Registration:
    """Cancel a registration; a seat it frees goes to the first person waiting."""
    with transaction.atomic():
        registration = Registration.objects.get(pk=registration_id)
        Convening.objects.select_for_update().get(pk=registration.convening_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        fill_free_seats(registration.convening_id)
        return registration


def fill_free_seats(convening_id: int) -> list[Registration]:
    """Give every free seat to the waitlist, earliest first, under the convening's lock: what
    every change that frees seats calls (a cancellation, a raised capacity in the admin).
    Returns the people promoted."""
    with transaction.atomic():
        convening = Convening.objects.select_for_update().get(pk=convening_id)
        taken = convening.registrations.filter(status=RegistrationStatus.REGISTERED).count()
        free = max(convening.capacity - taken, 0)
        promoted = list(
            convening.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
                "created_at", "id"
            )[:free]
        )
        for registration in promoted:
            registration.status = RegistrationStatus.REGISTERED
            registration.promoted_at = timezone.now()
            registration.save(update_fields=["status", "promoted_at"])
            emails.queue_promotion(registration)
        return promoted


def check_in(registration: Registration) -> bool:
    """Mark someone present; False if they were already checked in."""
    updated = Registration.objects.filter(
        pk=registration.pk, checked_in_at__isnull=True, status=RegistrationStatus.REGISTERED
    ).update(checked_in_at=timezone.now())
    return bool(updated)
