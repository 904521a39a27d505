"""Holds an admin session at the second step until its code is entered (after django-otp's
OTPMiddleware, which knows whether this session has been verified). Elsewhere (GraphQL, the
council) a session still waiting for its code counts as nobody's."""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from portal.two_factor.policy import (
    SECOND_STEP_PENDING,
    has_authenticator,
    must_use_two_factor,
)

ADMIN_PREFIX = "/admin/"
# What a signed-in but unverified person may still reach: signing in or out, the code form.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}
SET_UP = {"two_factor_set_up"}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.hold(request) or self.get_response(request)

    def hold(self, request):
        if not request.path_info.startswith(ADMIN_PREFIX):
            if request.session.get(SECOND_STEP_PENDING) and not request.user.is_verified():
                request.user = AnonymousUser()
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            name = resolve(request.path_info, getattr(request, "urlconf", None)).url_name
        except Resolver404:
            return None
        if name in ALWAYS_OPEN:
            return None
        if has_authenticator(user):
            return self.send_to("two_factor_verify", request)
        if name not in SET_UP and must_use_two_factor(user):
            return self.send_to("two_factor_set_up", request)
        return None

    def send_to(self, url_name: str, request):
        return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")
