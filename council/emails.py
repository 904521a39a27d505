"""The council's mail, written into the outbox (see council.outbox). Each message is written
in the language its recipient used, whatever language the request that causes it is in (a
cancellation in English promotes someone who registered in Spanish)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from council.calendar import convening_ics
from council.links import absolute, council_path
from council.models import Invitation, Registration, RegistrationStatus, Response
from council.outbox import queue_email


def _context(**extra) -> dict:
    return {"state_name": settings.STATE_NAME, **extra}


def queue_registration_confirmation(registration: Registration) -> None:
    with translation.override(registration.language):
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
        if seated:
            subject = _("You are registered: %(title)s") % {"title": convening.title}
        else:
            subject = _("You are on the waitlist: %(title)s") % {"title": convening.title}
        queue_email(
            "registration",
            f"registration:{registration.pk}",
            registration.email,
            subject,
            body,
            calendar=convening_ics(convening, for_registrant=True) if seated else b"",
        )


def queue_promotion(registration: Registration) -> None:
    _queue_seat_mail(
        registration,
        "promotion",
        "council/email/promoted.txt",
        gettext_lazy("A seat is yours: %(title)s"),
    )


def queue_reminder(registration: Registration) -> None:
    _queue_seat_mail(
        registration, "reminder", "council/email/reminder.txt", gettext_lazy("Reminder: %(title)s")
    )


def _queue_seat_mail(registration: Registration, kind: str, template: str, subject) -> None:
    """Mail about a seat the person holds, in their language (the subject is lazy, so it is
    translated inside the override), with the calendar attached."""
    with translation.override(registration.language):
        convening = registration.convening
        body = render_to_string(
            template,
            _context(
                registration=registration,
                convening=convening,
                manage_url=absolute(registration.get_absolute_url()),
            ),
        )
        queue_email(
            kind,
            f"{kind}:{registration.pk}",
            registration.email,
            subject % {"title": convening.title},
            body,
            calendar=convening_ics(convening, for_registrant=True),
        )


def queue_invitation(invitation: Invitation, token: str) -> None:
    with translation.override(invitation.language):
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
            _("You are invited to join the %(state)s council") % {"state": settings.STATE_NAME},
            body,
        )


def queue_response_receipt(response: Response) -> None:
    with translation.override(response.language):
        body = render_to_string(
            "council/email/response_receipt.txt",
            _context(response=response, prompt=response.prompt),
        )
        queue_email(
            "response",
            f"response:{response.pk}",
            response.email,
            _("Thank you for answering: %(title)s") % {"title": response.prompt.title},
            body,
        )
