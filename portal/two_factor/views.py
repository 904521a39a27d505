"""Set up, use and turn off two-factor sign-in, in the admin of the schema one is in."""

import base64
import io
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from portal.two_factor import policy
from portal.two_factor.forms import CodeForm, SetUpForm

WRONG_CODE = gettext_lazy(
    "That code is not right. Enter the six digits your authenticator app shows now, or one "
    "of your unused recovery codes."
)


def next_page(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/admin/"


def too_soon(seconds: int) -> str:
    return ngettext(
        "Too many wrong codes in a row. Wait %(seconds)d second, then enter the code again.",
        "Too many wrong codes in a row. Wait %(seconds)d seconds, then enter the code again.",
        seconds,
    ) % {"seconds": seconds}


def verify(request):
    """The second step of signing in."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = policy.seconds_before_next_try(request.user)
        device = None if wait else match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            request.session.pop(policy.SECOND_STEP_PENDING, None)
            return redirect(next_page(request))
        form.add_error("code", too_soon(wait) if wait else WRONG_CODE)
    return render(
        request, "portal/two_factor/verify.html", {"form": form, "next": next_page(request)}
    )


def qr_code_data_url(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def set_up(request):
    """Add an authenticator app: scan, confirm with a code, then keep the recovery codes."""
    user = request.user
    if policy.has_authenticator(user):
        return render(
            request,
            "portal/two_factor/status.html",
            {"required": policy.must_use_two_factor(user)},
        )
    device = policy.pending_authenticator(user)
    form = SetUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = policy.seconds_before_next_try(user, devices=[device])
        if not wait and device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return show_recovery_codes(request, policy.new_recovery_codes(user))
        form.add_error(
            "code",
            too_soon(wait)
            if wait
            else _("That code is not right. Enter the six digits your app shows now."),
        )
    return render(
        request,
        "portal/two_factor/set_up.html",
        {
            "form": form,
            "qr_code": qr_code_data_url(device.config_url),
            "secret": b32encode(device.bin_key).decode(),
            "next": next_page(request),
        },
    )


def show_recovery_codes(request, codes: list[str]):
    response = render(
        request,
        "portal/two_factor/recovery_codes.html",
        {"codes": codes, "next": next_page(request)},
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def renew_recovery_codes(request):
    if not request.user.is_verified():
        return redirect("two_factor_set_up")
    return show_recovery_codes(request, policy.new_recovery_codes(request.user))


@require_POST
def turn_off(request):
    user = request.user
    if policy.must_use_two_factor(user):
        messages.error(request, _("Two-factor sign-in is required for your account."))
    else:
        policy.turn_off(user)
        messages.success(request, _("Two-factor sign-in is off for your account."))
    return redirect("two_factor_set_up")
