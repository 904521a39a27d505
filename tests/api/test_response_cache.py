"""Answers to read-only operations are kept until the statewide read model changes, and are
shared only between callers who would get the same answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publishing.sync import record_listing
from state.models import StateSettings
from state.progress.models import ApiToken
from tests.api_client import get_data, operation
from tests.conftest import grant
from tests.progress.read_model import outcome_counts

OUTCOMES = {"competency": "critical-thinker", "schoolYear": "2024-25"}
SMALL_ROW = {"K-2": {"beginning": 4, "approaching": 20, "meeting": 30, "exceeding": 12}}


@pytest.fixture
def outcomes(alpha, page_cache):
    StateSettings.load()  # made on first use, which is itself a change to what answers read
    outcome_counts(alpha, "critical-thinker", "2024-25", SMALL_ROW)
    return alpha


def counts(data) -> list:
    return [row["count"] for row in data["learnerOutcomes"]]


def test_a_repeated_query_is_answered_from_the_cache(outcomes, public_client):
    first = get_data(public_client, operation("LearnerOutcomes"), OUTCOMES)
    with CaptureQueriesContext(connection) as queries:
        again = get_data(public_client, operation("LearnerOutcomes"), OUTCOMES)
    assert again == first
    assert len(queries) == 0


def test_a_sync_of_the_read_model_refreshes_the_answer(outcomes, public_client, bravo):
    before = get_data(public_client, operation("StatewideAdoption"))
    bravo.adoption_stage = "finalized"
    bravo.save()
    after = get_data(public_client, operation("StatewideAdoption"))
    assert before != after

    record_listing(outcomes)  # a district's sync, whatever it wrote
    with CaptureQueriesContext(connection) as queries:
        get_data(public_client, operation("StatewideAdoption"))
    assert len(queries) > 0


def test_public_and_restricted_callers_never_share_an_answer(
    outcomes, public_client, restricted_user, host_client
):
    restricted = host_client("localhost")
    restricted.force_login(restricted_user)

    public_answer = get_data(public_client, operation("LearnerOutcomes"), OUTCOMES)
    restricted_answer = get_data(restricted, operation("LearnerOutcomes"), OUTCOMES)
    public_again = get_data(public_client, operation("LearnerOutcomes"), OUTCOMES)

    assert counts(public_answer) == [None, None, None, None]  # a cell under 10 hides its row
    assert counts(restricted_answer) == [4, 20, 30, 12]
    assert public_again == public_answer


def test_mutations_are_never_answered_from_the_cache(outcomes, staff_user, public_client):
    token = ApiToken.issue(grant(staff_user, "tenants.change_district"), "tests")[1]
    mutation = 'mutation { setDistrictAdoptionStage(slug: "alpha", stage: FINALIZED) { changed } }'

    answers = [
        get_data(public_client, mutation, HTTP_AUTHORIZATION=f"Bearer {token}") for _ in range(2)
    ]

    assert [answer["setDistrictAdoptionStage"]["changed"] for answer in answers] == [True, False]
