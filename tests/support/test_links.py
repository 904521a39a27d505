"""Support links let state staff into a district's admin: signed, short-lived, single use,
for holders of the permission only, and recorded on both sides. No account crosses schemas."""

import time
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django_tenants.utils import tenant_context
from wagtail.models import ModelLogEntry

from support.links import ISSUED_ACTION, SIGN_IN_ACTION, issue_support_link
from tenants.models import SupportLink


@pytest.fixture
def staff_member(db):
    user = get_user_model().objects.create_user(
        username="sam.support", email="sam@state.example", password="state-password-1"
    )
    user.user_permissions.add(Permission.objects.get(codename="open_support_link"))
    return get_user_model().objects.get(pk=user.pk)  # fresh: permissions are cached


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_a_support_link_signs_staff_into_that_districts_admin(
    alpha, bravo, staff_member, host_client
):
    url = issue_support_link(alpha, staff_member, "Help the editors with a broken page")
    assert urlsplit(url).hostname == "alpha.localhost"
    on_alpha = host_client("alpha.localhost")

    response = on_alpha.get(path_of(url))

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert on_alpha.get("/admin/").status_code == 200
    with tenant_context(alpha):
        support_user = get_user_model().objects.get(username="state-support.sam.support")
        assert not support_user.has_usable_password()
        assert support_user.password != staff_member.password
        entry = ModelLogEntry.objects.get(action=SIGN_IN_ACTION)
        assert entry.data["issued_to"] == "sam.support"
        assert entry.data["reason"] == "Help the editors with a broken page"
    with tenant_context(bravo):
        assert not ModelLogEntry.objects.filter(action=SIGN_IN_ACTION).exists()
        assert not get_user_model().objects.filter(username__startswith="state-support").exists()
    link = SupportLink.objects.get()
    assert link.used_at is not None
    assert ModelLogEntry.objects.filter(action=ISSUED_ACTION, object_id=str(alpha.pk)).exists()


def test_a_used_link_is_refused(alpha, staff_member, host_client):
    url = issue_support_link(alpha, staff_member, "Check the workflow")
    assert host_client("alpha.localhost").get(path_of(url)).status_code == 302

    second = host_client("alpha.localhost")
    response = second.get(path_of(url))

    assert response.status_code == 403
    assert "already been used" in response.content.decode()
    assert second.get("/admin/").status_code == 302  # not signed in


def test_an_expired_link_is_refused(alpha, staff_member, host_client, settings):
    url = issue_support_link(alpha, staff_member, "Check the workflow")
    later = time.time() + settings.SUPPORT_LINK_MAX_AGE_SECONDS + 1
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = host_client("alpha.localhost").get(path_of(url))
    assert response.status_code == 403
    assert "expired" in response.content.decode()
    assert SupportLink.objects.get().used_at is None


def test_a_link_for_alpha_is_refused_on_bravo_and_stays_usable(alpha, staff_member, host_client):
    url = issue_support_link(alpha, staff_member, "Check the workflow")

    response = host_client("bravo.localhost").get(path_of(url))

    assert response.status_code == 403
    assert "another district" in response.content.decode()
    assert host_client("alpha.localhost").get(path_of(url)).status_code == 302


def test_a_tampered_link_is_refused(alpha, staff_member, host_client):
    url = issue_support_link(alpha, staff_member, "Check the workflow")
    tampered = path_of(url).replace("/enter/", "/enter/x")
    response = host_client("alpha.localhost").get(tampered)
    assert response.status_code == 403
    assert "not valid" in response.content.decode()


def test_only_holders_of_the_permission_may_issue_links(alpha, db):
    clerk = get_user_model().objects.create_user(username="clerk", password="state-password-2")
    with pytest.raises(PermissionDenied):
        issue_support_link(alpha, clerk, "Curious")
    assert not SupportLink.objects.exists()


def test_a_link_needs_a_reason(alpha, staff_member):
    with pytest.raises(ValueError):
        issue_support_link(alpha, staff_member, "   ")
    assert not SupportLink.objects.exists()
