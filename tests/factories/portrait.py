"""Portrait and story pages and their block values, for tests and benchmarks.

Each builder works in the schema that is current when it is called.
"""

import datetime

import factory
import wagtail_factories
from django.conf import settings
from wagtail.images.models import Image
from wagtail.models import Collection

from portrait.models import (
    DistrictHomePage,
    DistrictPortraitPage,
    StateHomePage,
    StatePortraitPage,
    StoryIndexPage,
    StoryPage,
)

GRADE_BAND_WORDS = {
    "k-2": "with help, in familiar settings",
    "3-5": "with growing independence",
    "6-8": "by choice, across subjects",
    "9-12": "on their own, in the wider community",
}


class CompetencyValueFactory(factory.DictFactory):
    """The raw value of a competency block; extra keywords (slug, aligned_to) are kept."""

    class Params:
        grade_bands: list[str] = []

    name = factory.Sequence(lambda number: f"Competency {number}")
    definition = factory.LazyAttribute(lambda value: f"What {value.name.lower()} means.")
    icon = factory.Dict({"image": None, "alt_text": ""})
    sub_traits = factory.List([])
    descriptors = factory.LazyAttribute(
        lambda value: [
            {"grade_band": band, "descriptor": f"{value.name}: {GRADE_BAND_WORDS[band]}."}
            for band in value.grade_bands
        ]
    )


class CoCreationStepFactory(factory.DictFactory):
    """The raw value of a step in how a district portrait was written."""

    kind = "survey"
    title = factory.Sequence(lambda number: f"Step {number}")
    date = datetime.date(2025, 9, 1)
    participants = 40
    summary = ""


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` and published, so the publish signals run as in the admin."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        if create and extracted is not False:
            publish(page)


class StatePortraitPageFactory(PublishedPageFactory):
    class Meta:
        model = StatePortraitPage

    title = "Statewide portrait"
    slug = "portrait"


class StoryIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"


class StoryPageFactory(PublishedPageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda number: f"Story {number}")
    slug = ""  # Wagtail makes one from the title, unique among its siblings
    summary = "What the vision looks like in one classroom."
    body = factory.LazyAttribute(lambda story: [("paragraph", f"<p>{story.summary}</p>")])
    competency_keys = factory.List([])
    condition_slugs = factory.List([])


class ImageFactory(wagtail_factories.ImageFactory):
    """A generated PNG in the root collection (wagtail-factories would add a new root)."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=640, height=360, color=(30, 90, 120), format="PNG")


def publish(page) -> None:
    page.save_revision().publish()


def competency_value(name: str, definition: str, **extra) -> dict:
    return CompetencyValueFactory(name=name, definition=definition, **extra)


def co_creation_step(kind: str, title: str, date: datetime.date, participants: int) -> dict:
    return CoCreationStepFactory(kind=kind, title=title, date=date, participants=participants)


def build_state_portrait(home: StateHomePage, competencies: list[dict], **fields):
    """The state portrait under the state home, published."""
    return StatePortraitPageFactory(
        parent=home, competencies=[("competency", value) for value in competencies], **fields
    )


def fill_district_portrait(
    page: DistrictPortraitPage, competencies: list[dict], steps: list[dict] = (), **fields
) -> DistrictPortraitPage:
    """Give the district's starter portrait page its content and publish it."""
    page.competencies = [("competency", value) for value in competencies]
    page.co_creation = [("step", step) for step in steps]
    for name, value in fields.items():
        setattr(page, name, value)
    publish(page)
    return page


def story_index(home, title: str = "Stories", slug: str = "stories") -> StoryIndexPage:
    """The site's story index, made once."""
    existing = StoryIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    return StoryIndexPageFactory(parent=home, title=title, slug=slug)


def add_story(
    index: StoryIndexPage,
    title: str,
    summary: str,
    paragraphs: list[str],
    competency_keys: list[str] = (),
    condition_slugs: list[str] = (),
    quote: tuple[str, str] | None = None,
    hero: tuple[Image, str] | None = None,
) -> StoryPage:
    body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    if quote:
        body.insert(1, ("quote", {"text": quote[0], "attribution": quote[1]}))
    return StoryPageFactory(
        parent=index,
        title=title,
        summary=summary,
        body=body,
        competency_keys=list(competency_keys),
        condition_slugs=list(condition_slugs),
        hero_image=hero[0] if hero else None,
        hero_alt=hero[1] if hero else "",
    )


def picture(title: str, colour: tuple[int, int, int], size=(640, 360)) -> Image:
    width, height = size
    filename = f"{title.lower().replace(' ', '-')[:40]}.png"
    return ImageFactory(
        title=title,
        file__color=colour,
        file__width=width,
        file__height=height,
        file__filename=filename,
    )


def district_home() -> DistrictHomePage:
    return DistrictHomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
