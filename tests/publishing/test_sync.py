"""A district's publish reaches the state's read model, and nothing is lost when it can't."""

import logging

import pytest
from django.core.management import call_command
from django_tenants.utils import tenant_context

from portrait.models import DistrictHomePage, DistrictPortraitPage, StateHomePage
from progress.models import AssessmentRound, ConsensusRating
from publishing.sync import sync_on_commit
from tenants.models import DistrictListing
from tests.conftest import celery_broker

CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def publish_home_title(district, title, on_commit):
    with tenant_context(district):
        home = DistrictHomePage.objects.get()
        home.title = title
        with on_commit(execute=True):
            home.save_revision().publish()
        home.refresh_from_db()
        return home


@pytest.fixture
def requested_syncs(monkeypatch) -> list[str]:
    """The schemas whose directory sync the commit asks for, instead of asking the broker."""
    requested: list[str] = []
    monkeypatch.setattr("publishing.sync.request_district_sync", requested.append)
    return requested


def test_publishing_in_a_district_updates_its_listing_only(
    alpha, bravo, django_capture_on_commit_callbacks
):
    call_command("rebuild_directory", no_progress=True)
    bravo_before = DistrictListing.objects.get(district=bravo)

    home = publish_home_title(alpha, "Alpha, renamed", django_capture_on_commit_callbacks)

    alpha_listing = DistrictListing.objects.get(district=alpha)
    assert alpha_listing.home_title == "Alpha, renamed"
    assert alpha_listing.home_published_at == home.last_published_at
    assert alpha_listing.synced_at >= home.last_published_at
    bravo_after = DistrictListing.objects.get(district=bravo)
    assert (bravo_after.home_title, bravo_after.synced_at) == (
        bravo_before.home_title,
        bravo_before.synced_at,
    )


def test_unpublishing_the_home_page_clears_the_listing(alpha, django_capture_on_commit_callbacks):
    with tenant_context(alpha):
        home = DistrictHomePage.objects.get()
        with django_capture_on_commit_callbacks(execute=True):
            home.unpublish()

    listing = DistrictListing.objects.get(district=alpha)
    assert listing.home_title == ""
    assert listing.home_published_at is None


def test_publishing_on_the_state_site_starts_no_district_sync(
    alpha, django_capture_on_commit_callbacks, requested_syncs
):
    root = StateHomePage.get_first_root_node()
    state_home = StateHomePage(title="State home", slug="state-home-for-sync")
    root.add_child(instance=state_home)
    with django_capture_on_commit_callbacks(execute=True):
        state_home.save_revision().publish()
    assert requested_syncs == []


def test_a_publish_while_the_broker_is_down_is_caught_up_by_the_rebuild(
    alpha, django_capture_on_commit_callbacks, caplog
):
    call_command("rebuild_directory", no_progress=True)
    with (
        caplog.at_level(logging.WARNING, logger="publishing.sync"),
        celery_broker(CLOSED_PORT_BROKER),
    ):
        home = publish_home_title(
            alpha, "Published while the broker was down", django_capture_on_commit_callbacks
        )

    assert home.live and home.title == "Published while the broker was down"
    assert "Could not queue the directory sync for district_alpha" in caplog.text
    assert DistrictListing.objects.get(district=alpha).home_title != home.title

    call_command("rebuild_directory", no_progress=True)

    assert DistrictListing.objects.get(district=alpha).home_title == home.title


def test_deleting_a_page_queues_exactly_one_sync(
    alpha, django_capture_on_commit_callbacks, requested_syncs
):
    with tenant_context(alpha), django_capture_on_commit_callbacks(execute=True):
        DistrictPortraitPage.objects.get().delete()
    assert requested_syncs == ["district_alpha"]


def test_publishing_two_pages_in_one_transaction_queues_one_sync(
    alpha, django_capture_on_commit_callbacks, requested_syncs
):
    with tenant_context(alpha), django_capture_on_commit_callbacks(execute=True):
        DistrictHomePage.objects.get().save_revision().publish()
        DistrictPortraitPage.objects.get().save_revision().publish()
    assert requested_syncs == ["district_alpha"]


def test_a_page_a_round_and_an_upload_in_one_transaction_queue_one_sync(
    alpha, bravo, django_capture_on_commit_callbacks, requested_syncs
):
    """Every kind of district publish asks for its sync the same way: once per district."""
    with django_capture_on_commit_callbacks(execute=True), tenant_context(alpha):
        DistrictHomePage.objects.get().save_revision().publish()
        round_ = AssessmentRound.objects.create(
            name="Spring", framework_slug="finding-your-path", framework_version=1
        )
        ConsensusRating.objects.create(round=round_, competency_slug="voice", stage_slug="x")
        round_.publish()
        sync_on_commit()  # as publishing an upload or reporting a stage does
        sync_on_commit(bravo.schema_name)
    assert requested_syncs == ["district_alpha", "district_bravo"]
