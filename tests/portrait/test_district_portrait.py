"""A district's portrait: competencies aligned to the state's, the community's why, how it
was written, its adoption stage."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_tenants.utils import tenant_context

from portrait.blocks import DistrictCompetencyBlock
from portrait.models import DistrictPortraitPage
from tests.factories import portrait as factories
from tests.portrait.conftest import publish_district_portrait


def test_alignment_choices_are_the_state_portraits_competencies_seen_from_a_district(
    state_portrait, alpha
):
    with tenant_context(alpha):
        block = DistrictCompetencyBlock()
        choices = [value for value, _ in block.child_blocks["aligned_to"].field.choices]
    assert choices == ["critical-thinker", "effective-communicator", "engaged-citizen"]


def test_a_competency_aligned_to_nothing_is_refused_with_a_message(state_portrait, alpha):
    block = DistrictCompetencyBlock()
    value = block.to_python(factories.competency_value("Kind", "Kind to all.", aligned_to=[]))
    with pytest.raises(ValidationError) as raised:
        block.clean(value)
    assert "Align this competency to at least one state competency." in str(
        raised.value.block_errors["aligned_to"]
    )


def test_an_alignment_to_an_unknown_state_competency_is_refused(state_portrait, alpha):
    block = DistrictCompetencyBlock()
    value = block.to_python(
        factories.competency_value("Kind", "Kind to all.", aligned_to=["no-such-thing"])
    )
    with tenant_context(alpha), pytest.raises(ValidationError):
        block.clean(value)


def test_two_competencies_cannot_share_a_name(state_portrait, alpha):
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        page.competencies = [
            (
                "competency",
                factories.competency_value("Kind", "A.", aligned_to=["engaged-citizen"]),
            ),
            (
                "competency",
                factories.competency_value("kind ", "B.", aligned_to=["engaged-citizen"]),
            ),
        ]
        with pytest.raises(ValidationError, match="share the name kind"):
            page.full_clean()


def test_the_page_shows_competencies_alignment_timeline_and_stage(
    state_portrait, alpha, host_client
):
    # given
    steps = [
        factories.co_creation_step("survey", "Family survey", datetime.date(2025, 3, 1), 400),
        factories.co_creation_step("convening", "Town hall", datetime.date(2025, 1, 9), 90),
    ]
    page = publish_district_portrait(
        alpha,
        {"Curious problem-solver": ["critical-thinker", "engaged-citizen"]},
        steps=steps,
        community_why="<p>Our town asked for it.</p>",
        last_revisited=datetime.date(2026, 4, 1),
    )
    # when
    with tenant_context(alpha):
        url = page.url
    response = host_client("alpha.localhost").get(url)
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "Curious problem-solver" in html
    assert "Aligned to the state's: Critical thinker and Engaged citizen" in html
    assert "Our town asked for it." in html
    # The timeline reads in date order, with each step's kind and turnout.
    assert html.index("Town hall") < html.index("Family survey")
    assert "Community convening" in html and "400 people took part." in html
    assert f"stage: {alpha.get_adoption_stage_display().lower()}" in html
    assert "April 2026" in html


def test_a_district_portrait_cannot_be_created_on_the_state_site(state_home):
    assert connection.schema_name == "public"
    assert not DistrictPortraitPage.can_create_at(state_home)
