"""The contract's progress operations, run from graphql/operations/ on seeded read-model rows."""

import pytest

from state.models import StateSettings
from tenants.models import District
from tests.api_client import get_data, operation
from tests.progress.read_model import (
    days_ago,
    listed_district,
    outcome_counts,
    published_round,
    state_competencies,
)


@pytest.fixture
def state(alpha, bravo):
    carver = listed_district("carver", region="North", stage="finalized")
    dunmore = listed_district("dunmore", region="South", stage="unreported")
    eastgate = listed_district("eastgate", region="North", stage="considering", active=False)
    District.objects.exclude(pk__in=[alpha.pk, bravo.pk, carver.pk, dunmore.pk]).exclude(
        pk=eastgate.pk
    ).update_and_announce(is_active=False)
    state_competencies()
    published_round(alpha, 1, {"equity-driven": "establishing"}, days_ago(300))
    published_round(
        alpha, 2, {"equity-driven": "developing", "strategic-planning": "establishing"}, days_ago(5)
    )
    published_round(carver, 7, {"equity-driven": "developing"}, days_ago(10))
    published_round(eastgate, 1, {"equity-driven": "refining"}, days_ago(10))  # inactive
    outcome_counts(
        alpha,
        "critical-thinker",
        "2024-25",
        {"K-2": {"beginning": 5, "approaching": 20, "meeting": 30, "exceeding": 12}},
    )
    outcome_counts(
        bravo,
        "critical-thinker",
        "2024-25",
        {"3-5": {"beginning": 15, "approaching": 15, "meeting": 15, "exceeding": 15}},
    )
    outcome_counts(bravo, "critical-thinker", "2023-24", {"3-5": {"beginning": 1}})
    return {"alpha": alpha, "bravo": bravo, "carver": carver, "dunmore": dunmore}


def test_statewide_adoption_counts_every_stage_in_order(state, public_client):
    # when
    data = get_data(public_client, operation("StatewideAdoption"))
    # then
    assert data["statewideAdoption"] == [
        {"stage": "NOT_CONSIDERING", "districtCount": 0},
        {"stage": "CONSIDERING", "districtCount": 0},
        {"stage": "DEVELOPING", "districtCount": 2},
        {"stage": "FINALIZED", "districtCount": 1},
        {"stage": "UNREPORTED", "districtCount": 1},
    ]


def test_statewide_adoption_by_region_ignores_case(state, public_client):
    data = get_data(public_client, operation("StatewideAdoption"), {"region": "nORTH"})
    counts = {row["stage"]: row["districtCount"] for row in data["statewideAdoption"]}
    assert counts == {
        "NOT_CONSIDERING": 0,
        "CONSIDERING": 0,  # eastgate considers, but is inactive
        "DEVELOPING": 1,
        "FINALIZED": 1,
        "UNREPORTED": 0,
    }


def _competency(data, slug):
    return next(
        competency
        for condition in data["framework"]["conditions"]
        for competency in condition["competencies"]
        if competency["slug"] == slug
    )


def _distribution(competency) -> dict[str, int]:
    return {row["stage"]["slug"]: row["districtCount"] for row in competency["stageDistribution"]}


def test_framework_progress_counts_latest_published_rounds(state, staff_client):
    # when: as staff who may read district detail (tests/security/ covers the public)
    data = get_data(
        staff_client, operation("FrameworkProgress"), {"framework": "finding-your-path"}
    )
    # then
    framework = data["framework"]
    assert framework["slug"] == "finding-your-path"
    assert framework["name"] == "Finding Your Path"
    assert framework["stages"] == [
        {"slug": "establishing", "name": "Establishing", "position": 1},
        {"slug": "developing", "name": "Developing", "position": 2},
        {"slug": "operationalizing", "name": "Operationalizing", "position": 3},
        {"slug": "refining", "name": "Refining", "position": 4},
    ]
    assert len(framework["conditions"]) == 12
    assert sum(len(c["competencies"]) for c in framework["conditions"]) == 30
    first = framework["conditions"][0]
    assert (first["slug"], first["name"], first["priority"]) == (
        "shared-vision",
        "Shared Vision",
        True,
    )
    assert framework["conditions"][4]["priority"] is False
    equity = _competency(data, "equity-driven")
    # alpha's older round no longer counts; eastgate is inactive
    assert _distribution(equity) == {
        "establishing": 0,
        "developing": 2,
        "operationalizing": 0,
        "refining": 0,
    }
    assert equity["unassessedCount"] == 2
    planning = _competency(data, "strategic-planning")
    assert _distribution(planning)["establishing"] == 1
    assert planning["unassessedCount"] == 3
    untouched = _competency(data, "networks")
    assert sum(_distribution(untouched).values()) == 0
    assert untouched["unassessedCount"] == 4


def test_framework_progress_by_region(state, staff_client):
    variables = {"framework": "finding-your-path", "region": "north"}
    data = get_data(staff_client, operation("FrameworkProgress"), variables)
    equity = _competency(data, "equity-driven")
    assert _distribution(equity)["developing"] == 2
    assert equity["unassessedCount"] == 0
    assert _competency(data, "networks")["unassessedCount"] == 2


def test_framework_progress_for_an_unknown_framework_is_null(state, public_client):
    data = get_data(public_client, operation("FrameworkProgress"), {"framework": "nope"})
    assert data == {"framework": None}


LEARNER_VARIABLES = {"competency": "critical-thinker", "schoolYear": "2024-25"}


def test_learner_outcomes_suppress_small_and_complementary_cells(state, public_client):
    # when
    data = get_data(public_client, operation("LearnerOutcomes"), LEARNER_VARIABLES)
    # then
    rows = [
        (r["district"]["slug"], r["gradeBand"], r["level"], r["count"], r["suppressed"])
        for r in data["learnerOutcomes"]
    ]
    assert rows == [
        # One small cell hides its row: any visible cell would bound the others.
        ("alpha", "K-2", "beginning", None, True),
        ("alpha", "K-2", "approaching", None, True),
        ("alpha", "K-2", "meeting", None, True),
        ("alpha", "K-2", "exceeding", None, True),
        ("bravo", "3-5", "beginning", 15, False),
        ("bravo", "3-5", "approaching", 15, False),
        ("bravo", "3-5", "meeting", 15, False),
        ("bravo", "3-5", "exceeding", 15, False),
    ]


def test_learner_outcomes_follow_the_state_minimum_cell_size(state, public_client):
    settings = StateSettings.load()
    settings.minimum_cell_size = 16
    settings.save()
    data = get_data(public_client, operation("LearnerOutcomes"), LEARNER_VARIABLES)
    bravo = [r for r in data["learnerOutcomes"] if r["district"]["slug"] == "bravo"]
    assert {r["suppressed"] for r in bravo} == {True}


def test_staff_without_the_restricted_permission_still_see_suppressed_counts(state, staff_client):
    data = get_data(staff_client, operation("LearnerOutcomes"), LEARNER_VARIABLES)
    assert data["learnerOutcomes"][0]["count"] is None


def test_the_restricted_data_permission_shows_every_count(state, restricted_user, host_client):
    client = host_client("localhost")
    client.force_login(restricted_user)
    data = get_data(client, operation("LearnerOutcomes"), LEARNER_VARIABLES)
    alpha = [(r["count"], r["suppressed"]) for r in data["learnerOutcomes"][:4]]
    assert alpha == [(5, False), (20, False), (30, False), (12, False)]
