"""The GraphQL endpoint: who may do what, the limits, tokens and CSRF."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from api import validation
from state.progress.models import AdoptionStageChange, ApiToken
from tests.api_client import post
from tests.conftest import grant

INTROSPECTION = "{ __schema { queryType { name } } }"
SET_STAGE = """
mutation SetStage($slug: String!) {
  setDistrictAdoptionStage(slug: $slug, stage: FINALIZED, note: "Board vote") {
    changed
    district { adoptionStage }
  }
}
"""


def errors_of(response) -> list[str]:
    return [error["message"] for error in response.json()["errors"]]


def test_graphql_is_served_on_the_state_site_only(alpha, host_client):
    response = post(host_client("alpha.localhost"), "{ frameworks { slug } }")
    assert response.status_code == 404


def test_introspection_is_refused_to_the_public_and_open_to_staff(public_client, staff_client):
    refused = post(public_client, INTROSPECTION)
    assert refused.status_code == 400
    assert errors_of(refused)[0] == (
        "GraphQL introspection has been disabled, but the requested query contained the field "
        "'__schema'."
    )
    assert post(public_client, "{ frameworks { __typename } }").status_code == 200
    assert post(staff_client, INTROSPECTION).json()["data"]["__schema"]["queryType"] == {
        "name": "Query"
    }


def test_graphiql_is_shown_to_staff_only(public_client, staff_client):
    html = {"HTTP_ACCEPT": "text/html"}
    assert b"graphiql" in staff_client.get("/graphql/", **html).content.lower()
    public = public_client.get("/graphql/", **html)
    assert b"graphiql" not in public.content.lower()


def test_depth_limit(public_client, monkeypatch):
    # The schema has no cycles, so no valid query reaches the real limit of ten levels;
    # lower it to see the rule at work.
    monkeypatch.setattr(validation, "MAX_DEPTH", 3)
    deep = 'query Deep { district(slug: "a") { portrait { competencies { alignedTo { slug } } } } }'
    response = post(public_client, deep)
    assert response.status_code == 400
    assert errors_of(response) == ["'Deep' exceeds maximum operation depth of 3."]
    shallow = 'query Shallow { district(slug: "a") { portrait { competencies { name } } } }'
    assert post(public_client, shallow).status_code == 200


def test_alias_limit(public_client):
    aliases = " ".join(f"a{n}: statewideAdoption {{ districtCount }}" for n in range(21))
    response = post(public_client, "{ " + aliases + " }")
    assert response.status_code == 400
    assert errors_of(response) == [
        "The query uses more than 20 aliases; send fewer, or split it into several requests."
    ]


def test_cost_limit(public_client):
    outcomes = 'learnerOutcomes(competency: "c", schoolYear: "2024-25") { district { slug } }'
    costly = "query Costly { " + " ".join(f"o{n}: {outcomes}" for n in range(8)) + " }"
    response = post(public_client, costly)
    assert response.status_code == 400
    assert errors_of(response) == [
        "'Costly' is estimated to cost 512,008, over the limit of 500,000: ask for smaller "
        "pages (first) or fewer nested lists."
    ]


def test_a_bad_or_revoked_token_is_refused(public_client, staff_user):
    token, key = ApiToken.issue(staff_user, "script")
    ok = post(public_client, "{ frameworks { slug } }", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert ok.status_code == 200
    token.revoke()
    for header in (f"Bearer {key}", "Bearer nonsense", f"Token {key}"):
        response = post(public_client, "{ frameworks { slug } }", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_tokens_are_stored_as_digests(staff_user):
    token, key = ApiToken.issue(staff_user, "script")
    assert key not in {token.digest, token.hint} and key.startswith(token.hint)
    assert ApiToken.authenticate(key) == staff_user
    assert ApiToken.authenticate(key + "x") is None


@pytest.fixture
def stage_changer(alpha, staff_user):
    return grant(staff_user, "tenants.change_district")


def test_a_session_mutation_needs_the_csrf_token(stage_changer, host_client):
    client = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    client.force_login(stage_changer)
    refused = post(client, SET_STAGE, {"slug": "alpha"})
    assert refused.json()["errors"][0]["extensions"]["code"] == "CSRF_FAILED"
    assert not AdoptionStageChange.objects.exists()

    client.get("/graphql/", HTTP_ACCEPT="application/json")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = post(client, SET_STAGE, {"slug": "alpha"}, HTTP_X_CSRFTOKEN=token)
    assert accepted.json()["data"]["setDistrictAdoptionStage"] == {
        "changed": True,
        "district": {"adoptionStage": "FINALIZED"},
    }
    change = AdoptionStageChange.objects.get()
    assert (change.previous_stage, change.stage, change.source, change.note) == (
        "developing",
        "finalized",
        "state",
        "Board vote",
    )


def test_a_token_mutation_needs_no_csrf_token(stage_changer):
    client = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    key = ApiToken.issue(stage_changer, "script")[1]
    response = post(client, SET_STAGE, {"slug": "alpha"}, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.json()["data"]["setDistrictAdoptionStage"]["changed"] is True


def test_the_mutation_needs_the_change_permission(alpha, staff_client):
    response = post(staff_client, SET_STAGE, {"slug": "alpha"})
    assert response.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert not AdoptionStageChange.objects.exists()


def test_an_inactive_users_token_is_refused(public_client):
    user = get_user_model().objects.create_user("gone", is_active=False)
    key = ApiToken.issue(user, "old")[1]
    response = post(public_client, "{ frameworks { slug } }", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
