"""Batched loading during execution: one batch per loader per round, whatever the length of
the list; errors at the path of the field that waited; values kept per request only."""

from types import SimpleNamespace

import graphene
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.deferred import Future, gather
from api.execution import PortalExecutionContext
from api.loaders import Loader, get_loader, load_many, then


class Doubled(Loader):
    """Doubles each key in one SQL query, so query counts show the batches."""

    def batch(self, keys):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT k * 2 FROM unnest(%s::int[]) WITH ORDINALITY AS t(k, n) ORDER BY n", [keys]
            )
            return [row[0] for row in cursor.fetchall()]


class Recorded(Loader):
    """Labels each key, failing key 3 alone; records every batch it is asked for."""

    def batch(self, keys):
        self.context.batches.append((type(self).__name__, list(keys)))
        return [ValueError(f"no label for {k}") if k == 3 else f"label {k}" for k in keys]


class Shouted(Recorded):
    """A value needing another loader's value: the shouted form of a Recorded label."""

    def batch(self, keys):
        self.context.batches.append((type(self).__name__, list(keys)))
        return [get_loader(self.context, Recorded).load(k).then(str.upper) for k in keys]


class Broken(Loader):
    def batch(self, keys):
        raise RuntimeError("the store is down")


class Item(graphene.ObjectType):
    number = graphene.Int(required=True)
    doubled = graphene.Int()
    label = graphene.String()
    shouted = graphene.String()
    required_label = graphene.String(required=True)
    neighbours = graphene.List(graphene.String)
    broken = graphene.String()

    @staticmethod
    def resolve_doubled(number, info):
        return get_loader(info, Doubled).load(number)

    @staticmethod
    def resolve_label(number, info):
        return get_loader(info, Recorded).load(number)

    @staticmethod
    def resolve_shouted(number, info):
        return get_loader(info, Shouted).load(number)

    @staticmethod
    def resolve_required_label(number, info):
        return get_loader(info, Recorded).load(number)

    @staticmethod
    def resolve_neighbours(number, info):
        return load_many(get_loader(info, Recorded), [number - 1, number + 1])

    @staticmethod
    def resolve_broken(number, info):
        return get_loader(info, Broken).load(number)

    @staticmethod
    def resolve_number(number, info):
        return number


class Query(graphene.ObjectType):
    items = graphene.List(Item, count=graphene.Int(required=True))
    labels = graphene.List(graphene.NonNull(graphene.String), count=graphene.Int(required=True))
    maybe_labels = graphene.List(graphene.String, count=graphene.Int(required=True))
    item = graphene.Field(Item, number=graphene.Int(required=True))

    @staticmethod
    def resolve_items(root, info, count):
        return list(range(1, count + 1))

    @staticmethod
    def resolve_item(root, info, number):
        return number

    @staticmethod
    def resolve_labels(root, info, count):
        return [get_loader(info, Recorded).load(n) for n in range(1, count + 1)]

    resolve_maybe_labels = resolve_labels


schema = graphene.Schema(query=Query)


def execute(query, context=None, **variables):
    context = context or SimpleNamespace(batches=[])
    result = schema.execute(
        query,
        variable_values=variables,
        context_value=context,
        execution_context_class=PortalExecutionContext,
    )
    errors = [(error.message, error.path) for error in result.errors or []]
    return result.data, errors, context


@pytest.mark.django_db
def test_a_list_of_any_length_costs_one_query_per_loader():
    query = "query($count: Int!) { items(count: $count) { number doubled } }"
    queries = {}
    for count in (1, 25):
        # given a list of `count` items, each reading its value through the loader
        # when
        with CaptureQueriesContext(connection) as captured:
            data, errors, _ = execute(query, count=count)
        # then
        assert errors == []
        assert data["items"] == [{"number": n, "doubled": 2 * n} for n in range(1, count + 1)]
        # django-tenants sets the search path on a connection's first query only
        queries[count] = [q["sql"] for q in captured if "search_path" not in q["sql"]]
    assert len(queries[1]) == len(queries[25]) == 1


