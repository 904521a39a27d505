"""The read model carries each listing's language: a district's Spanish portrait and stories
reach the state, whose directory, story feed and search show them to Spanish readers and fall
back to English, marked as such, where there is no translation yet."""

import pytest
from django_tenants.utils import tenant_context

from state.models import PortraitListing, PortraitTranslationListing, StoryListing
from tests.factories import portrait as factories
from tests.portrait.conftest import publish_district_portrait
from tests.portrait.translating import offer_spanish, translate_page

SPANISH_VISION = {"Ready for anything.": "Listos para todo."}


@pytest.fixture
def spanish_alpha(state_portrait, alpha, bravo, commit_callbacks):
    """Alpha's portrait and one story in English and Spanish; Bravo's in English only."""
    offer_spanish()  # the state's own site
    with commit_callbacks():
        portrait = publish_district_portrait(alpha, {"Solver": ["critical-thinker"]})
        publish_district_portrait(bravo, {"Speaker": ["critical-thinker"]})
    with commit_callbacks(), tenant_context(alpha):
        offer_spanish()
        story = factories.add_story(
            factories.story_index(factories.district_home()),
            "Students run the garden",
            "Third graders plan, plant and sell.",
            ["They weigh every harvest."],
        )
        translate_page(
            portrait, {**SPANISH_VISION, "Portrait of a learner": "Perfil del estudiante"}
        )
        translate_page(
            story,
            {
                "Students run the garden": "El huerto de los estudiantes",
                "Third graders plan, plant and sell.": "Tercer grado planea, siembra y vende.",
            },
        )
    return story


def test_the_sync_writes_the_spanish_portrait_and_stories_beside_the_english(spanish_alpha, alpha):
    english = PortraitListing.objects.get(district=alpha)
    spanish = PortraitTranslationListing.objects.get(district=alpha)
    assert "Ready for anything." in english.vision_summary
    assert (spanish.language, spanish.title, spanish.vision_summary) == (
        "es",
        "Perfil del estudiante",
        "Listos para todo.",
    )
    assert spanish.url.endswith("/es/portrait-of-a-learner/")
    stories = {s.language: s for s in StoryListing.objects.filter(district=alpha)}
    assert set(stories) == {"en", "es"}
    assert stories["es"].title == "El huerto de los estudiantes"
    assert stories["es"].translation_key == stories["en"].translation_key


def test_spanish_readers_get_the_spanish_portrait_in_the_directory_or_a_note(
    spanish_alpha, host_client
):
    state = host_client("localhost")

    spanish = state.get("/es/districts/").content.decode()
    english = state.get("/districts/").content.decode()

    assert "Perfil del estudiante" in spanish
    assert "/es/portrait-of-a-learner/" in spanish
    assert "(en inglés: aún no traducida)" in spanish  # Bravo's, in English only
    assert "Perfil del estudiante" not in english
    assert "not translated yet" not in english


def test_the_story_feed_shows_spanish_stories_to_spanish_readers_only(
    spanish_alpha, state_home, host_client
):
    factories.story_index(state_home)
    state = host_client("localhost")

    spanish = state.get("/es/stories/").content.decode()
    english = state.get("/stories/").content.decode()

    assert "El huerto de los estudiantes" in spanish
    assert "Students run the garden" not in spanish
    assert "Students run the garden" in english
    assert "El huerto" not in english
    assert english.count('class="story-card"') == spanish.count('class="story-card"') == 1


def test_an_untranslated_story_is_shown_in_english_and_marked(
    spanish_alpha, state_home, bravo, host_client, commit_callbacks
):
    factories.story_index(state_home)
    with commit_callbacks(), tenant_context(bravo):
        factories.add_story(
            factories.story_index(factories.district_home()),
            "Debate club",
            "Eighth graders argue both sides.",
            ["They switch sides at half time."],
        )

    spanish = host_client("localhost").get("/es/stories/").content.decode()

    assert '<li class="story-card" lang="en">' in spanish
    assert "Debate club" in spanish
    assert "Aún no traducida: se muestra en inglés." in spanish


def test_search_finds_spanish_stories_for_spanish_readers(spanish_alpha, host_client):
    state = host_client("localhost")

    spanish = state.get("/es/search/", {"q": "huerto"}).content.decode()
    english = state.get("/search/", {"q": "huerto"}).content.decode()

    assert "El huerto de los estudiantes" in spanish
    assert "El huerto de los estudiantes" not in english
