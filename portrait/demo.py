"""Demo portraits and stories, in the project's own words. Safe to run again."""

import datetime
import random

from portal import demo_content
from portrait import factories
from portrait.demo_identity import (
    seed_demo_boundaries,
    seed_district_identity,
    seed_state_identity,
)
from portrait.models import DistrictPortraitPage, StateHomePage, StatePortraitPage, StoryPage
from tenants.models import District

SUB_TRAITS = {
    "critical-thinker": ["Asks good questions", "Weighs evidence", "Solves novel problems"],
    "effective-communicator": ["Listens closely", "Writes clearly", "Speaks with purpose"],
    "collaborative-contributor": ["Shares the work", "Resolves disagreement", "Builds trust"],
    "adaptable-learner": ["Learns from setbacks", "Sets goals", "Stays curious"],
    "engaged-citizen": ["Acts ethically", "Serves the community", "Respects every voice"],
}

DISTRICT_COMPETENCIES = [
    (
        "Curious problem-solver",
        "Digs into real problems and tests ideas until one works.",
        ["critical-thinker", "adaptable-learner"],
    ),
    (
        "Confident communicator",
        "Shares ideas with any audience and listens to understand.",
        ["effective-communicator"],
    ),
    (
        "Generous teammate",
        "Brings out the best in a group and follows through.",
        ["collaborative-contributor"],
    ),
    ("Caring neighbour", "Looks after the people and places around them.", ["engaged-citizen"]),
]

WHY = (
    "<p>Our families told us that test scores alone do not describe the young people they "
    "hope to raise. This portrait names what matters most to {name}, so that classrooms, "
    "clubs and families can aim at the same things.</p>"
)

STORIES = [
    (
        "Ninth graders pitch fixes for the school bus routes",
        "A mapping project turned into a proposal the transport office adopted.",
        [
            "Students rode every route, logged delays and drew the results on a shared map.",
            "Their pitch to the transport office combined two routes and saved twelve minutes.",
        ],
        ("I never thought a spreadsheet could change my morning.", "A ninth-grade student"),
        [0, 2],
        ["culture", "agency"],
    ),
    (
        "Fourth graders run a podcast about local history",
        "Interviews with grandparents became a series the whole town listens to.",
        [
            "Each episode starts with a question a student could not answer alone.",
            "The class edits together and votes on what makes the final cut.",
        ],
        ("They asked better questions than most reporters.", "A parent volunteer"),
        [1, 3],
        ["partnerships", "instruction"],
    ),
]

COLOURS = [(29, 79, 145), (23, 105, 84), (122, 56, 138), (150, 72, 25)]


def build_state_content(home: StateHomePage) -> None:
    seed_state_identity(home)
    seed_demo_boundaries([name for name, *_ in demo_content.DISTRICTS])
    if not StatePortraitPage.objects.exists():
        factories.build_state_portrait(
            home,
            [
                factories.competency_value(
                    name,
                    definition,
                    slug=slug,
                    sub_traits=SUB_TRAITS[slug],
                    grade_bands=["k-2", "3-5", "6-8", "9-12"],
                )
                for name, slug, definition in demo_content.STATE_COMPETENCIES
            ],
            title="Statewide portrait",
            version="1.0",
            adopted_on=datetime.date(2025, 6, 12),
            intro="<p>Five competencies every community in the state has said it wants for "
            "its graduates. Each district describes them in its own way.</p>",
        )
    index = factories.story_index(home, title="Stories of vision in practice")
    if not StoryPage.objects.child_of(index).exists():
        factories.add_story(
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
    """A portrait for districts that are developing or have finalized one, and stories."""
    # One district shows a seal; the others their name alone, as many districts' sites will.
    seed_district_identity(
        district.name, district.slug, with_logo=district.slug == demo_content.DISTRICTS[0][1]
    )
    if district.adoption_stage not in {"developing", "finalized"}:
        return
    portrait = DistrictPortraitPage.objects.get()
    if not portrait.competencies:
        chooser = random.Random(district.slug)
        chosen = DISTRICT_COMPETENCIES[: chooser.randint(3, 4)]
        factories.fill_district_portrait(
            portrait,
            [
                factories.competency_value(
                    name, definition, aligned_to=aligned, grade_bands=["k-2", "6-8", "9-12"]
                )
                for name, definition, aligned in chosen
            ],
            steps=[
                factories.co_creation_step(
                    "survey", "Family and student survey", datetime.date(2025, 2, 3), 820
                ),
                factories.co_creation_step(
                    "convening", "Community evening", datetime.date(2025, 3, 11), 145
                ),
                factories.co_creation_step(
                    "focus_group", "Student focus groups", datetime.date(2025, 4, 2), 36
                ),
                factories.co_creation_step(
                    "interview", "Employer interviews", datetime.date(2025, 4, 20), 12
                ),
            ],
            vision_statement=demo_content.DISTRICT_VISION.format(name=district.name),
            community_why=WHY.format(name=district.name),
            last_revisited=datetime.date(2026, 5, 1),
        )
    home = factories.district_home()
    index = factories.story_index(home)
    if StoryPage.objects.child_of(index).exists():
        return
    keys = [block_id for block_id, _, _ in portrait.competency_entries()]
    for number, (title, summary, paragraphs, quote, picks, conditions) in enumerate(STORIES):
        colour = COLOURS[(number + len(district.slug)) % len(COLOURS)]
        hero = factories.picture(title, colour)
        factories.add_story(
            index,
            title,
            summary,
            paragraphs,
            competency_keys=[keys[pick] for pick in picks if pick < len(keys)],
            condition_slugs=conditions,
            quote=quote,
            hero=(hero, "An abstract pattern of circles in the district's colours."),
        )
