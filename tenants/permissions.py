"""Permission policies for state-owned models whose tables districts can also see.

Public-schema tables sit on every district's search path, so anything the state owns is
hidden from district admins by policy, whatever permissions a district's users hold.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

from tenants.state import on_state_schema


class StateOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody reaches the model from a district's admin; `forbidden_actions` are refused
    everywhere."""

    def __init__(self, model, forbidden_actions: tuple[str, ...] = (), **kwargs):
        super().__init__(model, **kwargs)
        self.forbidden_actions = frozenset(forbidden_actions)

    def user_has_permission(self, user, action):
        if not on_state_schema() or action in self.forbidden_actions:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not on_state_schema():
            return get_user_model().objects.none()
        allowed = [action for action in actions if action not in self.forbidden_actions]
        return super().users_with_any_permission(allowed)
