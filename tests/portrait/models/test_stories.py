"""Stories of vision in practice: pages, the index with its filters, and its feeds."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import tenant_context

from portrait.models import StoryIndexPage, StoryPage
from tests.factories import portrait as factories
from tests.portrait.conftest import publish_district_portrait

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def alpha_stories(state_portrait, alpha):
    portrait = publish_district_portrait(
        alpha, {"Problem solver": ["critical-thinker"], "Good neighbour": ["engaged-citizen"]}
    )
    solver, neighbour = (key for key, _, _ in portrait.competency_entries())
    with tenant_context(alpha):
        index = StoryIndexPage.objects.get()
        hero = factories.picture("Bus map", (20, 60, 120))
        first = factories.add_story(
            index,
            "Students redraw the bus map",
            "A mapping project the transport office adopted.",
            ["They rode every route."],
            competency_keys=[solver],
            condition_slugs=["culture"],
            quote=("It changed my mornings.", "A student"),
            hero=(hero, "A hand-drawn map of bus routes."),
        )
        second = factories.add_story(
            index,
            "A podcast about the town",
            "Fourth graders interview their grandparents.",
            ["Each episode starts with a question."],
            competency_keys=[neighbour],
            condition_slugs=["partnerships"],
        )
        # Page URLs depend on the district's own site: read them in its schema.
        urls = {page.pk: page.url for page in (index, first, second)}
    for page in (index, first, second):
        page.url_on_site = urls[page.pk]
    return index, first, second, solver, neighbour


def test_a_story_page_shows_its_hero_quote_and_tags(alpha_stories, alpha, host_client):
    _, first, _, _, _ = alpha_stories
    response = host_client("alpha.localhost").get(first.url_on_site)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'alt="A hand-drawn map of bus routes."' in html
    assert "It changed my mornings." in html
    assert "Competencies: Problem solver" in html


def test_a_hero_image_needs_alternative_text(alpha):
    with tenant_context(alpha):
        story = StoryPage(
            title="T", summary="S", body=[], hero_image=factories.picture("X", (0, 0, 0))
        )
        with pytest.raises(ValidationError) as raised:
            story.full_clean()
    assert "hero_alt" in raised.value.message_dict


def test_the_index_filters_by_competency_and_condition(alpha_stories, host_client):
    index, _, _, solver, neighbour = alpha_stories
    client = host_client("alpha.localhost")

    everything = client.get(index.url_on_site).content.decode()
    by_competency = client.get(index.url_on_site, {"competency": neighbour}).content.decode()
    by_condition = client.get(index.url_on_site, {"condition": "culture"}).content.decode()

    assert "Students redraw the bus map" in everything and "A podcast about the town" in everything
    assert "A podcast about the town" in by_competency
    assert "Students redraw the bus map" not in by_competency
    assert "2 stories" in everything and "1 story" in by_competency
    assert "1 story" in by_condition and "A podcast about the town" not in by_condition


def test_an_unknown_filter_value_explains_itself_and_filters_nothing(alpha_stories, host_client):
    index = alpha_stories[0]
    response = host_client("alpha.localhost").get(index.url_on_site, {"competency": "nonsense"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html
    assert "2 stories" in html


def test_the_atom_feed_lists_the_stories_newest_first(alpha_stories, host_client):
    index = alpha_stories[0]
    response = host_client("alpha.localhost").get(index.url_on_site + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["A podcast about the town", "Students redraw the bus map"]
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert all(link.startswith("http://alpha.localhost") for link in links)


def test_the_rss_feed_is_valid_rss(alpha_stories, host_client):
    index = alpha_stories[0]
    response = host_client("alpha.localhost").get(index.url_on_site + "rss/")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel is not None
    assert len(channel.findall("item")) == 2


def test_a_filtered_lists_feeds_keep_its_filters(alpha_stories, host_client):
    index = alpha_stories[0]
    client = host_client("alpha.localhost")

    page = client.get(index.url_on_site, {"condition": "culture"}).content.decode()
    atom = client.get(index.url_on_site + "feed/", {"condition": "culture"})
    rss = client.get(index.url_on_site + "rss/", {"condition": "culture"}).content.decode()

    assert f'href="{index.url_on_site}feed/?condition=culture"' in page
    assert f'href="{index.url_on_site}rss/?condition=culture"' in page
    titles = [
        entry.find(f"{ATOM}title").text
        for entry in ElementTree.fromstring(atom.content).findall(f"{ATOM}entry")
    ]
    assert titles == ["Students redraw the bus map"]
    assert "Students redraw the bus map" in rss and "A podcast about the town" not in rss


def test_an_unfiltered_lists_feed_links_carry_no_query(alpha_stories, host_client):
    index = alpha_stories[0]
    page = host_client("alpha.localhost").get(index.url_on_site).content.decode()
    assert f'href="{index.url_on_site}feed/"' in page
