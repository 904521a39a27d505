"""The council is the state's: no district host serves it, no district admin sees it."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import tenant_context

from tests.factories.council import make_convening, make_survey

ADMIN_PATHS = [
    "/admin/council_convenings/",
    "/admin/council_prompts/",
    "/admin/council_minutes/",
    "/admin/council_members/",
    "/admin/council_exports/",
    "/admin/council/",
    "/admin/council/check-in/",
    "/admin/council/moderation/",
]
SETTINGS_PATH = "/admin/settings/council/councilsettings/"


@pytest.fixture
def district_admin(alpha, host_client):
    with tenant_context(alpha):
        user = get_user_model().objects.create_superuser("alpha-boss", "boss@example.org", "x")
        client = host_client("alpha.localhost")
        client.force_login(user)
    connection.set_schema_to_public()
    return client


@pytest.mark.parametrize("path", ["/council/", "/council/convenings/", "/council/prompts/survey/"])
def test_a_district_host_never_serves_the_council(alpha, host_client, path):
    make_convening()
    make_survey()
    assert host_client("alpha.localhost").get(path).status_code == 404


def test_a_district_superuser_sees_no_council_in_their_admin(district_admin):
    make_convening()
    home = district_admin.get("/admin/")
    assert home.status_code == 200
    assert "Convenings" not in home.content.decode()
    assert "Council settings" not in home.content.decode()
    for path in ADMIN_PATHS:
        response = district_admin.get(path)
        assert response.status_code in (302, 403), path
        assert "Convening spring" not in response.content.decode()


def test_the_state_superuser_sees_the_council(db, host_client):
    user = get_user_model().objects.create_superuser("state-boss", "sb@example.org", "x")
    client = host_client("localhost")
    client.force_login(user)
    make_convening()
    assert "Convening spring" in client.get("/admin/council_convenings/").content.decode()
    for path in ADMIN_PATHS:
        assert client.get(path).status_code == 200, path


def test_council_settings_are_the_states_alone(district_admin, host_client):
    refused = district_admin.get(SETTINGS_PATH, follow=True)
    assert "submissions_per_minute" not in refused.content.decode()
    user = get_user_model().objects.create_superuser("state-boss", "sb@example.org", "x")
    client = host_client("localhost")
    client.force_login(user)
    shown = client.get(SETTINGS_PATH, follow=True)
    assert shown.status_code == 200 and "submissions_per_minute" in shown.content.decode()
