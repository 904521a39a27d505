"""The district registry in the state's Wagtail admin, and its absence from districts' admins."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.db import connection
from django.urls import reverse
from django_tenants.utils import schema_exists, tenant_context

from tenants.models import District, Domain, SupportLink

User = get_user_model()
STATE_URLS = "portal.urls.state"
DISTRICT_URLS = "portal.urls.district"


def state_url(name: str, *args) -> str:
    return reverse(name, urlconf=STATE_URLS, args=args)


def district_form(**overrides) -> dict:
    data = {
        "name": "Admin Form Schools",
        "slug": "adm-form",
        "region": "Western",
        "adoption_stage": "considering",
        "is_active": "on",
        "admin_email": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def state_admin(db, host_client):
    user = User.objects.create_superuser("state-admin", "state-admin@example.org", "x")
    client = host_client("localhost")
    client.force_login(user)
    return client


def state_staff(host_client, username: str, *codenames: str):
    """A state staff member who may enter the admin and work on districts, and no more."""
    user = User.objects.create_user(username, f"{username}@example.org", "x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        *Permission.objects.filter(
            content_type__app_label="tenants", codename__in=["view_district", *codenames]
        ),
    )
    client = host_client("localhost")
    client.force_login(user)
    return client


@pytest.fixture
def district_admin(alpha, host_client):
    with tenant_context(alpha):
        user = User.objects.create_superuser("alpha-admin", "alpha-admin@example.org", "x")
        client = host_client("alpha.localhost")
        client.force_login(user)
    connection.set_schema_to_public()
    return client


def test_the_url_names_are_where_the_admin_expects_them(db):
    assert state_url("districts:index") == "/admin/districts/"
    assert state_url("districts:add") == "/admin/districts/new/"
    assert state_url("districts:edit", 7) == "/admin/districts/edit/7/"
    assert state_url("districts:support_link", 7) == "/admin/districts/7/support/"


def test_the_index_lists_districts_and_when_they_last_synced(state_admin, alpha, bravo):
    response = state_admin.get(state_url("districts:index"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Alpha School District" in content
    assert "Bravo School District" in content
    assert "Last synced" in content


def test_the_state_admin_menu_shows_districts(state_admin):
    response = state_admin.get("/admin/")

    assert response.status_code == 200
    assert b"/admin/districts/" in response.content


def test_adding_a_district_through_the_admin_provisions_it(state_admin):
    response = state_admin.post(
        state_url("districts:add"), district_form(admin_email="form.admin@example.org")
    )

    assert response.status_code == 302
    district = District.objects.get(slug="adm-form")
    assert district.name == "Admin Form Schools"
    assert district.region == "Western"
    assert district.adoption_stage == "considering"
    assert district.is_active
    assert district.schema_name == "district_adm_form"
    assert schema_exists("district_adm_form")
    assert Domain.objects.filter(tenant=district, domain="adm-form.localhost", is_primary=True)
    with tenant_context(district):
        admin = User.objects.get(email="form.admin@example.org")
        assert admin.is_superuser
    assert not User.objects.filter(email="form.admin@example.org").exists()
    assert [message.to for message in mail.outbox] == [["form.admin@example.org"]]


def test_an_added_district_is_served_on_its_host(state_admin, host_client):
    state_admin.post(state_url("districts:add"), district_form(slug="adm-served"))

    response = host_client("adm-served.localhost").get("/")

    assert response.status_code == 200
    assert b"Admin Form Schools" in response.content


@pytest.mark.parametrize("slug", ["Bad_Slug", "www", "template"])
def test_a_bad_slug_in_the_admin_form_is_a_form_error_and_creates_nothing(state_admin, slug):
    districts_before = District.objects.count()

    response = state_admin.post(state_url("districts:add"), district_form(slug=slug))

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert District.objects.count() == districts_before
    assert mail.outbox == []


def test_a_taken_slug_in_the_admin_form_is_a_form_error(state_admin, alpha):
    districts_before = District.objects.count()

    response = state_admin.post(state_url("districts:add"), district_form(slug="alpha"))

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert District.objects.count() == districts_before


def test_an_admin_email_too_long_for_a_user_name_is_a_form_error_not_a_server_error(
    state_admin,
):
    """A valid address of 196 characters: the user name it becomes holds at most 150."""
    email = f"{'a' * 64}@{'b' * 63}.{'c' * 63}.org"
    districts_before = District.objects.count()

    response = state_admin.post(
        state_url("districts:add"), district_form(slug="adm-long-email", admin_email=email)
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert District.objects.count() == districts_before
    assert not schema_exists("district_adm_long_email")


def test_the_edit_form_does_not_change_the_slug(state_admin, bravo):
    response = state_admin.post(
        state_url("districts:edit", bravo.pk),
        district_form(name="Bravo Renamed", slug="bravo-moved", region="South", admin_email=None),
    )

    assert response.status_code == 302
    bravo_now = District.objects.get(pk=bravo.pk)
    assert bravo_now.name == "Bravo Renamed"
    assert bravo_now.slug == "bravo"
    assert bravo_now.schema_name == bravo.schema_name
    assert not District.objects.filter(slug="bravo-moved").exists()


def test_there_is_no_delete(state_admin, bravo):
    delete_url = f"/admin/districts/delete/{bravo.pk}/"

    shown = state_admin.get(delete_url)
    posted = state_admin.post(delete_url)

    assert shown.status_code in (302, 403, 404)
    assert posted.status_code in (302, 403, 404)
    assert District.objects.filter(pk=bravo.pk).exists()
    assert schema_exists(bravo.schema_name)
    edit = state_admin.get(state_url("districts:edit", bravo.pk))
    assert edit.status_code == 200
    assert delete_url.encode() not in edit.content


def test_a_district_superuser_cannot_reach_the_registry(district_admin, alpha, bravo):
    response = district_admin.get("/admin/districts/")

    assert response.status_code in (302, 403, 404)
    assert b"Bravo School District" not in response.content
    for url in (
        "/admin/districts/new/",
        f"/admin/districts/edit/{bravo.pk}/",
        f"/admin/districts/{bravo.pk}/support/",
    ):
        assert district_admin.get(url).status_code in (302, 403, 404), url
    created = district_admin.post("/admin/districts/new/", district_form(slug="adm-from-alpha"))
    assert created.status_code in (302, 403, 404)
    assert not District.objects.filter(slug="adm-from-alpha").exists()


def test_the_district_admin_menu_does_not_show_districts(district_admin):
    response = district_admin.get("/admin/")

    assert response.status_code == 200
    assert b"/admin/districts/" not in response.content


def test_state_staff_without_the_support_permission_are_refused_a_support_link(
    host_client, db, alpha
):
    client = state_staff(host_client, "no-support")
    url = state_url("districts:support_link", alpha.pk)

    shown = client.get(url)
    posted = client.post(url, {"reason": "Helping with a page"})

    assert shown.status_code in (302, 403)
    assert posted.status_code in (302, 403)
    assert not SupportLink.objects.filter(district=alpha).exists()


def test_state_staff_with_the_support_permission_are_asked_for_a_reason(host_client, db, alpha):
    client = state_staff(host_client, "with-support", "open_support_link")

    response = client.get(state_url("districts:support_link", alpha.pk))

    assert response.status_code == 200
    assert "reason" in response.context["form"].fields
