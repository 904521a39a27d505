"""The council's mail, written into the outbox (see council.outbox)."""

from django.conf import settings
from django.template.loader import render_to_string

from council.calendar import convening_ics
from council.links import absolute, council_path
from council.models import Invitation, Registration, RegistrationStatus, Response
from council.outbox import queue_email


def _context(**extra) -> dict:
    return {"state_name": settings.STATE_NAME, **extra}


def queue_registration_confirmation(registration: Registration) -> None:
    convening = registration.convening
    seated = registration.status == RegistrationStatus.REGISTERED
    body = render_to_string(
        "council/email/registration.txt",
        _context(
            registration=registration,
            convening=convening,
            seated=seated,
            manage_url=absolute(registration.get_absolute_url()),
        ),
    )
    subject = ("You are registered: " if seated else "You are on the waitlist: ") + convening.title
    queue_email(
        "registration",
        f"registration:{registration.pk}",
        registration.email,
        subject,
        body,
        calendar=convening_ics(convening, for_registrant=True) if seated else b"",
    )


def queue_promotion(registration: Registration) -> None:
    convening = registration.convening
    body = render_to_string(
        "council/email/promoted.txt",
        _context(
            registration=registration,
            convening=convening,
            manage_url=absolute(registration.get_absolute_url()),
        ),
    )
    queue_email(
        "promotion",
        f"promotion:{registration.pk}",
        registration.email,
        f"A seat is yours: {convening.title}",
        body,
        calendar=convening_ics(convening, for_registrant=True),
    )


def queue_reminder(registration: Registration) -> None:
    convening = registration.convening
    body = render_to_string(
        "council/email/reminder.txt",
        _context(
            registration=registration,
            convening=convening,
            manage_url=absolute(registration.get_absolute_url()),
        ),
    )
    queue_email(
        "reminder",
        f"reminder:{registration.pk}",
        registration.email,
        f"Reminder: {convening.title}",
        body,
        calendar=convening_ics(convening, for_registrant=True),
    )


def queue_invitation(invitation: Invitation, token: str) -> None:
    body = render_to_string(
        "council/email/invitation.txt",
        _context(
            invitation=invitation,
            accept_url=absolute(council_path("accept_invitation", token)),
        ),
    )
    queue_email(
        "invitation",
        f"invitation:{invitation.pk}:{invitation.token_hash[:16]}",
        invitation.email,
        f"You are invited to join the {settings.STATE_NAME} council",
        body,
    )


def queue_response_receipt(response: Response) -> None:
    body = render_to_string(
        "council/email/response_receipt.txt",
        _context(response=response, prompt=response.prompt),
    )
    queue_email(
        "response",
        f"response:{response.pk}",
        response.email,
        f"Thank you for answering: {response.prompt.title}",
        body,
    )
