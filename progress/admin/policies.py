from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

from tenants.state import on_state_schema


class DistrictOnlyPermissionPolicy(ModelPermissionPolicy):
    """The model's table exists in district schemas only: the state admin never offers it."""

    def user_has_permission(self, user, action):
        return not on_state_schema() and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if on_state_schema():
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
