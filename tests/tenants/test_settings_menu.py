"""A district's admin offers only the settings that mean something to the district."""

from django.contrib.auth import get_user_model
from django_tenants.utils import tenant_context

CACHE_SETTINGS = "/admin/cache/"


def superuser(username: str):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "x")


def test_a_districts_admin_hides_the_page_cache_settings(alpha, host_client):
    with tenant_context(alpha):
        client = host_client("alpha.localhost")
        client.force_login(superuser("district-admin"))

    dashboard = client.get("/admin/")

    assert dashboard.status_code == 200
    assert CACHE_SETTINGS not in dashboard.content.decode()


def test_the_state_admin_keeps_them(db, host_client):
    client = host_client("localhost")
    client.force_login(superuser("state-admin"))

    assert CACHE_SETTINGS in client.get("/admin/").content.decode()


def test_a_districts_admin_does_not_serve_them_by_address_either(alpha, host_client):
    with tenant_context(alpha):
        client = host_client("alpha.localhost")
        client.force_login(superuser("district-admin"))

    assert client.get(CACHE_SETTINGS).status_code == 404
    assert client.get(CACHE_SETTINGS + "clear/").status_code == 404
