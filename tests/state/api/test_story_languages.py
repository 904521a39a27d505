"""A district's stories in GraphQL: their text takes an optional language, a story's Spanish
where the district translated it and its English otherwise; an unknown language is refused."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from state.models import StoryListing
from tests.api_client import get_data, post
from tests.progress.read_model import listed_district

STORIES = """
query Stories($language: String) {
  districts {
    slug
    stories {
      title(language: $language)
      url(language: $language)
      summary(language: $language)
      english: title
    }
  }
}
"""


def story(district, title: str, language: str = "en", key=None, page_id: int = 1, **fields):
    return StoryListing.objects.create(
        district=district,
        page_id=page_id,
        language=language,
        translation_key=key or uuid.uuid4(),
        title=title,
        url=f"{district.base_url}{'/es' if language == 'es' else ''}/stories/{page_id}/",
        summary=fields.get("summary", ""),
        published_at=timezone.now(),
    )


@pytest.fixture
def stories(db):
    sabino = listed_district("sabino")
    robots = story(sabino, "Robots in first grade", summary="They built robots.")
    story(sabino, "Un huerto escolar", language="es", page_id=2)  # written in Spanish only
    story(sabino, "Robots en primer grado", "es", robots.translation_key, 3, summary="Robots.")
    story(sabino, "The school garden", page_id=4)
    return sabino


def stories_by_title(client, language=None) -> dict:
    data = get_data(client, STORIES, {"language": language})
    found = next(d for d in data["districts"] if d["slug"] == "sabino")["stories"]
    return {entry["english"]: entry for entry in found}


def test_a_story_in_spanish_where_it_is_translated_and_english_otherwise(stories, public_client):
    found = stories_by_title(public_client, "es")

    assert set(found) == {"Robots in first grade", "The school garden"}
    robots = found["Robots in first grade"]
    assert robots["title"] == "Robots en primer grado"
    assert robots["summary"] == "Robots."
    assert robots["url"].endswith("/es/stories/3/")
    assert found["The school garden"]["title"] == "The school garden"


def test_without_a_language_or_in_english_a_story_is_its_original(stories, public_client):
    for language in (None, "en"):
        found = stories_by_title(public_client, language)
        assert found["Robots in first grade"]["title"] == "Robots in first grade"
        assert found["Robots in first grade"]["summary"] == "They built robots."


def test_an_unknown_language_is_refused_with_a_message(stories, public_client):
    body = post(public_client, STORIES, {"language": "tlh"}).json()

    assert any('Unknown language "tlh": use one of en, es.' in e["message"] for e in body["errors"])


def test_stories_and_their_translations_cost_the_same_for_many_districts(stories, public_client):
    stories_by_title(public_client, "es")  # warm: settings, host routes
    with CaptureQueriesContext(connection) as few:
        stories_by_title(public_client, "es")
    for number in range(10):
        district = listed_district(f"extra-{number}")
        original = story(district, f"Story {number}")
        story(district, f"Historia {number}", "es", original.translation_key, 2)
    with CaptureQueriesContext(connection) as many:
        stories_by_title(public_client, "es")

    assert len(many) == len(few)


def test_a_page_of_stories_larger_than_the_largest_is_refused(stories, public_client):
    body = post(public_client, "{ districts { stories(first: 51) { title } } }").json()

    assert any("first must be between 0 and 50" in e["message"] for e in body["errors"])
