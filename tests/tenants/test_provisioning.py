"""Provisioning a district: its row, host name, schema, site, editorial groups and first admin."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django_tenants.utils import schema_exists, tenant_context
from wagtail.models import GroupApprovalTask, Site, Workflow

from portrait.models import DistrictHomePage, DistrictPortraitPage
from tenants.models import District, Domain, schema_name_for
from tenants.provisioning import DistrictSpec, provision_district
from tenants.starter import APPROVERS, EDITORS

User = get_user_model()
NEW_PASSWORD = "Lantern-Orchard-Seventy-3"


def provision(slug: str, name: str | None = None, admin_email: str | None = None):
    name = f"{slug.title()} School District" if name is None else name
    spec = DistrictSpec(name, slug, "Test region", "developing")
    return provision_district(spec, admin_email=admin_email)


def test_provisioning_creates_the_row_its_domain_and_its_schema(db):
    district = provision("prov-row").district

    stored = District.objects.get(slug="prov-row")
    assert stored.pk == district.pk
    assert stored.name == "Prov-Row School District"
    assert stored.region == "Test region"
    assert stored.adoption_stage == "developing"
    assert stored.is_active
    assert stored.schema_name == schema_name_for("prov-row") == "district_prov_row"
    assert list(Domain.objects.filter(tenant=stored).values_list("domain", "is_primary")) == [
        ("prov-row.localhost", True)
    ]
    assert schema_exists("district_prov_row")


def test_the_districts_site_carries_its_host_name_and_a_live_home_titled_with_its_name(db):
    district = provision("prov-site", name="Site Test Schools").district

    with tenant_context(district):
        site = Site.objects.get(is_default_site=True)
        hostname, site_name = site.hostname, site.site_name
        home = site.root_page.specific
        portraits = list(DistrictPortraitPage.objects.child_of(home))
        sites = Site.objects.count()

    assert sites == 1
    assert hostname == "prov-site.localhost"
    assert site_name == "Site Test Schools"
    assert isinstance(home, DistrictHomePage)
    assert home.title == "Site Test Schools"
    assert home.draft_title == "Site Test Schools"
    assert home.live
    assert not home.has_unpublished_changes
    assert len(portraits) == 1
    assert portraits[0].live


def test_the_home_page_is_served_on_the_districts_host(db, host_client):
    provision("prov-serve", name="Served Schools")

    response = host_client("prov-serve.localhost").get("/")

    assert response.status_code == 200
    assert b"Served Schools" in response.content


def test_approvers_can_publish_and_editors_cannot(db):
    district = provision("prov-groups").district

    with tenant_context(district):
        groups = set(Group.objects.values_list("name", flat=True))
        home = DistrictHomePage.objects.get()
        approver = User.objects.create_user("approver", password="x")
        approver.groups.add(Group.objects.get(name=APPROVERS))
        editor = User.objects.create_user("editor", password="x")
        editor.groups.add(Group.objects.get(name=EDITORS))
        approver_can_publish = home.permissions_for_user(approver).can_publish()
        editor_can_edit = home.permissions_for_user(editor).can_edit()
        editor_can_publish = home.permissions_for_user(editor).can_publish()
        approval_groups = set(
            GroupApprovalTask.objects.filter(
                workflow_tasks__workflow__in=Workflow.objects.filter(active=True)
            ).values_list("groups__name", flat=True)
        )

    assert {EDITORS, APPROVERS} <= groups
    assert approver_can_publish
    assert editor_can_edit
    assert not editor_can_publish
    assert APPROVERS in approval_groups


def test_the_invited_admin_exists_in_the_districts_schema_only(db, alpha):
    email = "first.admin@example.org"
    district = provision("prov-admin", admin_email=email).district

    with tenant_context(district):
        admin = User.objects.get(email=email)
        admin_flags = (admin.username, admin.is_superuser, admin.is_staff, admin.is_active)
        admin_has_usable_password = admin.has_usable_password()
    in_public = User.objects.filter(email=email).exists()
    with tenant_context(alpha):
        in_alpha = User.objects.filter(email=email).exists()

    assert admin_flags == (email, True, True, True)
    assert not admin_has_usable_password
    assert not in_public
    assert not in_alpha


def test_the_invitation_mails_the_set_password_link(db):
    provisioned = provision("prov-mail", name="Mail Schools", admin_email="boss@example.org")

    assert provisioned.set_password_url is not None
    assert provisioned.set_password_url.startswith("http://prov-mail.localhost")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["boss@example.org"]
    assert "Mail Schools" in message.subject
    assert provisioned.set_password_url in message.body


def test_no_admin_and_no_mail_without_an_admin_email(db):
    provisioned = provision("prov-nomail")

    with tenant_context(provisioned.district):
        users = User.objects.count()

    assert provisioned.set_password_url is None
    assert users == 0
    assert mail.outbox == []


def test_the_set_password_link_works_once_and_the_admin_can_then_sign_in(db, host_client):
    email = "chooser@example.org"
    provisioned = provision("prov-link", admin_email=email)
    link = urlsplit(provisioned.set_password_url).path
    client = host_client("prov-link.localhost")

    # Django's reset view swaps the token into the session and redirects to a token-less URL.
    opened = client.get(link)
    assert opened.status_code == 302
    set_password_path = opened["Location"]
    assert "set-password" in set_password_path
    form = client.get(set_password_path)
    assert form.status_code == 200
    assert form.context["validlink"] is True
    chosen = client.post(
        set_password_path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert chosen.status_code == 302

    with tenant_context(provisioned.district):
        assert User.objects.get(email=email).check_password(NEW_PASSWORD)
    connection.set_schema_to_public()

    again = host_client("prov-link.localhost").get(link, follow=True)
    assert again.status_code == 200
    assert again.context["validlink"] is False

    signed_in = host_client("prov-link.localhost")
    login = signed_in.post("/admin/login/", {"username": email, "password": NEW_PASSWORD})
    assert login.status_code == 302
    assert signed_in.get("/admin/").status_code == 200

    # The account is the district's: the state does not know it.
    state = host_client("localhost")
    refused = state.post("/admin/login/", {"username": email, "password": NEW_PASSWORD})
    assert refused.status_code == 200
    assert state.get("/admin/").status_code == 302


def test_the_set_password_link_is_refused_on_another_districts_host(db, alpha, host_client):
    provisioned = provision("prov-elsewhere", admin_email="elsewhere@example.org")
    link = urlsplit(provisioned.set_password_url).path

    response = host_client("alpha.localhost").get(link, follow=True)

    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert response.context["validlink"] is False


@pytest.mark.parametrize(
    "slug",
    [
        "Uppercase",
        "www",
        "template",
        "public",
        "x" * 51,
        "-leading-hyphen",
        "under_score",
        "",
    ],
)
def test_a_bad_slug_is_refused_and_leaves_nothing(db, slug):
    districts_before = District.objects.count()
    domains_before = Domain.objects.count()

    with pytest.raises(ValidationError) as raised:
        provision(slug, name="Bad Slug Schools", admin_email="bad@example.org")

    assert "slug" in raised.value.message_dict
    assert District.objects.count() == districts_before
    assert Domain.objects.count() == domains_before
    assert not District.objects.filter(name="Bad Slug Schools").exists()
    if slug != "template":  # district_template is the template itself
        assert not schema_exists(schema_name_for(slug))
    assert mail.outbox == []


def test_a_bad_slug_leaves_the_template_untouched(db):
    """The slug "template" would name the template's own schema."""
    with pytest.raises(ValidationError):
        provision("template", name="Template Trap Schools")

    assert not District.objects.filter(schema_name="district_template").exists()
    assert not Domain.objects.filter(domain="template.localhost").exists()


