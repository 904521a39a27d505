"""The statewide portrait: competencies with their parts, a printable view, and the state
competencies districts align to."""

import pytest
from django.core.exceptions import ValidationError

from portrait.models import StatePortraitPage
from portrait.sync import sync_state_portrait_and_stories
from state.models import StateCompetency, StateSettings
from tests.factories import portrait as factories


def test_publishing_the_state_portrait_makes_its_competencies_alignable(state_portrait):
    # given the fixture's published portrait
    # then
    assert list(StateCompetency.objects.values_list("slug", "name", "position")) == [
        ("critical-thinker", "Critical thinker", 0),
        ("effective-communicator", "Effective communicator", 1),
        ("engaged-citizen", "Engaged citizen", 2),
    ]


def test_a_competency_removed_from_the_portrait_is_no_longer_alignable(state_portrait):
    # when
    state_portrait.competencies = [
        (
            "competency",
            factories.competency_value("Critical thinker", "Thinks.", slug="critical-thinker"),
        )
    ]
    factories.publish(state_portrait)
    sync_state_portrait_and_stories()
    # then
    assert list(StateCompetency.objects.values_list("slug", flat=True)) == ["critical-thinker"]


def test_two_competencies_cannot_share_a_slug(state_home):
    page = StatePortraitPage(
        title="Portrait",
        slug="portrait",
        competencies=[
            ("competency", factories.competency_value("One", "First.", slug="same")),
            ("competency", factories.competency_value("Two", "Second.", slug="same")),
        ],
    )
    with pytest.raises(ValidationError) as raised:
        state_home.add_child(instance=page)
    assert "share the slug same" in str(raised.value)


def test_the_portrait_page_shows_each_part_and_the_state_label(state_portrait, host_client):
    # given a competency with traits and a continuum, and the state's chosen label
    state_portrait.competencies = [
        (
            "competency",
            factories.competency_value(
                "Critical thinker",
                "Weighs evidence.",
                slug="critical-thinker",
                sub_traits=["Asks questions"],
                grade_bands=["k-2", "9-12"],
            ),
        )
    ]
    factories.publish(state_portrait)
    settings = StateSettings.load()
    settings.portrait_label = "Portrait of a Graduate"
    settings.save()
    # when
    response = host_client("localhost").get(state_portrait.url)
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "Portrait of a Graduate" in html
    assert "Asks questions" in html
    assert "Grades K-2" in html and "Grades 9-12" in html
    assert "version 2.0" in html


def test_the_printable_view_has_every_competency_on_one_page(state_portrait, host_client):
    response = host_client("localhost").get(state_portrait.url + "print/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="en"' in html
    for name in ("Critical thinker", "Effective communicator", "Engaged citizen"):
        assert name in html
    assert "print.css" in html
