"""Query counts that must not grow with content: a district portrait with many competencies
(each with an icon, traits, a continuum and alignments), a long co-creation timeline and many
stories renders with as many queries as a small one; the state's directory and story feed
answer with as many queries for many districts as for a few."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context
from wagtail.models import Page, Site

from portrait.models import DistrictPortraitPage, StateHomePage
from state.models import StateCompetency, StateSettings
from tests.factories import portrait as factories
from tests.factories.statewide import add_listed_districts

PORTRAIT_QUERY_BUDGET = 15
STATE_COMPETENCIES = [("curiosity", "Curiosity"), ("care", "Care"), ("craft", "Craft")]


def grow_portrait(district, competencies: int, stories: int) -> str:
    """Give the district's portrait `competencies` competencies and `stories` stories."""
    with tenant_context(district):
        icon = factories.picture("Icon", (40, 90, 120), size=(96, 96))
        page = DistrictPortraitPage.objects.get()
        values = [
            factories.competency_value(
                f"Competency {number}",
                "What a graduate can do, in a sentence or two.",
                aligned_to=[slug for slug, _ in STATE_COMPETENCIES[: 1 + number % 3]],
                sub_traits=["Asks", "Listens", "Tries again"],
                grade_bands=["k-2", "3-5", "6-8", "9-12"],
                icon={"image": icon, "alt_text": f"Icon of competency {number}"},
            )
            for number in range(competencies)
        ]
        steps = [
            factories.co_creation_step(
                "survey", f"Survey {n}", datetime.date(2025, 1, 1) + datetime.timedelta(n), 10 + n
            )
            for n in range(competencies)
        ]
        factories.fill_district_portrait(page, values, steps, vision_statement="<p>Vision</p>")
        index = factories.story_index(factories.district_home())
        keys = [key for key, _, _ in page.competency_entries()]
        for number in range(stories - index.get_children().count()):
            factories.add_story(
                index,
                f"Story {number}",
                "A short summary.",
                ["A paragraph."],
                competency_keys=keys[:2],
            )
        return page.url


def page_queries(client, path: str) -> list[str]:
    client.get(path)  # warm: the host route, Wagtail's site roots, image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


@pytest.fixture
def state_portrait(db):
    StateSettings.load()
    for position, (slug, name) in enumerate(STATE_COMPETENCIES):
        StateCompetency.objects.create(slug=slug, name=name, position=position)


def test_a_district_portrait_renders_in_the_same_few_queries_whatever_its_size(
    alpha, host_client, state_portrait
):
    visitor = host_client("alpha.localhost")  # the page cache is off in tests

    small = page_queries(visitor, grow_portrait(alpha, competencies=2, stories=2))
    large = page_queries(visitor, grow_portrait(alpha, competencies=20, stories=20))

    assert len(small) <= PORTRAIT_QUERY_BUDGET, "\n".join(small)
    assert len(large) == len(small), "\n".join(large)
    page = visitor.get(grow_portrait(alpha, competencies=20, stories=20)).content.decode()
    assert page.count('class="competency"') == 20
    assert page.count('class="competency-icon"') == 20


@pytest.fixture
def state_site(db):
    root = Page.get_first_root_node()
    home = StateHomePage(title="State", slug="state-home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    factories.story_index(home)
    StateSettings.load()
    return home


@pytest.mark.parametrize("path", ["/districts/", "/stories/"])
def test_the_directory_and_story_feed_cost_the_same_for_many_districts(
    state_site, host_client, path
):
    visitor = host_client("localhost")
    add_listed_districts(3, first=0)
    few = page_queries(visitor, path)
    add_listed_districts(60, first=3)
    many = page_queries(visitor, path)
    assert len(many) == len(few), "\n".join(many)
