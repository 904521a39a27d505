"""The page cache keeps languages apart, on a real Redis as production runs it: an English and
a Spanish page are two entries, the language comes from the path alone whatever the browser
asks for, and switching Spanish off makes `/es/` a 404 at once."""

import pytest
from django_tenants.utils import tenant_context

from api.response_cache import Audience, response_key
from portrait.models import DistrictPortraitPage
from state.models import StateSettings
from tests.portrait.translating import offer_spanish, translate_page
from tests.security.real_redis import redis_caches  # noqa: F401 (a fixture)

CACHE_STATUS = "X-Wagtail-Cache"
PORTRAIT = "/portrait-of-a-learner/"


@pytest.fixture
def bilingual_portrait(alpha, redis_caches):  # noqa: F811
    StateSettings.load()
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        page.vision_statement = "<p>Every learner belongs.</p>"
        page.save_revision().publish()
        offer_spanish()
        translate_page(page, {"Every learner belongs.": "Cada estudiante tiene su lugar."})
    return page


def test_english_and_spanish_pages_are_cached_apart(bilingual_portrait, host_client):
    visitor = host_client("alpha.localhost")

    answers = [
        visitor.get(path) for path in (PORTRAIT, f"/es{PORTRAIT}", PORTRAIT, f"/es{PORTRAIT}")
    ]

    assert [answer[CACHE_STATUS] for answer in answers] == ["miss", "miss", "hit", "hit"]
    for english in answers[0::2]:
        assert "Every learner belongs." in english.content.decode()
        assert "Cada estudiante" not in english.content.decode()
    for spanish in answers[1::2]:
        assert "Cada estudiante tiene su lugar." in spanish.content.decode()


def test_the_browsers_language_never_picks_a_page_nor_splits_the_cache(
    bilingual_portrait, host_client
):
    visitor = host_client("alpha.localhost")
    visitor.get(f"/es{PORTRAIT}")  # cached in Spanish
    first = visitor.get(PORTRAIT, HTTP_ACCEPT_LANGUAGE="en-US")

    english = visitor.get(PORTRAIT, HTTP_ACCEPT_LANGUAGE="es")

    assert "Accept-Language" not in first.get("Vary", "")
    assert english[CACHE_STATUS] == "hit"  # one entry per page, whatever browsers ask for
    assert "Every learner belongs." in english.content.decode()
    assert "Cada estudiante" not in english.content.decode()


def test_graphql_answers_are_kept_per_language(redis_caches):  # noqa: F811
    from django.utils import translation

    audience = Audience(introspection=False, district_detail=False, unsuppressed_counts=False)
    query = "query Coverage { __typename }"
    keys = {}
    for language in ("en", "es"):
        with translation.override(language):
            keys[language] = response_key(query, {}, "Coverage", audience)

    assert None not in keys.values() and keys["en"] != keys["es"]


def test_switching_spanish_off_makes_es_a_404_at_once(
    alpha, bilingual_portrait, host_client, django_capture_on_commit_callbacks
):
    visitor = host_client("alpha.localhost")
    assert visitor.get(f"/es{PORTRAIT}").status_code == 200
    assert visitor.get(f"/es{PORTRAIT}")[CACHE_STATUS] == "hit"

    with django_capture_on_commit_callbacks(execute=True), tenant_context(alpha):
        offer_spanish(False)

    assert visitor.get(f"/es{PORTRAIT}").status_code == 404
    english = visitor.get(PORTRAIT)
    assert english.status_code == 200 and "language-switcher" not in english.content.decode()