def test_a_duplicate_slug_is_refused_and_leaves_nothing(db, alpha):
    districts_before = District.objects.count()
    domains_before = Domain.objects.count()

    with pytest.raises(ValidationError) as raised:
        provision("alpha", name="Second Alpha", admin_email="second@example.org")

    assert "slug" in raised.value.message_dict
    assert District.objects.count() == districts_before
    assert Domain.objects.count() == domains_before
    assert not District.objects.filter(name="Second Alpha").exists()
    with tenant_context(alpha):
        assert not User.objects.filter(email="second@example.org").exists()
    assert mail.outbox == []


def test_an_empty_name_is_refused_and_leaves_nothing(db):
    with pytest.raises(ValidationError) as raised:
        provision("prov-noname", name="")

    assert "name" in raised.value.message_dict
    assert not District.objects.filter(slug="prov-noname").exists()
    assert not schema_exists("district_prov_noname")


def test_admins_invited_with_the_same_email_share_no_password_hash(db):
    email = "twice@example.org"
    first = provision("prov-hash-one", admin_email=email).district
    second = provision("prov-hash-two", admin_email=email).district

    hashes = []
    for district in (first, second):
        with tenant_context(district):
            user = User.objects.get(email=email)
            hashes.append(user.password)
            assert not user.has_usable_password()

    assert all(h.startswith("!") and len(h) > 20 for h in hashes)
    assert hashes[0] != hashes[1]


def test_a_link_for_one_district_does_not_set_the_password_in_another(db, host_client):
    """Both admins have the same primary key in their own schema; the token must not travel."""
    email = "same@example.org"
    first = provision("prov-cross-one", admin_email=email)
    second = provision("prov-cross-two", admin_email=email)
    first_link = urlsplit(first.set_password_url).path
    second_link = urlsplit(second.set_password_url).path
    assert first_link.split("/")[-3] == second_link.split("/")[-3]  # same uid

    response = host_client("prov-cross-two.localhost").get(first_link, follow=True)

    assert response.status_code == 200
    assert response.context["validlink"] is False


def test_editorial_groups_start_at_the_districts_home_page(alpha):
    from django_tenants.utils import tenant_context
    from wagtail.models import GroupPagePermission

    with tenant_context(alpha):
        home = DistrictHomePage.objects.get()
        granted = set(GroupPagePermission.objects.values_list("group__name", "page_id"))
    assert granted == {("Editors", home.pk), ("Approvers", home.pk), ("Translators", home.pk)}


def test_the_approval_workflow_speaks_of_approvers(alpha):
    from django_tenants.utils import tenant_context
    from wagtail.models import Task, Workflow

    with tenant_context(alpha):
        assert list(Workflow.objects.values_list("name", flat=True)) == ["Review by Approvers"]
        assert list(Task.objects.values_list("name", flat=True)) == ["Approval by Approvers"]


def test_the_leadership_team_runs_progress_and_editors_do_not(alpha, host_client):
    from django.contrib.auth.models import Group
    from django_tenants.utils import tenant_context

    with tenant_context(alpha):
        for username, group in [("lead", "Leadership team"), ("writer", "Editors")]:
            user = User.objects.create_user(username, f"{username}@example.org", "pw-lead-12345")
            user.groups.add(Group.objects.get(name=group))
    pages = ["/admin/learner-outcomes/", "/admin/adoption-stage/"]

    def statuses(username: str) -> list[int]:
        client = host_client("alpha.localhost")
        client.post("/admin/login/", {"username": username, "password": "pw-lead-12345"})
        return [client.get(page).status_code for page in pages]

    assert statuses("lead") == [200, 200]
    assert all(status in (302, 403) for status in statuses("writer"))
