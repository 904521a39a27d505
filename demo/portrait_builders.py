"""Build portrait and story pages in code for the demo (tests build theirs in tests/factories/).

Each function works in the schema that is current when it is called.
"""

import datetime
import io
from collections.abc import Sequence

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.images.models import Image

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


def competency_value(name: str, definition: str, **extra) -> dict:
    """The raw value of a competency block; `extra` adds slug, aligned_to, traits, bands."""
    bands = extra.pop("grade_bands", [])
    return {
        "name": name,
        "definition": definition,
        "icon": {"image": None, "alt_text": ""},
        "sub_traits": extra.pop("sub_traits", []),
        "descriptors": [
            {"grade_band": band, "descriptor": f"{name}: {GRADE_BAND_WORDS[band]}."}
            for band in bands
        ],
        **extra,
    }


def publish(page) -> None:
    page.save_revision().publish()


def build_state_portrait(home: StateHomePage, competencies: list[dict], **fields):
    """The state portrait under the state home, published; `competencies` as from
    competency_value(..., slug=...)."""
    page = StatePortraitPage(
        title=fields.pop("title", "Statewide portrait"),
        slug=fields.pop("slug", "portrait"),
        competencies=[("competency", value) for value in competencies],
        **fields,
    )
    home.add_child(instance=page)
    publish(page)
    return page


def fill_district_portrait(
    page: DistrictPortraitPage, competencies: list[dict], steps: Sequence[dict] = (), **fields
) -> DistrictPortraitPage:
    """Give the district's portrait page its content and publish it."""
    page.competencies = [("competency", value) for value in competencies]
    page.co_creation = [("step", step) for step in steps]
    for name, value in fields.items():
        setattr(page, name, value)
    publish(page)
    return page


def co_creation_step(kind: str, title: str, date: datetime.date, participants: int) -> dict:
    return {
        "kind": kind,
        "title": title,
        "date": date,
        "participants": participants,
        "summary": "",
    }


def story_index(home, title: str = "Stories", slug: str = "stories") -> StoryIndexPage:
    """The site's story index, made once."""
    existing = StoryIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    index = StoryIndexPage(title=title, slug=slug)
    home.add_child(instance=index)
    publish(index)
    return index


def add_story(
    index: StoryIndexPage,
    title: str,
    summary: str,
    paragraphs: list[str],
    competency_keys: Sequence[str] = (),
    condition_slugs: Sequence[str] = (),
    quote: tuple[str, str] | None = None,
    hero: tuple[Image, str] | None = None,
) -> StoryPage:
    body: list[tuple[str, object]] = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    if quote:
        body.insert(1, ("quote", {"text": quote[0], "attribution": quote[1]}))
    story = StoryPage(
        title=title,
        summary=summary,
        body=body,
        competency_keys=list(competency_keys),
        condition_slugs=list(condition_slugs),
        hero_image=hero[0] if hero else None,
        hero_alt=hero[1] if hero else "",
    )
    index.add_child(instance=story)
    publish(story)
    return story


def picture(title: str, colour: tuple[int, int, int], size=(640, 360)) -> Image:
    """A plain generated picture, so demo stories have heroes without outside files."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    canvas = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    for step in range(6):
        radius = height // 3 + step * 18
        shade = tuple(min(255, channel + 22 * step) for channel in colour)
        draw.ellipse(
            (width - radius, height - radius, width + radius, height + radius),
            outline=shade,
            width=8,
        )
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    filename = f"{title.lower().replace(' ', '-')[:40]}.png"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=filename))


def district_home() -> DistrictHomePage:
    return DistrictHomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
