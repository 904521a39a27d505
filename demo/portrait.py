"""Demo portraits and stories, in the project's own words. Safe to run again."""

import datetime
import io
import random

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.images.models import Image

from demo import content as demo_content
from demo import portrait_builders as demo_builders
from demo.portrait_identity import (
    seed_demo_boundaries,
    seed_district_identity,
    seed_state_identity,
)
from demo.portrait_spanish import district_spanish, state_spanish
from demo.portrait_text import (
    DISTRICT_COMPETENCIES,
    STATE_CONTINUUM,
    STORIES,
    VISIONS,
    WHYS,
    DemoCompetency,
    DemoStory,
)
from portrait.models import (
    DistrictPortraitPage,
    SiteLanguages,
    StateHomePage,
    StatePortraitPage,
    StoryIndexPage,
    StoryPage,
)
from portrait.translation import translate_with_strings
from tenants.models import District

SUB_TRAITS = {
    "critical-thinker": ["Asks good questions", "Weighs evidence", "Solves novel problems"],
    "effective-communicator": ["Listens closely", "Writes clearly", "Speaks with purpose"],
    "collaborative-contributor": ["Shares the work", "Resolves disagreement", "Builds trust"],
    "adaptable-learner": ["Learns from setbacks", "Sets goals", "Stays curious"],
    "engaged-citizen": ["Acts ethically", "Serves the community", "Respects every voice"],
}

STORIES_PER_DISTRICT = 3
SPANISH_DISTRICTS = 2  # the first demo districts are also in Spanish
PICTURE_ALT = "An abstract pattern of colored bands and rings."
# Consecutive demo districts start this far apart in the story pool, so no two share a set.
STORY_STRIDE = 5
PALETTES = [
    [(29, 79, 145), (90, 140, 200), (240, 190, 60)],
    [(23, 105, 84), (120, 180, 140), (250, 220, 150)],
    [(122, 56, 138), (200, 140, 210), (250, 200, 90)],
    [(150, 72, 25), (220, 150, 90), (60, 110, 150)],
    [(30, 110, 130), (150, 210, 215), (230, 120, 90)],
    [(90, 90, 40), (190, 180, 100), (70, 120, 170)],
]


def build_state_content(home: StateHomePage) -> None:
    seed_state_identity(home)
    seed_demo_boundaries([name for name, *_ in demo_content.DISTRICTS])
    if not StatePortraitPage.objects.exists():
        demo_builders.build_state_portrait(
            home,
            [
                demo_builders.competency_value(
                    name,
                    definition,
                    slug=slug,
                    sub_traits=SUB_TRAITS[slug],
                    descriptors=continuum(STATE_CONTINUUM[slug]),
                )
                for name, slug, definition in demo_content.STATE_COMPETENCIES
            ],
            title="Statewide portrait",
            version="1.0",
            adopted_on=datetime.date(2025, 6, 12),
            intro="<p>Five competencies every community in the state has said it wants for "
            "its graduates. Each district describes them in its own way.</p>",
        )
    index = demo_builders.story_index(home, title="Stories of vision in practice")
    if not StoryPage.objects.child_of(index).exists():
        demo_builders.add_story(
            index,
            "Districts compare notes at the statewide portrait summit",
            "Teams from every region traded what worked when they wrote their portraits.",
            [
                "Each team brought one success and one thing it would do differently.",
                "The most common advice: invite students to the very first meeting.",
            ],
            competency_keys=["collaborative-contributor"],
            condition_slugs=["shared-vision"],
        )


def build_district_content(district: District) -> None:
    """A portrait for districts that are developing or have finalized one, and stories; each
    district draws its own competencies, words, stories and pictures from the demo's pool."""
    # One district shows a seal; the others their name alone, as many districts' sites will.
    seed_district_identity(
        district.name, district.slug, with_logo=district.slug == demo_content.DISTRICTS[0][1]
    )
    if district.adoption_stage not in {"developing", "finalized"}:
        return
    position = demo_position(district)
    portrait = DistrictPortraitPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    if not portrait.competencies:
        fill_portrait(portrait, district, position)
    home = demo_builders.district_home()
    index = demo_builders.story_index(home)
    if StoryPage.objects.child_of(index).exists():
        return
    keys = [block_id for block_id, _, _ in portrait.competency_entries()]
    palette = PALETTES[position % len(PALETTES)]
    for story in district_stories(position):
        demo_builders.add_story(
            index,
            story.title,
            story.summary,
            story.paragraphs,
            competency_keys=[keys[pick] for pick in story.picks if pick < len(keys)],
            condition_slugs=story.condition_slugs,
            quote=story.quote,
            hero=(
                picture(story.title, palette, seed=f"{district.slug}/{story.title}"),
                PICTURE_ALT,
            ),
        )


