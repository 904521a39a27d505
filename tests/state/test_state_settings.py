"""The state's settings live in the public schema and only the state's admin edits them."""

from django.contrib.auth import get_user_model
from django_tenants.utils import tenant_context

from state.models import StateSettings

SETTINGS_URL = "/admin/settings/statewide/statesettings/"


def edit_url() -> str:
    return f"{SETTINGS_URL}{StateSettings.load().pk}/"


def superuser(username: str):
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.org", "pw-123456"
    )


def test_state_staff_edit_the_settings_in_the_state_admin(db, host_client):
    client = host_client("localhost")
    client.force_login(superuser("chief"))

    response = client.post(
        edit_url(),
        {
            "portrait_label": "Portrait of a Graduate",
            "minimum_cell_size": "12",
            "minimum_district_count": "4",
            "notice_lead_working_days": "5",
        },
        follow=True,
    )

    assert response.status_code == 200
    settings = StateSettings.load()
    assert (settings.portrait_label, settings.minimum_cell_size) == ("Portrait of a Graduate", 12)
    assert settings.minimum_district_count == 4


def test_a_bad_minimum_cell_size_changes_nothing(db, host_client):
    client = host_client("localhost")
    client.force_login(superuser("chief"))

    response = client.post(
        edit_url(),
        {"portrait_label": "Portrait of a Learner", "minimum_cell_size": "1"},
        follow=True,
    )

    assert "Ensure this value is greater than or equal to 2." in response.content.decode()
    assert StateSettings.load().minimum_cell_size == 10


def test_a_districts_superuser_can_neither_see_nor_edit_them(alpha, host_client):
    with tenant_context(alpha):
        superuser("district-admin")
    client = host_client("alpha.localhost")
    client.post("/admin/login/", {"username": "district-admin", "password": "pw-123456"})

    dashboard = client.get("/admin/")
    menu = dashboard.content.decode()
    assert dashboard.status_code == 200  # signed in to the district's own admin
    edit = client.get(edit_url())
    change = client.post(edit_url(), {"portrait_label": "Portrait of a Graduate"})

    assert "statewide/statesettings" not in menu
    assert edit.status_code in (302, 403)
    assert change.status_code in (302, 403)
    assert StateSettings.load().portrait_label == "Portrait of a Learner"
