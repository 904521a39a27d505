"""State-owned models are out of reach from a district's admin, whatever a user holds there."""

import pytest
from django.contrib.auth import get_user_model
from django_tenants.utils import tenant_context

from tenants.models import District
from tenants.permissions import StateOnlyPermissionPolicy


def superuser():
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "x")


def test_the_state_admin_may_act_except_on_forbidden_actions(db):
    policy = StateOnlyPermissionPolicy(District, forbidden_actions=("delete",))
    chief = superuser()
    assert policy.user_has_permission(chief, "change")
    assert not policy.user_has_permission(chief, "delete")
    assert policy.user_has_any_permission(chief, ["delete", "change"])
    assert not policy.user_has_any_permission(chief, ["delete"])
    assert list(policy.users_with_any_permission(["change"])) == [chief]


@pytest.mark.xfail(
    strict=True,
    reason="with only forbidden actions left, Wagtail's policy still lists every superuser",
)
def test_nobody_is_listed_as_able_to_take_a_forbidden_action(db):
    policy = StateOnlyPermissionPolicy(District, forbidden_actions=("delete",))
    superuser()
    assert not policy.users_with_any_permission(["delete"]).exists()


def test_nobody_in_a_district_may_act_on_a_state_model(alpha):
    policy = StateOnlyPermissionPolicy(District)
    with tenant_context(alpha):
        chief = superuser()
        assert not policy.user_has_permission(chief, "change")
        assert not policy.user_has_any_permission(chief, ["add", "change", "delete"])
        assert not policy.users_with_any_permission(["change"]).exists()
