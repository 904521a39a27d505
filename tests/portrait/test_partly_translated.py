"""A partly translated site: under `/es/`, a page not translated yet (or whose translation is
still in review) is the English page, marked as English with a note in Spanish, rather than
a 404; the page cache keeps it apart from the English page and forgets it once translated."""

import pytest
from django_tenants.utils import tenant_context
from wagtail.models import Locale

from portrait.models import DistrictPortraitPage, StoryIndexPage, StoryPage
from state.models import StateSettings
from tests.factories import portrait as factories
from tests.portrait.translating import offer_spanish, translate_page
from tests.security.real_redis import redis_caches  # noqa: F401 (a fixture)

CACHE_STATUS = "X-Wagtail-Cache"
NOTE = "Esta página aún no está traducida, por eso se muestra en inglés."


@pytest.fixture(autouse=True)
def state_settings(db):
    return StateSettings.load()


def add_story(title: str = "Robotics for everyone") -> StoryPage:
    index = StoryIndexPage.objects.get(locale__language_code="en")
    return factories.add_story(index, title, "Students build robots.", ["They built robots."])


def spanish_home(district) -> None:
    """A live Spanish home (a translated portrait brings it as an alias of the English one),
    so Wagtail routes `/es/` through the Spanish tree."""
    with tenant_context(district):
        portrait = DistrictPortraitPage.objects.get(locale__language_code="en")
        portrait.vision_statement = "<p>Every learner belongs.</p>"
        portrait.save_revision().publish()
        translate_page(portrait, {"Every learner belongs.": "Cada estudiante tiene su lugar."})


def test_an_untranslated_page_under_es_shows_the_english_with_a_spanish_note(alpha, host_client):
    with tenant_context(alpha):
        offer_spanish()
        story = add_story()
    spanish_home(alpha)
    visitor = host_client("alpha.localhost")

    spanish = visitor.get(f"/es{story.url}")

    text = spanish.content.decode()
    assert spanish.status_code == 200
    assert '<html lang="es"' in text
    assert '<main id="main" tabindex="-1" lang="en">' in text
    assert "They built robots." in text
    assert NOTE in text
    assert f'<a href="{story.url}" hreflang="en" lang="en">English</a>' in text
    # The English page's switcher still says, in Spanish, that there is no translation yet.
    english = visitor.get(story.url).content.decode()
    assert "Español: esta página aún no está traducida." in english
    assert f'href="/es{story.url}"' not in english


def test_the_page_cache_keeps_the_english_and_its_spanish_stand_in_apart_until_translated(
    alpha,
    host_client,
    redis_caches,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with tenant_context(alpha):
        offer_spanish()
        story = add_story()
    spanish_home(alpha)
    visitor = host_client("alpha.localhost")
    english_url, spanish_url = story.url, f"/es{story.url}"

    answers = [visitor.get(url) for url in (english_url, spanish_url, english_url, spanish_url)]

    assert [answer[CACHE_STATUS] for answer in answers] == ["miss", "miss", "hit", "hit"]
    assert all(NOTE not in answer.content.decode() for answer in answers[0::2])
    assert all(NOTE in answer.content.decode() for answer in answers[1::2])

    with django_capture_on_commit_callbacks(execute=True), tenant_context(alpha):
        translate_page(story, {"They built robots.": "Construyeron robots."})

    translated = visitor.get(spanish_url)
    assert translated[CACHE_STATUS] == "miss"
    assert "Construyeron robots." in translated.content.decode()
    assert NOTE not in translated.content.decode()
    assert "They built robots." in visitor.get(english_url).content.decode()


def test_a_path_neither_tree_has_is_still_a_404(alpha, host_client):
    with tenant_context(alpha):
        offer_spanish()
    spanish_home(alpha)

    assert host_client("alpha.localhost").get("/es/no-such-page/").status_code == 404


def test_a_translation_in_review_leaves_the_english_page_under_es(alpha, host_client):
    with tenant_context(alpha):
        offer_spanish()
        story = add_story()
        index = StoryIndexPage.objects.get(locale__language_code="en")
    spanish_home(alpha)
    with tenant_context(alpha):
        translate_page(index, {})  # the index is translated: its story is not, yet
        draft = story.copy_for_translation(Locale.objects.get(language_code="es"))
        assert not draft.live  # a translation saved as a draft, waiting for review

    answer = host_client("alpha.localhost").get(f"/es{story.url}")

    assert answer.status_code == 200
    assert "They built robots." in answer.content.decode() and NOTE in answer.content.decode()