@pytest.mark.parametrize("fields", ["shouted", "shouted label"])
def test_a_loader_value_needing_another_loader_costs_one_batch_of_each(fields):
    data, errors, context = execute(f"{{ items(count: 4) {{ number {fields} }} }}")

    assert errors[0][1] == ["items", 2, "shouted"]  # key 3 has no label
    assert data["items"][1]["shouted"] == "LABEL 2"
    assert context.batches == [
        ("Shouted", [1, 2, 3, 4]),
        ("Recorded", [1, 2, 3, 4]),  # what Shouted asked for, with the labels if any
    ]


def test_a_key_failing_reports_an_error_at_its_field_and_answers_the_others():
    data, errors, _ = execute("{ items(count: 4) { number label shouted } }")

    assert [item["label"] for item in data["items"]] == ["label 1", "label 2", None, "label 4"]
    assert data["items"][2] == {"number": 3, "label": None, "shouted": None}
    # The portal reports a failure it did not raise on purpose in general terms.
    assert [path for _, path in errors] == [["items", 2, "label"], ["items", 2, "shouted"]]


def test_a_failing_batch_reports_every_field_that_waited_on_it():
    data, errors, _ = execute("{ items(count: 2) { number broken } }")

    assert data["items"] == [{"number": 1, "broken": None}, {"number": 2, "broken": None}]
    assert [path for _, path in errors] == [["items", 0, "broken"], ["items", 1, "broken"]]


def test_a_non_null_field_whose_future_fails_nulls_its_parent():
    data, errors, _ = execute("{ items(count: 4) { number requiredLabel } }")

    assert data["items"] == [
        {"number": 1, "requiredLabel": "label 1"},
        {"number": 2, "requiredLabel": "label 2"},
        None,
        {"number": 4, "requiredLabel": "label 4"},
    ]
    assert [path for _, path in errors] == [["items", 2, "requiredLabel"]]


def test_list_items_may_be_futures_and_fail_one_by_one_or_the_list_when_non_null():
    data, errors, context = execute("{ labels(count: 4) maybeLabels(count: 4) }")

    assert data == {"labels": None, "maybeLabels": ["label 1", "label 2", None, "label 4"]}
    assert [path for _, path in errors] == [["labels", 2], ["maybeLabels", 2]]
    assert context.batches == [("Recorded", [1, 2, 3, 4])]


def test_load_many_answers_in_key_order_and_fails_as_a_whole():
    data, errors, context = execute("{ items(count: 4) { number neighbours } }")

    assert data["items"][0]["neighbours"] == ["label 0", "label 2"]
    assert data["items"][1]["neighbours"] is None  # its neighbour 3 has no label
    assert [path for _, path in errors] == [["items", 1, "neighbours"], ["items", 3, "neighbours"]]
    assert context.batches == [("Recorded", [0, 2, 1, 3, 4, 5])]


def test_values_are_kept_per_key_within_a_request_and_not_across_requests():
    query = (
        "{ a: item(number: 1) { label } b: item(number: 1) { label } items(count: 2) { label } }"
    )

    first, _, first_context = execute(query)
    second, _, second_context = execute(query)

    assert (
        first
        == second
        == {
            "a": {"label": "label 1"},
            "b": {"label": "label 1"},
            "items": [{"label": "label 1"}, {"label": "label 2"}],
        }
    )
    assert first_context.batches == second_context.batches == [("Recorded", [1, 2])]


def test_a_resolver_may_return_a_future_settled_before_it_is_waited_on():
    settled = Future()
    settled.set_result("ready")

    assert then(settled, str.upper) == "READY"
    assert then("plain", str.upper) == "PLAIN"


def test_gather_settles_in_order_and_with_the_first_failure():
    first, second = Future(), Future()
    gathered = gather([first, "plain", second])
    second.set_result(2)
    assert not gathered.done()
    first.set_result(1)
    assert gathered.result() == [1, "plain", 2]

    failing, pending = Future(), Future()
    failed = gather([pending, failing])
    failing.set_exception(ValueError("no"))
    pending.set_result("late")
    with pytest.raises(ValueError, match="no"):
        failed.result()
