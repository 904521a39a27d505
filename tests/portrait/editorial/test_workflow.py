"""A district portrait goes from draft to published through the Approvers' review, in the
real admin on the district's host, and the state's read model follows."""

from django_tenants.utils import tenant_context
from wagtail.models import Revision, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from portrait.models import DistrictPortraitPage
from state.models import PortraitAlignment, PortraitListing
from tests.portrait.editorial.conftest import (
    admin_url,
    competency_form,
    messages_of,
    portrait_form,
)

NEW_TITLE = "Alpha's portrait of a graduate"


def submit_for_review(editor, portrait):
    form = portrait_form(
        portrait,
        NEW_TITLE,
        [
            competency_form("Asks good questions", ["curious-learner"]),
            competency_form("Speaks and writes well", ["clear-communicator", "curious-learner"]),
        ],
        action="action-submit",
    )
    return editor.client.post(admin_url("wagtailadmin_pages:edit", portrait.pk), form)


def approve(approver, alpha, portrait, on_commit):
    with tenant_context(alpha):
        task_state = DistrictPortraitPage.objects.get().current_workflow_task_state
    url = admin_url("wagtailadmin_pages:workflow_action", portrait.pk, "approve", task_state.pk)
    with on_commit(execute=True):
        return approver.client.post(url, {"comment": "Ready for the public."})


def test_an_editors_submission_waits_for_the_approvers(alpha, editor, portrait, state_competencies):
    response = submit_for_review(editor, portrait)

    assert response.status_code == 302
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        assert page.title == "Portrait of a learner"  # the live page is unchanged
        assert page.has_unpublished_changes
        state = page.current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.workflow.name == "Review by Approvers"
        assert page.current_workflow_task.name == "Approval by Approvers"
        assert page.get_latest_revision().content["title"] == NEW_TITLE
    assert not PortraitListing.objects.filter(district=alpha).exists()


def test_an_editor_cannot_publish_or_approve(alpha, editor, portrait, state_competencies):
    publish = portrait_form(
        portrait, NEW_TITLE, [competency_form("Asks", ["curious-learner"])], "action-publish"
    )
    editor.client.post(admin_url("wagtailadmin_pages:edit", portrait.pk), publish)
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        # Without the publish permission the button is only a save.
        assert page.title == "Portrait of a learner"
        assert not page.competencies
    submit_for_review(editor, portrait)
    with tenant_context(alpha):
        task_state = DistrictPortraitPage.objects.get().current_workflow_task_state

    response = editor.client.post(
        admin_url("wagtailadmin_pages:workflow_action", portrait.pk, "approve", task_state.pk)
    )

    # The admin turns a refusal into a redirect with its message.
    assert response.status_code == 302
    assert "you do not have permission" in " ".join(messages_of(response))
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        assert page.title == "Portrait of a learner"
        assert page.workflow_in_progress


def test_an_approver_publishes_and_the_state_lists_the_portrait(
    alpha, editor, approver, portrait, state_competencies, django_capture_on_commit_callbacks
):
    submit_for_review(editor, portrait)

    response = approve(approver, alpha, portrait, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        assert page.live and not page.has_unpublished_changes
        assert page.title == NEW_TITLE
        assert [block.value["name"] for block in page.competencies] == [
            "Asks good questions",
            "Speaks and writes well",
        ]
        assert not page.workflow_in_progress
        assert WorkflowState.objects.get(base_content_type__model="page").status == (
            WorkflowState.STATUS_APPROVED
        )
    listing = PortraitListing.objects.get(district=alpha)
    assert listing.title == NEW_TITLE
    assert sorted(
        PortraitAlignment.objects.filter(district=alpha).values_list(
            "state_competency_slug", flat=True
        )
    ) == ["clear-communicator", "curious-learner"]


def test_revisions_are_kept_and_an_earlier_one_can_be_published_again(
    alpha, approver, portrait, state_competencies
):
    edit_url = admin_url("wagtailadmin_pages:edit", portrait.pk)
    for title in ("First wording", "Second wording"):
        form = portrait_form(
            portrait, title, [competency_form("Asks", ["curious-learner"])], "action-publish"
        )
        assert approver.client.post(edit_url, form).status_code == 302
    with tenant_context(alpha):
        first = Revision.page_revisions.filter(object_id=str(portrait.pk)).get(
            content__title="First wording"
        )
    history = approver.client.get(admin_url("wagtailadmin_pages:history", portrait.pk))
    assert "First wording" in history.content.decode()

    revert = approver.client.get(
        admin_url("wagtailadmin_pages:revisions_revert", portrait.pk, first.pk)
    )
    assert revert.status_code == 200
    # The edit form comes back filled with the earlier revision; the browser posts it as is.
    filled = querydict_from_html(revert.content.decode(), form_id="page-edit-form")
    assert filled["title"] == "First wording"
    form = portrait_form(
        portrait, filled["title"], [competency_form("Asks", ["curious-learner"])], "action-publish"
    )
    response = approver.client.post(edit_url, form)

    assert response.status_code == 302
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        assert page.title == "First wording"
        # Nothing is lost: both wordings and the starter's revision stay in the history.
        assert page.revisions.count() == 4


def test_the_preview_shows_the_draft_and_not_the_live_page(
    alpha, editor, portrait, state_competencies, host_client
):
    draft = portrait_form(
        portrait,
        NEW_TITLE,
        [competency_form("Asks good questions", ["curious-learner"])],
        vision_statement="<p>Every graduate leaves curious.</p>",
    )
    preview_url = admin_url("wagtailadmin_pages:preview_on_edit", portrait.pk)

    check = editor.client.post(preview_url, draft)
    shown = editor.client.get(preview_url)

    assert check.json()["is_valid"] is True
    assert shown.status_code == 200
    assert "Every graduate leaves curious." in shown.content.decode()
    assert "Asks good questions" in shown.content.decode()
    live = host_client("alpha.localhost").get(portrait.url)
    assert "Every graduate leaves curious." not in live.content.decode()


def test_a_page_locked_by_an_approver_is_read_only_for_an_editor_until_unlocked(
    alpha, editor, approver, portrait, state_competencies
):
    edit_url = admin_url("wagtailadmin_pages:edit", portrait.pk)
    approver.client.post(admin_url("wagtailadmin_pages:lock", portrait.pk))

    shown = editor.client.get(edit_url)

    # The editor is told who holds the lock.
    assert "'Portrait of a learner' was locked by alpha-approver" in " ".join(messages_of(shown))
    with tenant_context(alpha):
        assert DistrictPortraitPage.objects.get().locked_by == approver.user

    approver.client.post(admin_url("wagtailadmin_pages:unlock", portrait.pk))
    form = portrait_form(
        portrait, "Edited after unlock", [competency_form("A", ["curious-learner"])]
    )
    assert editor.client.post(edit_url, form).status_code == 302
    with tenant_context(alpha):
        assert DistrictPortraitPage.objects.get().get_latest_revision().content["title"] == (
            "Edited after unlock"
        )
