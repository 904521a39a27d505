"""Paused sign-ins (django-axes): the page a locked-out visitor sees, and the admin list where
staff unlock an account. Each schema's admin lists only its own accounts' lockouts."""

from axes.models import AccessAttempt
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


def locked_out_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "errors/sign_in_locked.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    response["Cache-Control"] = "no-store"
    return response


class UnlockOnlyPolicy(ModelPermissionPolicy):
    """Staff may list failed sign-ins and delete them (which unlocks), never write them."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = [
        "username",
        "ip_address",
        "failures_since_start",
        DateColumn("attempt_time", label=_("Last failure")),
    ]
    search_fields = ["username", "ip_address"]
    permission_policy = UnlockOnlyPolicy(AccessAttempt)

    def get_form_class(self, for_update=False):
        return None


lockout_viewset = LockoutViewSet("sign_in_lockouts")
