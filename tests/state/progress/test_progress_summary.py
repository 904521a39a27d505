"""The framework-progress summary always equals a recount of the read model: after a publish,
a re-publish, a change to districts, a district's removal and a rebuild."""

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django_tenants.utils import tenant_context

from progress.models import AssessmentRound, ConsensusRating
from progress.sync import sync_district_progress
from state.progress.models import FrameworkProgressCount, PublishedRating
from tenants.models import District

FYP = "finding-your-path"


def publish_round(district, key: int, stages: dict[str, str]) -> None:
    with tenant_context(district):
        user, _ = get_user_model().objects.get_or_create(username=f"lead-{district.slug}")
        round_ = AssessmentRound.objects.create(
            pk=key, name=f"Round {key}", framework_slug=FYP, framework_version=1, created_by=user
        )
        for competency, stage in stages.items():
            ConsensusRating.objects.create(
                round=round_, competency_slug=competency, stage_slug=stage
            )
        round_.publish()
    sync_district_progress(district)
    connection.set_schema_to_public()


def summary() -> Counter:
    rows = FrameworkProgressCount.objects.filter(district_count__gt=0).values_list(
        "framework_slug", "region", "competency_slug", "stage_slug", "district_count"
    )
    return Counter({tuple(key): n for *key, n in rows})


def recount() -> Counter:
    rows = (
        PublishedRating.objects.filter(is_latest=True, district__is_active=True)
        .values_list("framework_slug", "district__region", "competency_slug", "stage_slug")
        .annotate(n=Count("*"))
        .order_by()
    )
    return Counter({tuple(key): n for *key, n in rows})


@pytest.fixture
def published(alpha, bravo):
    """The same round key in both districts, and the same competencies rated."""
    District.objects.exclude(pk__in=[alpha.pk, bravo.pk]).update_and_announce(is_active=False)
    publish_round(alpha, 4242, {"voice": "developing", "equity-driven": "refining"})
    publish_round(bravo, 4242, {"voice": "developing", "equity-driven": "establishing"})
    return alpha, bravo


def test_publishing_counts_each_district_once_in_its_region(published):
    assert (
        summary()
        == recount()
        == Counter(
            {
                (FYP, "North", "voice", "developing"): 1,
                (FYP, "North", "equity-driven", "refining"): 1,
                (FYP, "South", "voice", "developing"): 1,
                (FYP, "South", "equity-driven", "establishing"): 1,
            }
        )
    )


def test_a_republished_round_replaces_the_district_s_counts(published):
    alpha, bravo = published

    publish_round(alpha, 4243, {"voice": "refining"})
    sync_district_progress(alpha)  # a second run of the same sync changes nothing
    sync_district_progress(bravo)
    connection.set_schema_to_public()

    assert summary() == recount()
    assert summary()[FYP, "North", "voice", "refining"] == 1
    assert summary()[FYP, "North", "voice", "developing"] == 0
    assert summary()[FYP, "North", "equity-driven", "refining"] == 0


def test_a_district_s_region_and_activity_move_its_counts(published):
    alpha, bravo = published

    alpha.region = "South"
    alpha.save()
    assert summary() == recount()
    assert summary()[FYP, "South", "voice", "developing"] == 2

    District.objects.filter(pk=bravo.pk).update_and_announce(is_active=False)
    assert summary() == recount()
    assert summary()[FYP, "South", "voice", "developing"] == 1


def test_a_removed_district_leaves_the_summary(published):
    alpha, _ = published

    District.objects.filter(pk=alpha.pk).delete()

    assert summary() == recount()
    assert not any(region == "North" for _, region, _, _ in summary())


def test_the_rebuild_command_recounts_a_damaged_summary(published):
    FrameworkProgressCount.objects.update(district_count=7)
    FrameworkProgressCount.objects.filter(region="South").delete()

    out = StringIO()
    call_command("rebuild_progress_summary", stdout=out)

    assert "4 row(s)" in out.getvalue()
    assert summary() == recount()
    assert sum(summary().values()) == 4
