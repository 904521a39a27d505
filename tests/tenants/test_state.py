"""The state is the public schema; StateTenant stands in for a District on its hosts."""

from django_tenants.utils import get_public_schema_name, tenant_context

from tenants.state import StateTenant, on_state_schema


def test_only_the_public_schema_is_the_state(alpha):
    assert on_state_schema()
    with tenant_context(alpha):
        assert not on_state_schema()
    with tenant_context(StateTenant()):
        assert on_state_schema()


def test_the_state_tenant_is_named_and_addressed_by_settings(settings):
    settings.STATE_NAME = "Commonwealth of Examples"
    settings.STATE_DOMAIN = "education.example.gov"
    state = StateTenant()
    assert state.schema_name == get_public_schema_name()
    assert str(state) == "Commonwealth of Examples"
    assert state.domain_url == "education.example.gov"
    assert state.is_state and state.is_active