def build_spanish_content(strings: dict[str, str]) -> None:
    """Spanish on for the current site, and its home, portrait and first story in Spanish (the
    story index too, so the story sits under a Spanish page of its own)."""
    languages = SiteLanguages.load()
    if not languages.spanish:
        languages.spanish = True
        languages.save()
    home = StateHomePage.objects.first() or demo_builders.district_home()
    portrait = StatePortraitPage if isinstance(home, StateHomePage) else DistrictPortraitPage
    index = StoryIndexPage.objects.child_of(home).first()
    story = StoryPage.objects.child_of(index).order_by("path").first() if index else None
    pages = [home, portrait.objects.child_of(home).first(), index, story]
    for page in pages:
        if page is not None:
            translate_with_strings(page, "es", strings)


def build_spanish_state_content() -> None:
    build_spanish_content(state_spanish())


def build_spanish_district_content(district: District) -> None:
    if demo_position(district) < SPANISH_DISTRICTS:
        build_spanish_content(district_spanish(district.name))


def demo_position(district: District) -> int:
    """The district's place in the demo's list (any other district counts from its slug)."""
    slugs = [slug for _, slug, _, _ in demo_content.DISTRICTS]
    if district.slug in slugs:
        return slugs.index(district.slug)
    return sum(district.slug.encode())


def district_stories(position: int) -> list[DemoStory]:
    start = position * STORY_STRIDE
    return [STORIES[(start + step) % len(STORIES)] for step in range(STORIES_PER_DISTRICT)]


def district_competencies(position: int) -> list[DemoCompetency]:
    """Three to five of the pool's competencies, a different run for each district."""
    count = 3 + position % 3
    start = position * 3
    pool = DISTRICT_COMPETENCIES
    return [pool[(start + step) % len(pool)] for step in range(count)]


def fill_portrait(portrait: DistrictPortraitPage, district: District, position: int) -> None:
    turnout = 1 + position % 4
    demo_builders.fill_district_portrait(
        portrait,
        [
            demo_builders.competency_value(
                competency.name,
                competency.definition,
                aligned_to=competency.aligned_to,
                descriptors=continuum(competency.continuum),
            )
            for competency in district_competencies(position)
        ],
        steps=[
            demo_builders.co_creation_step(
                "survey",
                "Family and student survey",
                datetime.date(2025, 1 + position % 3, 3 + position),
                420 * turnout + 17 * position,
            ),
            demo_builders.co_creation_step(
                "convening",
                "Community evening",
                datetime.date(2025, 3, 4 + position),
                60 * turnout + 9 * position,
            ),
            demo_builders.co_creation_step(
                "focus_group",
                "Student focus groups",
                datetime.date(2025, 4, 2 + position),
                24 + 4 * position,
            ),
            demo_builders.co_creation_step(
                "interview",
                "Employer interviews",
                datetime.date(2025, 4, 14 + position),
                8 + position,
            ),
        ],
        vision_statement=VISIONS[position % len(VISIONS)].format(name=district.name),
        community_why=WHYS[position % len(WHYS)].format(name=district.name),
        last_revisited=datetime.date(2026, 1 + position % 9, 1 + position),
    )


def continuum(descriptors: dict[str, str]) -> list[dict]:
    return [{"grade_band": band, "descriptor": text} for band, text in descriptors.items()]


def picture(title: str, palette: list[tuple[int, int, int]], seed: str) -> Image:
    """A generated picture of its own for each story: bands and circles placed by a seed, so
    no two districts' heroes look alike."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    chooser = random.Random(seed)
    width, height = 640, 360
    canvas = PillowImage.new("RGB", (width, height), palette[0])
    draw = ImageDraw.Draw(canvas)
    for _ in range(chooser.randint(3, 6)):
        top = chooser.randint(0, height)
        draw.polygon(
            [(0, top), (width, top + chooser.randint(-200, 200)), (width, height), (0, height)],
            fill=chooser.choice(palette[1:]),
        )
    for _ in range(chooser.randint(4, 9)):
        x, y, radius = (
            chooser.randint(0, width),
            chooser.randint(0, height),
            chooser.randint(20, 110),
        )
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            outline=palette[2],
            width=chooser.randint(4, 14),
        )
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    name = f"{seed.replace('/', '-').lower().replace(' ', '-')[:60]}.png"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=name))
