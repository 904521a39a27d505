"""Districts and their read-model rows, for tests and benchmarks of statewide pages. No schema
is made: the state's pages read only the public schema's read model, so rows are built with
factory_boy and written in a few bulk inserts."""

import datetime

import factory
from django.conf import settings
from django.utils import timezone
from factory.django import DjangoModelFactory

from state.models import (
    PortraitAlignment,
    PortraitCompetencyListing,
    PortraitListing,
    StoryListing,
)
from tenants.models import AdoptionStage, District, DistrictListing, Domain

REGIONS = ["North", "South", "East", "West", "Central"]
STAGES = [stage for stage, _ in AdoptionStage.choices]


class ListedDistrictFactory(DjangoModelFactory):
    """A district row without a schema, numbered by `number`."""

    class Meta:
        model = District

    class Params:
        number = factory.Sequence(int)

    name = factory.LazyAttribute(lambda d: f"Listed District {d.number:05d}")
    slug = factory.LazyAttribute(lambda d: f"listed-{d.number:05d}")
    schema_name = factory.LazyAttribute(lambda d: f"district_listed_{d.number:05d}")
    region = factory.LazyAttribute(lambda d: REGIONS[d.number % len(REGIONS)])
    adoption_stage = factory.LazyAttribute(lambda d: STAGES[d.number % len(STAGES)])


class PrimaryDomainFactory(DjangoModelFactory):
    class Meta:
        model = Domain

    domain = factory.LazyAttribute(lambda row: f"{row.tenant.slug}.{settings.STATE_DOMAIN}")
    is_primary = True


class DistrictListingFactory(DjangoModelFactory):
    class Meta:
        model = DistrictListing

    home_title = factory.LazyAttribute(lambda row: row.district.name)
    home_published_at = factory.LazyFunction(timezone.now)
    synced_at = factory.LazyFunction(timezone.now)


class PortraitListingFactory(DjangoModelFactory):
    class Meta:
        model = PortraitListing

    title = "Portrait of a learner"
    url = factory.LazyAttribute(lambda row: f"{row.district.base_url}/portrait/")
    vision_summary = factory.LazyAttribute(
        lambda row: f"What {row.district.name} wants for every graduate."
    )
    published_at = factory.LazyFunction(timezone.now)
    last_revisited = datetime.date(2026, 1, 1)
    synced_at = factory.LazyFunction(timezone.now)


class StoryListingFactory(DjangoModelFactory):
    class Meta:
        model = StoryListing

    page_id = factory.Sequence(lambda number: 1000 + number)
    title = factory.Sequence(lambda number: f"Story {number}")
    url = factory.LazyAttribute(lambda row: f"{row.district.base_url}/stories/{row.page_id}/")
    summary = "What the vision looks like in one classroom."
    published_at = factory.LazyFunction(timezone.now)
    state_competency_slugs = factory.List([])
    condition_slugs = factory.List([])


def add_listed_districts(
    count: int,
    first: int = 0,
    competencies: int = 4,
    stories: int = 3,
    state_slugs: tuple[str, ...] = ("curiosity", "care", "craft"),
) -> list[District]:
    """`count` active districts numbered from `first`, each listed with a published portrait
    of `competencies` competencies and `stories` stories."""
    now = timezone.now()
    districts = District.objects.bulk_create(
        ListedDistrictFactory.build(number=number) for number in range(first, first + count)
    )
    Domain.objects.bulk_create(PrimaryDomainFactory.build(tenant=d) for d in districts)
    DistrictListing.objects.bulk_create(
        DistrictListingFactory.build(district=d, home_published_at=now, synced_at=now)
        for d in districts
    )
    PortraitListing.objects.bulk_create(
        PortraitListingFactory.build(district=d, published_at=now, synced_at=now) for d in districts
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
        StoryListingFactory.build(
            district=d,
            page_id=1000 + number,
            title=f"Story {number} from {d.name}",
            url=f"{d.base_url}/stories/story-{number}/",
            published_at=now - datetime.timedelta(minutes=d.pk * 10 + number),
            state_competency_slugs=[state_slugs[number % len(state_slugs)]],
        )
        for d in districts
        for number in range(stories)
    )
    return districts
