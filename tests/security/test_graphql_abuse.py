"""Abusive requests to /graphql/ are answered quickly, as a GraphQL error or a 4xx, never a
500 and never with a traceback in the log (bench/graphql_abuse.py times each one)."""

import json
import logging
import time

import pytest

from tests.api_client import post

# Far above what any of these takes now, far below what they took before each field's
# fragments were analysed once (the fan-out below took 22.7 s).
QUICK_SECONDS = 5


def fragment_fan_out(levels: int) -> str:
    """Each fragment spreads the next twice: 2**levels spreads if expanded naively."""
    fragments = [f"fragment F{n} on Query {{ ...F{n + 1} ...F{n + 1} }}" for n in range(levels)]
    fragments.append(f'fragment F{levels} on Query {{ district(slug: "alpha") {{ name }} }}')
    return "query FanOut { ...F0 }\n" + "\n".join(fragments)


@pytest.fixture
def quiet_log(caplog):
    """Fails the test if anything at ERROR or above reached the log."""
    caplog.set_level(logging.WARNING)
    yield caplog
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def answer(client, query: str, variables=None, **headers):
    started = time.perf_counter()
    response = post(client, query, variables, **headers)
    elapsed = time.perf_counter() - started
    assert elapsed < QUICK_SECONDS, f"answered in {elapsed:.1f} s"
    assert response.status_code < 500
    return response


def messages(response) -> list[str]:
    return [error["message"] for error in response.json()["errors"]]


def test_fragment_fan_out_is_analysed_once_per_fragment(alpha, public_client, quiet_log):
    response = answer(public_client, fragment_fan_out(20))

    assert response.status_code == 200
    assert response.json() == {"data": {"district": {"name": "Alpha School District"}}}


def test_a_fragment_cycle_is_a_validation_error(public_client, quiet_log):
    response = answer(public_client, "fragment F on Query { ...F } { ...F }")

    assert response.status_code == 400
    assert messages(response) == ["Cannot spread fragment 'F' within itself."]


def test_an_undefined_fragment_is_a_validation_error(public_client, quiet_log):
    response = answer(public_client, "{ ...Nowhere }")

    assert response.status_code == 400
    assert messages(response) == ["Unknown fragment 'Nowhere'."]


def test_a_large_body_is_refused_before_it_is_read(public_client, quiet_log):
    body = json.dumps({"query": "{ " + "__typename " * 250_000 + "}"})  # 2.75 MB
    started = time.perf_counter()
    response = public_client.post("/graphql/", body, content_type="application/json")

    assert time.perf_counter() - started < QUICK_SECONDS
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


def test_a_query_of_too_many_tokens_stops_the_parser(public_client, quiet_log):
    response = answer(public_client, "{" + " a" * 1_100 + " }")

    assert response.status_code == 400
    assert messages(response) == [
        "Syntax Error: Document contains more than 1000 tokens. Parsing aborted."
    ]


def test_a_field_repeated_in_one_selection_is_refused_before_validation(public_client, quiet_log):
    response = answer(public_client, "{ __typename ... on Query { " + "__typename " * 10 + "} }")

    assert response.status_code == 400
    assert messages(response) == [
        "'__typename' is asked for more than 10 times in one selection; ask for each field once."
    ]
    assert post(public_client, "{ " + "__typename " * 10 + "}").status_code == 200


def test_a_long_query_stops_the_parser(public_client, quiet_log):
    response = answer(public_client, "{ __typename }" + " " * 12_000)

    assert response.status_code == 400
    assert messages(response) == [
        "Syntax Error: Source contains more than 10000 code points. Parsing aborted."
    ]


def test_deep_nesting_is_refused(public_client, quiet_log):
    response = answer(public_client, '{ district(slug: "a") ' + "{ portrait " * 400 + "}" * 401)

    assert response.status_code == 400


def test_deeply_nested_json_variables_are_a_bad_request(public_client, quiet_log):
    body = '{"query": "{ __typename }", "variables": {"v": ' + "[" * 5_000 + "]" * 5_000 + "}}"
    response = public_client.post("/graphql/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "The JSON body is nested too deeply."


@pytest.mark.parametrize(
    "body",
    [
        {"query": 5},
        {"query": ["{ __typename }"]},
        {"query": "{ __typename }", "variables": [1]},
        {"query": "{ __typename }", "operationName": {"a": 1}},
    ],
)
def test_parameters_of_the_wrong_kind_are_a_bad_request(public_client, quiet_log, body):
    response = public_client.post("/graphql/", json.dumps(body), content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_twenty_aliases_of_the_states_outcomes_are_refused_by_cost(public_client, quiet_log):
    fields = "district { slug } gradeBand level count suppressed"
    aliases = " ".join(
        f'o{n}: learnerOutcomes(competency: "c", schoolYear: "2024-25") {{ {fields} }}'
        for n in range(20)
    )
    response = answer(public_client, "query Everything { " + aliases + " }")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "COST_LIMIT"
    assert error["extensions"]["cost"] == 20 * (1 + 32_000 * 6)


def test_a_nul_byte_is_refused_in_the_portals_words(alpha, public_client, quiet_log):
    literal = answer(public_client, '{ district(slug: "al\\u0000pha") { name } }')
    variable = answer(
        public_client,
        "query D($slug: String!) { district(slug: $slug) { name } }",
        {"slug": "al\x00pha"},
    )

    for response, start in ((literal, "A text argument"), (variable, "The variable $slug")):
        assert response.status_code == 400
        [error] = response.json()["errors"]
        assert error["message"].startswith(start + " contains a NUL character")
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
