"""Districts and their read-model rows written in bulk, for tests and benchmarks of statewide
pages. No schema is made: the state's pages read only the public schema's read model."""

import datetime

from django.conf import settings
from django.utils import timezone

from statewide.models import (
    PortraitAlignment,
    PortraitCompetencyListing,
    PortraitListing,
    StoryListing,
)
from tenants.models import AdoptionStage, District, DistrictListing, Domain

REGIONS = ["North", "South", "East", "West", "Central"]
STAGES = [stage for stage, _ in AdoptionStage.choices]


def add_listed_districts(
    count: int,
    first: int = 0,
    competencies: int = 4,
    stories: int = 3,
    state_slugs: tuple[str, ...] = ("curiosity", "care", "craft"),
) -> list[District]:
    """`count` active districts numbered from `first`, each listed with a published portrait
    of `competencies` competencies and `stories` stories, in a few bulk inserts."""
    now = timezone.now()
    districts = District.objects.bulk_create(
        District(
            name=f"Listed District {number:05d}",
            slug=f"listed-{number:05d}",
            schema_name=f"district_listed_{number:05d}",
            region=REGIONS[number % len(REGIONS)],
            adoption_stage=STAGES[number % len(STAGES)],
        )
        for number in range(first, first + count)
    )
    Domain.objects.bulk_create(
        Domain(domain=f"{d.slug}.{settings.STATE_DOMAIN}", tenant=d, is_primary=True)
        for d in districts
    )
    DistrictListing.objects.bulk_create(
        DistrictListing(district=d, home_title=d.name, home_published_at=now, synced_at=now)
        for d in districts
    )
    PortraitListing.objects.bulk_create(
        PortraitListing(
            district=d,
            title="Portrait of a learner",
            url=f"{d.base_url}/portrait/",
            vision_summary=f"What {d.name} wants for every graduate.",
            published_at=now,
            last_revisited=datetime.date(2026, 1, 1),
            synced_at=now,
        )
        for d in districts
    )
    PortraitCompetencyListing.objects.bulk_create(
        PortraitCompetencyListing(
            district=d,
            position=position,
            name=f"Competency {position}",
            aligned_slugs=[state_slugs[position % len(state_slugs)]],
        )
        for d in districts
        for position in range(competencies)
    )
    PortraitAlignment.objects.bulk_create(
        PortraitAlignment(district=d, state_competency_slug=slug)
        for d in districts
        for slug in sorted({state_slugs[p % len(state_slugs)] for p in range(competencies)})
    )
    StoryListing.objects.bulk_create(
        StoryListing(
            district=d,
            page_id=1000 + number,
            title=f"Story {number} from {d.name}",
            url=f"{d.base_url}/stories/story-{number}/",
            summary="What the vision looks like in one classroom.",
            published_at=now - datetime.timedelta(minutes=d.pk * 10 + number),
            state_competency_slugs=[state_slugs[number % len(state_slugs)]],
            condition_slugs=[],
        )
        for d in districts
        for number in range(stories)
    )
    return districts
