"""The state's directory, story feed, coverage view and search read the read model only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portrait.views.coverage import coverage_rows
from state.models import PortraitAlignment, PortraitListing, StateSettings, StoryListing
from tenants.models import District
from tests.factories import portrait as factories
from tests.portrait.conftest import publish_district_portrait


@pytest.fixture
def published(state_portrait, alpha, bravo, commit_callbacks):
    with commit_callbacks():
        publish_district_portrait(alpha, {"Solver": ["critical-thinker", "engaged-citizen"]})
        publish_district_portrait(bravo, {"Citizen": ["engaged-citizen"]})
    return alpha, bravo


@pytest.fixture
def state_stories(state_home):
    return factories.story_index(state_home, title="Stories of vision in practice")


def test_coverage_counts_districts_per_state_competency(published):
    counts = {row.slug: row.aligned_district_count for row in coverage_rows()}
    assert counts == {"critical-thinker": 1, "effective-communicator": 0, "engaged-citizen": 2}


def test_coverage_leaves_out_inactive_districts(published, bravo):
    District.objects.filter(pk=bravo.pk).update_and_announce(is_active=False)
    counts = {row.slug: row.aligned_district_count for row in coverage_rows()}
    assert counts["engaged-citizen"] == 1


def test_the_coverage_page_has_a_chart_and_an_equivalent_table(published, host_client):
    html = host_client("localhost").get("/coverage/").content.decode()
    assert 'class="bar-chart"' in html
    assert '<th scope="row">Engaged citizen</th><td>2</td>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Alpha School District", "Bravo School District"}),
        ({"q": "alph"}, {"Alpha School District"}),
        ({"region": "South"}, {"Bravo School District"}),
        ({"competency": "critical-thinker"}, {"Alpha School District"}),
        ({"stage": "finalized"}, set()),
    ],
)
def test_the_directory_searches_and_filters(published, host_client, query, expected):
    html = host_client("localhost").get("/districts/", query).content.decode()
    shown = {name for name in ("Alpha School District", "Bravo School District") if name in html}
    assert shown == expected


def test_the_directory_links_to_each_districts_site_and_portrait(published, host_client):
    html = host_client("localhost").get("/districts/").content.decode()
    assert 'href="http://alpha.localhost:8000/"' in html
    assert 'href="http://alpha.localhost:8000/portrait-of-a-learner/"' in html


def test_the_statewide_feed_gathers_every_districts_stories_with_filters(
    published, state_stories, host_client
):
    for district, title, slugs in [
        (published[0], "Alpha story", ["critical-thinker"]),
        (published[1], "Bravo story", ["engaged-citizen"]),
    ]:
        StoryListing.objects.create(
            district=district,
            page_id=1,
            title=title,
            url=f"{district.base_url}/stories/one/",
            published_at=timezone.now(),
            state_competency_slugs=slugs,
        )
    client = host_client("localhost")
    everything = client.get("/stories/").content.decode()
    south = client.get("/stories/", {"region": "South"}).content.decode()
    thinkers = client.get("/stories/", {"competency": "critical-thinker"}).content.decode()
    assert "Alpha story" in everything and "Bravo story" in everything
    assert "Bravo story" in south and "Alpha story" not in south
    assert "Alpha story" in thinkers and "Bravo story" not in thinkers


def make_listed_districts(count: int, start: int) -> None:
    """District rows with read-model rows, no schemas: statewide pages read only these."""
    districts = District.objects.bulk_create(
        District(
            name=f"Listed {number}",
            slug=f"listed-{number}",
            schema_name=f"district_listed_{number}",
            region=["North", "South"][number % 2],
        )
        for number in range(start, start + count)
    )
    now = timezone.now()
    PortraitListing.objects.bulk_create(
        PortraitListing(
            district=d, title="Portrait", url=f"http://{d.slug}.example/", synced_at=now
        )
        for d in districts
    )
    PortraitAlignment.objects.bulk_create(
        PortraitAlignment(district=d, state_competency_slug="critical-thinker") for d in districts
    )
    StoryListing.objects.bulk_create(
        StoryListing(
            district=d,
            page_id=7,
            title=f"Story of {d.name}",
            url=f"http://{d.slug}.example/stories/a/",
            published_at=now,
            state_competency_slugs=["critical-thinker"],
        )
        for d in districts
    )


def queries_for(client, path: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/districts/", {}),
        ("/districts/", {"competency": "critical-thinker", "region": "North"}),
        ("/stories/", {}),
        ("/stories/", {"competency": "critical-thinker"}),
        ("/coverage/", {}),
    ],
)
def test_statewide_pages_cost_the_same_queries_at_ten_and_at_two_hundred_districts(
    state_portrait, state_stories, host_client, path, params
):
    client = host_client("localhost")
    StateSettings.load()  # made on first use otherwise, which (rightly) forgets cached values
    make_listed_districts(10, start=0)
    client.get(path, params)  # warm per-process lookups (content types, site root paths)
    at_ten = queries_for(client, path, params)
    make_listed_districts(190, start=10)
    assert queries_for(client, path, params) == at_ten


def test_search_finds_portraits_and_stories_across_districts(published, host_client):
    html = host_client("localhost").get("/search/", {"q": "Ready anything"}).content.decode()
    assert "Alpha School District" in html and "Bravo School District" in html


def test_an_empty_search_asks_for_words(state_home, host_client):
    response = host_client("localhost").get("/search/", {"q": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
