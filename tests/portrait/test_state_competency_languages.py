"""Where the state translated its portrait, the read model carries its competencies' Spanish
names and definitions: GraphQL answers in the language asked for, Spanish pages show them, and
the GraphQL answers in each language are cached apart."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portrait.sync import sync_state_portrait_and_stories
from state.models import StateCompetency, StateSettings
from tests.api_client import get_data
from tests.portrait.translating import offer_spanish, translate_page

COMPETENCIES = """
query Competencies($language: String) {
  statePortrait { competencies { slug name(language: $language) definition(language: $language) } }
}
"""
SPANISH = {
    "Critical thinker": "Pensador crítico",
    "What a critical thinker does.": "Lo que hace un pensador crítico.",
    "critical-thinker": "pensador-critico",  # a translator may change the slug's text too
}


@pytest.fixture
def translated_state_portrait(state_portrait):
    StateSettings.load()
    offer_spanish()
    translate_page(state_portrait, SPANISH)
    # The publish queues this on commit, which a test's transaction never reaches.
    sync_state_portrait_and_stories()
    return state_portrait


def competencies(client, language=None) -> dict:
    data = get_data(client, COMPETENCIES, {"language": language})
    return {entry["slug"]: entry for entry in data["statePortrait"]["competencies"]}


def test_publishing_the_state_portraits_translation_carries_its_names_to_the_read_model(
    translated_state_portrait,
):
    thinker = StateCompetency.objects.get(slug="critical-thinker")
    assert thinker.translations == {
        "es": {"name": "Pensador crítico", "definition": "Lo que hace un pensador crítico."}
    }
    # Not translated by the state: its English stands in.
    assert StateCompetency.objects.get(slug="engaged-citizen").name_in("es") == "Engaged citizen"


def test_graphql_names_a_state_competency_in_the_language_asked_for(
    translated_state_portrait, public_client
):
    spanish = competencies(public_client, "es")
    english = competencies(public_client)

    assert spanish["critical-thinker"]["name"] == "Pensador crítico"
    assert spanish["critical-thinker"]["definition"] == "Lo que hace un pensador crítico."
    assert spanish["engaged-citizen"]["name"] == "Engaged citizen"
    assert english["critical-thinker"]["name"] == "Critical thinker"
    assert set(spanish) == set(english)  # slugs never change with the language


def test_the_graphql_cache_keeps_each_languages_answer_apart(
    translated_state_portrait, public_client, page_cache
):
    first = {language: competencies(public_client, language) for language in ("en", "es")}
    with CaptureQueriesContext(connection) as queries:
        again = {language: competencies(public_client, language) for language in ("en", "es")}

    assert len(queries) == 0  # both from the cache
    assert again == first
    assert again["en"]["critical-thinker"]["name"] == "Critical thinker"
    assert again["es"]["critical-thinker"]["name"] == "Pensador crítico"


def test_the_spanish_coverage_view_names_the_state_competencies_in_spanish(
    translated_state_portrait, host_client
):
    state = host_client("localhost")

    spanish = state.get("/es/coverage/").content.decode()
    english = state.get("/coverage/").content.decode()

    assert "Pensador crítico" in spanish and "Pensador crítico" not in english
    assert "Critical thinker" in english
