"""Demo progress for the demo districts: three published self-assessment rounds on Finding
Your Path and a year of learner-outcome counts, in each district's own schema, then synced.
Safe to re-run: a district that already has rounds is left as it is."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from demo import content as demo_content
from progress.models import (
    AssessmentRound,
    ConsensusRating,
    GradeBand,
    OutcomeCount,
    OutcomeUpload,
    PerformanceLevel,
)
from progress.models.assessment import RoundStatus
from publishing.sync import record_listing
from state.models import StateCompetency
from state.progress.models import Framework
from tenants.models import District

ROUND_NAMES = [
    "Spring 2023 self-assessment",
    "Spring 2024 self-assessment",
    "Spring 2025 self-assessment",
]
DEMO_YEAR = "2024-25"


def seed_demo_progress(districts) -> None:
    framework = Framework.objects.get(slug="finding-your-path")
    version = framework.current_version
    competencies = list(version.competencies.values_list("slug", flat=True))
    stages = list(version.stages.values_list("slug", flat=True))
    # The state portrait's competencies as districts align to them; before the first sync of
    # the state portrait, the demo's own list.
    state_competencies = list(StateCompetency.objects.values_list("slug", flat=True)) or [
        slug for _, slug, _ in demo_content.STATE_COMPETENCIES
    ]
    for district in districts:
        rng = random.Random(district.slug)  # the same demo figures on every run
        with tenant_context(district), transaction.atomic():
            if AssessmentRound.objects.exists():
                continue
            _rounds(rng, version.number, competencies, stages)
            _outcomes(rng, state_competencies)
        record_listing(District.objects.get(pk=district.pk))


def _rounds(rng, version_number, competencies, stages) -> None:
    now = timezone.now()
    level = {slug: rng.randint(0, 1) for slug in competencies}
    for years_ago in (2, 1, 0):
        published_at = now - timedelta(days=365 * years_ago + 30)
        round_ = AssessmentRound.objects.create(
            name=f"Self-assessment, {published_at:%B %Y}",
            framework_slug="finding-your-path",
            framework_version=version_number,
            status=RoundStatus.PUBLISHED,
            published_at=published_at,
        )
        ConsensusRating.objects.bulk_create(
            ConsensusRating(
                round=round_,
                competency_slug=slug,
                stage_slug=stages[min(level[slug], len(stages) - 1)],
                rationale="Agreed at the team's review meeting.",
            )
            for slug in competencies
        )
        for slug in competencies:  # most competencies move up a stage now and then
            level[slug] += rng.random() < 0.4


def _outcomes(rng, state_competencies) -> None:
    if not state_competencies:
        return
    upload = OutcomeUpload.objects.create(
        file_name="demo-outcomes.csv", published_at=timezone.now()
    )
    OutcomeCount.objects.bulk_create(
        OutcomeCount(
            upload=upload,
            school_year=DEMO_YEAR,
            competency_slug=competency,
            grade_band=band,
            level=level,
            count=rng.randint(2, 9) if rng.random() < 0.08 else rng.randint(12, 180),
        )
        for competency in state_competencies
        for band in GradeBand.values
        for level in PerformanceLevel.values
    )
