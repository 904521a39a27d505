"""Read-model rows written straight into the public schema, as the sync would write them.

Districts made here are rows only (no schema): statewide reads never touch a district's schema,
so these tests need none, and they vanish with the test's transaction.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from state.models import (
    PortraitAlignment,
    PortraitCompetencyListing,
    PortraitListing,
    StateCompetency,
)
from state.progress.models import (
    PublishedAssessment,
    PublishedOutcomeCount,
    PublishedRating,
)
from state.progress.progress_summary import district_ratings_replaced
from tenants.models import District, schema_name_for

STATE_COMPETENCIES = [
    ("critical-thinker", "Critical thinker"),
    ("effective-communicator", "Effective communicator"),
    ("engaged-citizen", "Engaged citizen"),
]
FYP = "finding-your-path"


def listed_district(slug: str, region: str = "North", stage: str = "developing", active=True):
    district = District(
        name=f"{slug.title()} Schools",
        slug=slug,
        region=region,
        adoption_stage=stage,
        is_active=active,
        schema_name=schema_name_for(slug),
    )
    District.objects.bulk_create([district])  # no schema: only the read model is needed
    return District.objects.get(slug=slug)


def state_competencies() -> list[StateCompetency]:
    return [
        StateCompetency.objects.get_or_create(slug=slug, defaults={"name": name, "position": i})[0]
        for i, (slug, name) in enumerate(STATE_COMPETENCIES)
    ]


def portrait(district, title: str, competencies: dict[str, list[str]]) -> PortraitListing:
    now = timezone.now()
    listing = PortraitListing.objects.create(
        district=district,
        title=title,
        url=f"{district.base_url}/portrait/",
        published_at=now,
        synced_at=now,
    )
    for position, (name, slugs) in enumerate(competencies.items()):
        PortraitCompetencyListing.objects.create(
            district=district, position=position, name=name, aligned_slugs=slugs
        )
    for slug in {s for slugs in competencies.values() for s in slugs}:
        PortraitAlignment.objects.create(district=district, state_competency_slug=slug)
    return listing


def published_round(
    district, round_key: int, stages: dict[str, str], published_at: datetime, latest=True
) -> PublishedAssessment:
    # As the sync does: the district's ratings leave the progress summary and enter it again.
    with district_ratings_replaced(district.pk):
        return _write_round(district, round_key, stages, published_at, latest)


def _write_round(district, round_key, stages, published_at, latest) -> PublishedAssessment:
    if latest:
        PublishedAssessment.objects.filter(district=district, framework_slug=FYP).update(
            is_latest=False
        )
        PublishedRating.objects.filter(district=district, framework_slug=FYP).update(
            is_latest=False
        )
    assessment = PublishedAssessment.objects.create(
        district=district,
        round_key=round_key,
        name=f"Round {round_key}",
        framework_slug=FYP,
        framework_version=1,
        published_at=published_at,
        is_latest=latest,
        synced_at=timezone.now(),
    )
    PublishedRating.objects.bulk_create(
        PublishedRating(
            assessment=assessment,
            district=district,
            framework_slug=FYP,
            is_latest=latest,
            competency_slug=c,
            stage_slug=s,
        )
        for c, s in stages.items()
    )
    return assessment


def outcome_counts(district, competency: str, year: str, table: dict[str, dict[str, int]]):
    now = timezone.now()
    PublishedOutcomeCount.objects.bulk_create(
        PublishedOutcomeCount(
            district=district,
            school_year=year,
            competency_slug=competency,
            grade_band=band,
            level=level,
            count=count,
            synced_at=now,
        )
        for band, levels in table.items()
        for level, count in levels.items()
    )


def days_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)
