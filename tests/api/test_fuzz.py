"""Queries and mutations generated from the committed schema (hypothesis-graphql), valid and
broken, never get a 500, and every answer with data matches the schema."""

from datetime import datetime
from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    build_schema,
    parse,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, queries

from tests.api_client import post
from tests.conftest import grant
from tests.progress.read_model import (
    days_ago,
    outcome_counts,
    portrait,
    published_round,
    state_competencies,
)

SCHEMA_TEXT = (Path(__file__).resolve().parents[2] / "graphql" / "schema.graphql").read_text()
SCHEMA = build_schema(SCHEMA_TEXT)
EXAMPLES = 30  # per strategy: enough to reach every root field, few enough for a quick suite


def broken(text: str, data) -> str:
    """The text with a slice cut out or repeated, or a character put in."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 20)))
    how = data.draw(st.sampled_from(["cut", "repeat", "insert"]))
    if how == "cut":
        return text[:start] + text[end:]
    if how == "repeat":
        return text[:end] + text[start:end] * 3 + text[end:]
    return text[:start] + data.draw(st.sampled_from('{}()[]:$@!."\\\x00#,')) + text[start:]


@pytest.fixture
def fuzz_client(alpha, bravo, staff_user, host_client, settings):
    settings.GRAPHQL_RATE_LIMIT_PER_ADDRESS = None  # the fuzzer sends hundreds in a minute
    state_competencies()
    portrait(alpha, "Alpha's portrait", {"Thinker": ["critical-thinker"]})
    published_round(alpha, 1, {"equity-driven": "establishing"}, days_ago(3))
    outcome_counts(alpha, "critical-thinker", "2024-25", {"K-2": {"beginning": 12}})
    user = grant(
        staff_user, "tenants.change_district", "progress_statewide.view_unsuppressed_counts"
    )
    client = host_client("localhost")
    client.force_login(user)
    return client


def check_answer(client, text: str) -> None:
    response = post(client, text)
    assert response.status_code < 500, response.content
    body = response.json()
    assert set(body) <= {"data", "errors"} and body, body
    if body.get("data") is not None:
        document = parse(text)
        [operation] = [d for d in document.definitions if d.kind == "operation_definition"]
        root = SCHEMA.get_root_type(operation.operation)
        assert_matches(body["data"], root, operation.selection_set)


def assert_matches(value, type_, selection_set) -> None:
    """`value` is what `type_` selected by `selection_set` may be in an answer."""
    if isinstance(type_, GraphQLNonNull):
        assert value is not None
        return assert_matches(value, type_.of_type, selection_set)
    if value is None:
        return
    if isinstance(type_, GraphQLList):
        assert isinstance(value, list)
        for item in value:
            assert_matches(item, type_.of_type, selection_set)
    elif isinstance(type_, GraphQLObjectType):
        fields = {}
        for node in selection_set.selections:  # the generator writes plain fields only
            fields[(node.alias or node.name).value] = node
        assert isinstance(value, dict) and set(value) == set(fields), (value, list(fields))
        for key, node in fields.items():
            if node.name.value == "__typename":
                assert value[key] == type_.name
                continue
            field = type_.fields[node.name.value]
            assert_matches(value[key], field.type, node.selection_set)
    elif isinstance(type_, GraphQLEnumType):
        assert value in type_.values
    elif isinstance(type_, GraphQLScalarType):
        assert_scalar(value, type_.name)


def assert_scalar(value, name: str) -> None:
    if name == "Int":
        assert type(value) is int and -(2**31) <= value < 2**31
    elif name == "Float":
        assert type(value) in (int, float)
    elif name == "Boolean":
        assert type(value) is bool
    elif name == "DateTime":
        datetime.fromisoformat(value)
    else:
        assert isinstance(value, str)


OPERATIONS = st.one_of(
    queries(SCHEMA_TEXT, mode=Mode.POSITIVE),
    queries(SCHEMA_TEXT, mode=Mode.NEGATIVE),
    mutations(SCHEMA_TEXT, mode=Mode.POSITIVE),
    mutations(SCHEMA_TEXT, mode=Mode.NEGATIVE),
)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(query=queries(SCHEMA_TEXT))
def test_valid_queries_answer_as_the_schema_says(fuzz_client, query):
    check_answer(fuzz_client, query)


@FUZZ
@given(operation=OPERATIONS)
def test_generated_operations_never_fail_the_server(fuzz_client, operation):
    check_answer(fuzz_client, operation)


@FUZZ
@given(operation=OPERATIONS, data=st.data())
def test_broken_operations_are_refused_cleanly(fuzz_client, operation, data):
    check_answer(fuzz_client, broken(operation, data))
