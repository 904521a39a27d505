"""The interface speaks Spanish to Spanish readers: templates, plurals, dates and form errors."""

from datetime import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.two_factor.views import too_soon
from tenants.models import validate_district_slug

INVITATION = SimpleNamespace(expires_at=timezone.make_aware(datetime(2026, 12, 14, 9, 0)))


def _invitation_mail(language):
    with translation.override(language):
        return render_to_string(
            "council/email/invitation.txt",
            {"state_name": "Utah", "invitation": INVITATION, "accept_url": "https://x/accept"},
        )


def test_the_invitation_mail_is_written_in_us_english():
    mail = _invitation_mail("en")
    assert mail.startswith("Hello,")
    assert "until December 14, 2026):" in mail
    assert "The Utah council" in mail


def test_the_invitation_mail_is_written_in_spanish_for_spanish_readers():
    mail = _invitation_mail("es")
    assert mail.startswith("Hola:")
    assert "Le invitamos a formar parte del consejo de Utah" in mail
    assert "hasta el 14 de diciembre de 2026):" in mail
    assert "El consejo de Utah" in mail
    assert "Hello" not in mail


def test_plurals_follow_the_count_in_each_language():
    with translation.override("en"):
        assert too_soon(1).startswith("Too many wrong codes in a row. Wait 1 second,")
        assert "Wait 30 seconds," in too_soon(30)
    with translation.override("es"):
        assert "Espere 1 segundo y" in too_soon(1)
        assert "Espere 30 segundos y" in too_soon(30)


def test_form_errors_are_translated_with_their_values():
    with translation.override("es"):
        with pytest.raises(ValidationError) as refused:
            validate_district_slug("admin")
        assert refused.value.messages == ["“admin” está reservado; elija otro nombre corto."]
