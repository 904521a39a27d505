"""Who must use two-factor sign-in, and what they have set up."""

import math

from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from state.models import StateSettings
from tenants.state import on_state_schema

RECOVERY_CODE_COUNT = 10
# Set at password sign-in for an account with an authenticator, cleared once its code is in.
SECOND_STEP_PENDING = "two_factor_pending"
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def note_second_step_pending(sender, request, user, **kwargs) -> None:
    """Mark the session at sign-in (one query then, none on later requests)."""
    if request is not None and has_authenticator(user):
        request.session[SECOND_STEP_PENDING] = True


def must_use_two_factor(user) -> bool:
    """Required by the state's settings. Accounts without a password (state staff visiting a
    district through a support link) never sign in with one, so never with a second factor."""
    if not user.has_usable_password():
        return False
    settings = StateSettings.current()
    if on_state_schema():
        return settings.two_factor_for_state_staff
    return settings.two_factor_for_district_administrators and user.is_superuser


def seconds_before_next_try(user, devices=None) -> int:
    """django-otp doubles the wait after each wrong code (1, 2, 4 … seconds)."""
    waits = [0]
    for device in devices if devices is not None else devices_for_user(user, confirmed=True):
        allowed, details = device.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            waits.append(math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
    return max(waits)


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes; each works once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def turn_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
