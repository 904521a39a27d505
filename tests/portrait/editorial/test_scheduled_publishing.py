"""Scheduled pages go live on time in every schema: the state's and each district's."""

from datetime import timedelta
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, tenant_context

from portrait.models import DistrictPortraitPage, StateHomePage
from publishing.tasks import publish_scheduled_pages
from state.models import PortraitListing
from tests.factories.portrait import competency_value
from tests.portrait.editorial.conftest import admin_url, competency_form, portrait_form

GO_LIVE = timezone.now() + timedelta(hours=1)


def a_minute_after_go_live():
    """Beat's next run, once the go-live time has passed."""
    return mock.patch("django.utils.timezone.now", return_value=GO_LIVE + timedelta(minutes=1))


def schedule_in_code(page, title: str):
    page.title = title
    page.go_live_at = GO_LIVE
    page.save_revision().publish()


def test_pages_scheduled_in_two_districts_and_the_state_go_live_in_one_run(
    alpha, bravo, approver, portrait, state_competencies, django_capture_on_commit_callbacks
):
    # Alpha's approver schedules the portrait in the admin.
    form = portrait_form(
        portrait,
        "Alpha, scheduled",
        [competency_form("Asks good questions", ["curious-learner"])],
        "action-publish",
        go_live_at=timezone.localtime(GO_LIVE).strftime("%Y-%m-%d %H:%M"),
    )
    assert (
        approver.client.post(admin_url("wagtailadmin_pages:edit", portrait.pk), form).status_code
        == 302
    )
    # Bravo's is scheduled in code, and so is a page of the state's own.
    with tenant_context(bravo):
        page = DistrictPortraitPage.objects.get()
        page.competencies = [
            (
                "competency",
                competency_value(
                    "Speaks well", "Says it clearly.", aligned_to=["clear-communicator"]
                ),
            )
        ]
        schedule_in_code(page, "Bravo, scheduled")
    state_page = StateHomePage(title="State page", slug="state-page-scheduled")
    StateHomePage.get_first_root_node().add_child(instance=state_page)
    schedule_in_code(state_page, "State page, scheduled")
    for district in (alpha, bravo):
        with tenant_context(district):
            page = DistrictPortraitPage.objects.get()
            assert page.title == "Portrait of a learner"
            assert page.get_latest_revision().approved_go_live_at is not None

    with a_minute_after_go_live(), django_capture_on_commit_callbacks(execute=True):
        assert publish_scheduled_pages.apply().get() >= 3

    assert connection.schema_name == get_public_schema_name()
    for district, title in ((alpha, "Alpha, scheduled"), (bravo, "Bravo, scheduled")):
        with tenant_context(district):
            page = DistrictPortraitPage.objects.get()
            assert page.title == title and not page.has_unpublished_changes
        assert PortraitListing.objects.get(district=district).title == title
    state_page.refresh_from_db()
    assert state_page.title == "State page, scheduled"


def test_nothing_goes_live_before_its_time(alpha, portrait, state_competencies):
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        page.competencies = [
            ("competency", competency_value("Asks", "Asks.", aligned_to=["curious-learner"]))
        ]
        schedule_in_code(page, "Too early")

    publish_scheduled_pages.apply()

    with tenant_context(alpha):
        assert DistrictPortraitPage.objects.get().title == "Portrait of a learner"
    assert not PortraitListing.objects.filter(district=alpha).exists()


def test_a_failure_in_one_district_leaves_the_others_published(
    alpha, bravo, state_competencies, caplog
):
    for district in (alpha, bravo):
        with tenant_context(district):
            page = DistrictPortraitPage.objects.get()
            page.competencies = [
                ("competency", competency_value("Asks", "Asks.", aligned_to=["curious-learner"]))
            ]
            schedule_in_code(page, f"{district.name}, scheduled")

    def alpha_breaks(*args, **kwargs):
        if connection.schema_name == alpha.schema_name:
            raise RuntimeError("a broken page in Alpha")
        return call_command(*args, **kwargs)

    with a_minute_after_go_live(), mock.patch("publishing.scheduling.call_command", alpha_breaks):
        publish_scheduled_pages.apply()

    assert "Scheduled publishing failed in district_alpha" in caplog.text
    with tenant_context(alpha):
        assert DistrictPortraitPage.objects.get().title == "Portrait of a learner"
    with tenant_context(bravo):
        assert DistrictPortraitPage.objects.get().title == "Bravo School District, scheduled"
    assert connection.schema_name == get_public_schema_name()
