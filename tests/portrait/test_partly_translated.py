"""A partly translated site: every English page has a page under `/es/` (wagtail-localize's
locale synchronization makes an alias of it), showing the English content marked as English
with a note in Spanish, until a translation replaces it; the page cache keeps both apart."""

import pytest
from django_tenants.utils import tenant_context
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from portrait import factories
from portrait.models import DistrictHomePage, StoryIndexPage, StoryPage
from statewide.models import StateSettings
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


def test_switching_spanish_on_syncs_the_spanish_tree_from_the_english_one(alpha):
    with tenant_context(alpha):
        offer_spanish()

        sync = LocaleSynchronization.objects.get(locale__language_code="es")
        english_pages = DistrictHomePage.objects.get(locale__language_code="en").get_descendants(
            inclusive=True
        )
        aliases = set(Page.objects.filter(locale=sync.locale).values_list("alias_of_id", flat=True))

        assert sync.sync_from == Locale.objects.get(language_code="en")
        assert set(english_pages.values_list("pk", flat=True)) <= aliases


def test_an_untranslated_page_under_es_shows_the_english_with_a_spanish_note(alpha, host_client):
    with tenant_context(alpha):
        offer_spanish()
        story = add_story()  # published after Spanish was switched on, outside the admin
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
