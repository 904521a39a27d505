"""Every council admin view is the state's: refused in any district's admin."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem

from tenants.permissions import StateOnlyPermissionPolicy
from tenants.state import on_state_schema


def state_staff_required(permission: str):
    """Only on the state site, and only for staff holding `permission`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not on_state_schema() or not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class StateOnlyViewSetMixin:
    """For ModelViewSets: the state's permission policy, so districts never see the model."""

    forbidden_actions: tuple[str, ...] = ()

    @cached_property
    def permission_policy(self):
        return StateOnlyPermissionPolicy(self.model, forbidden_actions=self.forbidden_actions)


class StateToolMenuItem(MenuItem):
    """A menu entry for a council tool, shown on the state site to staff with `permission`."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return on_state_schema() and request.user.has_perm(self.permission)
