"""PortraitCoverage and DistrictProfile, run from graphql/operations/ on read-model rows."""

import pytest

from tenants.models import District
from tests.api_client import assert_no_permission, get_data, operation, post
from tests.progress.read_model import (
    days_ago,
    listed_district,
    portrait,
    published_round,
    state_competencies,
)


@pytest.fixture
def state(alpha, bravo):
    carver = listed_district("carver", region="North", stage="finalized")
    gone = listed_district("gone", region="North", active=False)
    District.objects.exclude(pk__in=[alpha.pk, bravo.pk, carver.pk, gone.pk]).update(
        is_active=False
    )
    state_competencies()
    portrait(
        alpha,
        "Alpha's portrait of a graduate",
        {
            "Curious thinker": ["critical-thinker"],
            "Clear voice": ["effective-communicator", "critical-thinker"],
            "Good neighbour": [],
        },
    )
    portrait(carver, "Carver graduate", {"Speaks up": ["effective-communicator"]})
    portrait(gone, "Gone", {"Thinks": ["critical-thinker", "engaged-citizen"]})
    published_round(alpha, 1, {"equity-driven": "establishing"}, days_ago(90))
    published_round(
        alpha, 2, {"equity-driven": "developing", "voice": "operationalizing"}, days_ago(3)
    )
    return alpha


def test_portrait_coverage_counts_active_districts_per_state_competency(state, public_client):
    # when
    data = get_data(public_client, operation("PortraitCoverage"))
    # then
    assert data["statePortrait"]["competencies"] == [
        {"slug": "critical-thinker", "name": "Critical thinker", "alignedDistrictCount": 1},
        {
            "slug": "effective-communicator",
            "name": "Effective communicator",
            "alignedDistrictCount": 2,
        },
        {"slug": "engaged-citizen", "name": "Engaged citizen", "alignedDistrictCount": 0},
    ]


PROFILE_VARIABLES = {"slug": "alpha", "framework": "finding-your-path"}


def test_district_profile_for_staff(state, staff_client):
    # when
    data = get_data(staff_client, operation("DistrictProfile"), PROFILE_VARIABLES)
    # then
    district = data["district"]
    assert district["slug"] == "alpha"
    assert district["name"] == "Alpha School District"
    assert district["region"] == "North"
    assert district["adoptionStage"] == "DEVELOPING"
    assert district["url"] == state.base_url + "/"
    assert district["portrait"]["title"] == "Alpha's portrait of a graduate"
    assert district["portrait"]["publishedAt"]
    assert district["portrait"]["competencies"] == [
        {
            "name": "Curious thinker",
            "alignedTo": [{"slug": "critical-thinker", "name": "Critical thinker"}],
        },
        {
            "name": "Clear voice",
            "alignedTo": [
                {"slug": "effective-communicator", "name": "Effective communicator"},
                {"slug": "critical-thinker", "name": "Critical thinker"},
            ],
        },
        {"name": "Good neighbour", "alignedTo": []},
    ]
    assessment = district["assessment"]
    assert assessment["publishedAt"]
    assert sorted((r["competency"]["slug"], r["stage"]["slug"]) for r in assessment["ratings"]) == [
        ("equity-driven", "developing"),
        ("voice", "operationalizing"),
    ]


def test_district_profile_for_the_public_withholds_the_assessment(state, public_client):
    # when
    response = post(public_client, operation("DistrictProfile"), PROFILE_VARIABLES)
    # then
    data = assert_no_permission(response, ["district", "assessment"])
    assert data["district"]["portrait"]["title"] == "Alpha's portrait of a graduate"
    assert data["district"]["assessment"] is None


def test_district_profile_with_an_api_token(state, public_client, staff_token):
    data = get_data(
        public_client,
        operation("DistrictProfile"),
        PROFILE_VARIABLES,
        HTTP_AUTHORIZATION=f"Bearer {staff_token}",
    )
    assert len(data["district"]["assessment"]["ratings"]) == 2


def test_district_profile_of_an_inactive_or_unknown_district_is_null(state, staff_client):
    for slug in ("gone", "nowhere"):
        variables = {**PROFILE_VARIABLES, "slug": slug}
        assert get_data(staff_client, operation("DistrictProfile"), variables) == {"district": None}


def test_district_without_portrait_or_assessment(state, staff_client):
    variables = {**PROFILE_VARIABLES, "slug": "bravo"}
    district = get_data(staff_client, operation("DistrictProfile"), variables)["district"]
    assert district["portrait"] is None
    assert district["assessment"] is None
