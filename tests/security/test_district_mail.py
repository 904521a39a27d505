"""Mail Wagtail writes for a district's people names the district's own host: its primary
domain, with the scheme and port the portal is configured with."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django_tenants.utils import tenant_context
from wagtail.admin.mail import send_notification
from wagtail.models import Page

from portrait.models import DistrictPortraitPage
from tenants.models import Domain
from tenants.starter import APPROVERS, EDITORS

RESET_LINK = re.compile(r"(https?://[^/\s]+)(/admin/password_reset/confirm/[^\s]+/)")
SHARED_PK = 6161


def add_member(district, username: str, group: str, password: str = "first-pw-93kd"):
    with tenant_context(district):
        user = get_user_model().objects.create_user(
            pk=SHARED_PK if group == EDITORS else None,
            username=username,
            email=f"{username}@example.org",
            password=password,
        )
        user.groups.add(Group.objects.get(name=group))
        return user


def request_reset(client, email: str) -> tuple[str, str]:
    """Ask for a reset on the client's host; the host and path of the link mailed back."""
    mail.outbox.clear()
    response = client.post("/admin/password_reset/", {"email": email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    host, path = RESET_LINK.search(mail.outbox[0].body).groups()
    return host, path


def sign_in(client, username: str, password: str) -> int:
    return client.post("/admin/login/", {"username": username, "password": password}).status_code


def test_a_district_user_resets_a_password_on_the_districts_host(alpha, host_client):
    add_member(alpha, "ana", EDITORS)
    on_alpha = host_client("alpha.localhost")

    host, path = request_reset(on_alpha, "ana@example.org")

    assert host == "http://alpha.localhost:8000"
    form_page = on_alpha.get(path, follow=True)
    assert form_page.status_code == 200
    set_password = form_page.redirect_chain[-1][0]
    new_password = "a-new-pw-for-ana-71"
    done = on_alpha.post(
        set_password, {"new_password1": new_password, "new_password2": new_password}
    )
    assert done.status_code == 302

    assert sign_in(host_client("alpha.localhost"), "ana", "first-pw-93kd") == 200  # refused
    signed_in = host_client("alpha.localhost")
    assert sign_in(signed_in, "ana", new_password) == 302
    assert signed_in.get("/admin/").status_code == 200


def test_a_districts_reset_link_does_nothing_on_another_district(alpha, bravo, host_client):
    add_member(alpha, "ana", EDITORS)
    add_member(bravo, "ana", EDITORS)  # the same id and user name in Bravo's schema
    _, path = request_reset(host_client("alpha.localhost"), "ana@example.org")

    on_bravo = host_client("bravo.localhost")
    page = on_bravo.get(path, follow=True)
    on_bravo.post(
        page.redirect_chain[-1][0] if page.redirect_chain else path,
        {"new_password1": "bravo-takeover-55", "new_password2": "bravo-takeover-55"},
    )

    assert sign_in(host_client("bravo.localhost"), "ana", "bravo-takeover-55") == 200
    assert sign_in(host_client("bravo.localhost"), "ana", "first-pw-93kd") == 302


def test_the_link_names_the_primary_domain_with_the_configured_scheme_and_port(
    alpha, host_client, settings
):
    settings.PUBLIC_SCHEME, settings.PUBLIC_PORT = "https", "443"
    Domain.objects.create(domain="www.alpha-schools.example", tenant=alpha, is_primary=True)
    add_member(alpha, "ana", EDITORS)

    host, _ = request_reset(host_client("alpha.localhost"), "ana@example.org")

    assert host == "https://www.alpha-schools.example"


def test_a_state_users_link_names_the_state(db, host_client):
    get_user_model().objects.create_user("sam", "sam@example.org", "first-pw-93kd")

    host, _ = request_reset(host_client("localhost"), "sam@example.org")

    assert host == "http://localhost:8000"


def submit_portrait(district, editor) -> int:
    with tenant_context(district):
        page = DistrictPortraitPage.objects.get()
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)
        return page.pk


def test_workflow_notifications_link_to_the_districts_admin(alpha, bravo, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    editor = add_member(alpha, "ana", EDITORS)
    add_member(alpha, "abe", APPROVERS)
    mail.outbox.clear()

    page_id = submit_portrait(alpha, editor)

    [message] = [m for m in mail.outbox if m.to == ["abe@example.org"]]
    assert f"http://alpha.localhost:8000/admin/pages/{page_id}/" in message.body
    html = message.alternatives[0][0]
    assert f'href="http://alpha.localhost:8000/admin/pages/{page_id}/' in html
    assert 'src="http://alpha.localhost:8000/static/wagtailadmin/images/email-header' in html
    assert "localhost:8000/admin" not in message.body.replace("alpha.localhost:8000/admin", "")


def test_comment_notifications_link_to_the_districts_admin(alpha, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    editor = add_member(alpha, "ana", EDITORS)
    subscriber = add_member(alpha, "abe", APPROVERS)
    mail.outbox.clear()

    with tenant_context(alpha):
        page = Page.objects.type(DistrictPortraitPage).get()
        # What the page editor sends when someone changes a subscribed page's comments.
        send_notification(
            [subscriber],
            "updated_comments",
            {
                "page": page,
                "editor": editor,
                "new_comments": [],
                "resolved_comments": [],
                "deleted_comments": [],
                "replied_comments": [],
            },
        )

    [message] = mail.outbox
    assert f"http://alpha.localhost:8000/admin/pages/{page.pk}/edit/" in message.body
    assert f"http://alpha.localhost:8000/admin/pages/{page.pk}/edit/" in message.alternatives[0][0]
