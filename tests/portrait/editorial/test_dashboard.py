"""A district's admin opens on where its portrait stands, what waits for review and when the
state last heard from the district."""

import datetime

from django.utils import timezone

from tenants.models import DistrictListing
from tenants.starter import EDITORS
from tests.portrait.editorial.conftest import sign_in_member
from tests.portrait.editorial.test_workflow import NEW_TITLE, approve, submit_for_review

PANEL = "Your district at a glance"


def panel_of(member) -> str:
    page = member.client.get("/admin/").content.decode()
    assert PANEL in page
    return page[page.index(PANEL) :]


def test_a_new_district_sees_an_unpublished_portrait_and_no_sync(alpha, editor):
    DistrictListing.objects.filter(district=alpha).delete()
    panel = panel_of(editor)
    assert "Not yet published: visitors see no portrait." in panel
    assert "Nothing is waiting for review." in panel
    assert "Not yet: the statewide directory lists the district once it publishes." in panel


def test_a_submission_shows_as_waiting_for_editors_and_approvers(
    alpha, editor, approver, portrait, state_competencies
):
    submit_for_review(editor, portrait)
    for member in (editor, approver):
        panel = panel_of(member)
        assert "Waiting for an Approver&#x27;s review." in panel
        assert "1 page submitted for review:" in panel
        assert NEW_TITLE.replace("'", "&#x27;") in panel


def test_an_approved_portrait_is_published_and_the_sync_time_shown(
    alpha, editor, approver, portrait, state_competencies, django_capture_on_commit_callbacks
):
    submit_for_review(editor, portrait)
    approve(approver, alpha, portrait, django_capture_on_commit_callbacks)
    synced_at = DistrictListing.objects.get(district=alpha).synced_at
    local = timezone.localtime(synced_at)

    panel = panel_of(editor)

    assert "Published." in panel
    assert "Nothing is waiting for review." in panel
    assert f"{local:%B} {local.day}, {local.year}" in panel


def test_each_district_sees_only_its_own_status(
    alpha, bravo, editor, portrait, state_competencies, host_client
):
    submit_for_review(editor, portrait)
    long_ago = timezone.now() - datetime.timedelta(days=400)
    DistrictListing.objects.filter(district=alpha).delete()
    DistrictListing.objects.update_or_create(district=bravo, defaults={"synced_at": long_ago})
    bravo_editor = sign_in_member(bravo, host_client, "bravo-editor", EDITORS)

    panel = panel_of(bravo_editor)

    assert "Nothing is waiting for review." in panel
    assert "portrait of a graduate" not in panel
    assert f"{timezone.localtime(long_ago):%B} " in panel
    assert "Not yet: the statewide directory" in panel_of(editor)
