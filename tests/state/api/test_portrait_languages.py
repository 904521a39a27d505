"""A portrait's text fields take an optional language: a district's Spanish where it has one,
English otherwise; an unknown language is refused with a message; without the argument every
answer is what it always was."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from state.models import PortraitTranslationListing
from tests.api_client import get_data, post
from tests.progress.read_model import listed_district, portrait

PORTRAITS = """
query Portraits($language: String) {
  districts {
    slug
    portrait {
      title(language: $language)
      url(language: $language)
      visionSummary(language: $language)
      english: title
    }
  }
}
"""


@pytest.fixture
def portraits(db):
    spanish = listed_district("sabino")
    english_only = listed_district("tamarack")
    portrait(spanish, "Sabino's portrait", {"Curious": ["critical-thinker"]})
    portrait(english_only, "Tamarack's portrait", {"Kind": ["engaged-citizen"]})
    PortraitTranslationListing.objects.create(
        district=spanish,
        language="es",
        title="Perfil de Sabino",
        url=f"{spanish.base_url}/es/portrait/",
        vision_summary="Listos para todo.",
    )


def portraits_by_slug(client, language=None) -> dict:
    data = get_data(client, PORTRAITS, {"language": language})
    return {d["slug"]: d["portrait"] for d in data["districts"] if d["portrait"]}


def test_a_portrait_in_spanish_where_it_is_translated_and_english_otherwise(
    portraits, public_client
):
    found = portraits_by_slug(public_client, "es")

    assert found["sabino"]["title"] == "Perfil de Sabino"
    assert found["sabino"]["url"].endswith("/es/portrait/")
    assert found["sabino"]["visionSummary"] == "Listos para todo."
    assert found["sabino"]["english"] == "Sabino's portrait"
    assert found["tamarack"]["title"] == "Tamarack's portrait"
    assert found["tamarack"]["url"].endswith("/portrait/")


def test_without_a_language_or_in_english_the_portrait_is_the_original(portraits, public_client):
    for language in (None, "en"):
        found = portraits_by_slug(public_client, language)
        assert found["sabino"]["title"] == "Sabino's portrait"
        assert found["sabino"]["visionSummary"] == ""


def test_an_unknown_language_is_refused_with_a_message(portraits, public_client):
    body = post(public_client, PORTRAITS, {"language": "tlh"}).json()

    assert any('Unknown language "tlh": use one of en, es.' in e["message"] for e in body["errors"])


def test_translations_are_loaded_in_one_query_however_many_districts(portraits, public_client):
    portraits_by_slug(public_client, "es")  # warm: settings, host routes
    with CaptureQueriesContext(connection) as few:
        portraits_by_slug(public_client, "es")
    for number in range(10):
        district = listed_district(f"extra-{number}")
        portrait(district, f"Extra {number}", {"Curious": ["critical-thinker"]})
    with CaptureQueriesContext(connection) as many:
        portraits_by_slug(public_client, "es")

    assert len(many) == len(few)
