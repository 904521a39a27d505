"""A translated district portrait renders in Spanish within the English budget: as few
queries whatever its size, at most 15 cold, and none from the page cache; the Spanish
directory and story feed cost the same for many districts as for a few."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from portrait.models import DistrictPortraitPage
from tests.factories.statewide import add_listed_districts
from tests.portrait.test_query_counts import (  # noqa: F401 (fixtures)
    PORTRAIT_QUERY_BUDGET,
    grow_portrait,
    page_queries,
    state_portrait,
    state_site,
)
from tests.portrait.translating import offer_spanish, translate_page


def translate_portrait(district) -> str:
    with tenant_context(district):
        offer_spanish()
        english = DistrictPortraitPage.objects.get(locale__language_code="en")
        return translate_page(english, {"Vision": "Visión"}).url


@pytest.mark.usefixtures("state_portrait")
def test_a_spanish_portrait_costs_what_the_english_one_does(alpha, bravo, host_client):
    # Bravo's portrait is small and Alpha's large; each is translated once grown.
    grow_portrait(bravo, competencies=2, stories=2)
    small = page_queries(host_client("bravo.localhost"), translate_portrait(bravo))
    grow_portrait(alpha, competencies=20, stories=20)
    spanish_path = translate_portrait(alpha)
    visitor = host_client("alpha.localhost")
    large = page_queries(visitor, spanish_path)
    english = page_queries(visitor, "/portrait-of-a-learner/")

    assert spanish_path == "/es/portrait-of-a-learner/"
    assert len(small) <= PORTRAIT_QUERY_BUDGET, "\n".join(small)
    assert len(large) == len(small), "\n".join(large)
    # Finding the Spanish site root is the one query English does not need.
    assert len(english) <= len(large), "\n".join(english)
    page = visitor.get(spanish_path).content.decode()
    assert "Visión" in page and page.count('class="competency"') == 20


@pytest.mark.usefixtures("state_portrait", "page_cache")
def test_a_cached_spanish_portrait_costs_no_query(alpha, host_client):
    grow_portrait(alpha, competencies=3, stories=1)
    spanish_path = translate_portrait(alpha)
    visitor = host_client("alpha.localhost")
    visitor.get(spanish_path)

    with CaptureQueriesContext(connection) as queries:
        cached = visitor.get(spanish_path)

    assert cached["X-Wagtail-Cache"] == "hit"
    assert "Visión" in cached.content.decode()
    assert [query["sql"] for query in queries] == []


@pytest.mark.parametrize("path", ["/es/districts/", "/es/stories/"])
@pytest.mark.usefixtures("state_site")
def test_the_spanish_directory_and_story_feed_cost_the_same_for_many_districts(host_client, path):
    offer_spanish()
    visitor = host_client("localhost")
    add_listed_districts(3, first=0)
    few = page_queries(visitor, path)
    add_listed_districts(60, first=3)
    many = page_queries(visitor, path)
    assert len(many) == len(few), "\n".join(many)
