"""Lists completed by the compiled path answer exactly as graphql-core's general path does:
same data, same errors at the same paths, and the general path wherever a field is not plain."""

import enum

import graphene
import pytest

from api.deferred import DeferredExecutionContext, Future
from api.execution import PortalExecutionContext


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Owner(graphene.ObjectType):
    slug = graphene.String(required=True)
    label = graphene.String()


class Item(graphene.ObjectType):
    name = graphene.String(required=True)
    size = graphene.Int()
    ok = graphene.Boolean(required=True)
    colour = graphene.Field(graphene.Enum.from_enum(Colour))
    owner = graphene.Field(Owner, required=True)
    shouted = graphene.String()

    @staticmethod
    def resolve_shouted(item, info):
        return item["name"].upper() if isinstance(item, dict) else item.name.upper()


class Plain:
    def __init__(self, **fields):
        self.__dict__.update(fields)


def item(n, **overrides):
    fields = {
        "name": f"item {n}",
        "size": n * 10,
        "ok": n % 2 == 0,
        "colour": "red" if n % 2 else Colour.BLUE,
        "owner": Plain(slug=f"owner-{n}"),  # no label attribute: read as null
    }
    fields.update(overrides)
    return fields if n % 3 == 0 else Plain(**fields)


ROWS: dict[str, list] = {}


class Query(graphene.ObjectType):
    items = graphene.List(graphene.NonNull(Item), required=True, case=graphene.String())
    maybe_items = graphene.List(Item, case=graphene.String())

    @staticmethod
    def resolve_items(root, info, case="plain"):
        return ROWS[case]

    @staticmethod
    def resolve_maybe_items(root, info, case="plain"):
        return ROWS[case]


schema = graphene.Schema(query=Query)


class GeneralExecutionContext(PortalExecutionContext):
    complete_list_value = DeferredExecutionContext.complete_list_value


class CountingExecutionContext(PortalExecutionContext):
    fields_executed = 0

    def execute_field(self, *args):
        type(self).fields_executed += 1
        return super().execute_field(*args)


def run(query: str, context_class, **variables):
    result = schema.execute(query, variable_values=variables, execution_context_class=context_class)
    errors = [(error.message, error.path) for error in result.errors or []]
    return result.data, errors


def same_answer(query: str, **variables):
    compiled = run(query, PortalExecutionContext, **variables)
    assert compiled == run(query, GeneralExecutionContext, **variables)
    return compiled


SELECTION = """
  __typename name size ok colour first: name
  owner { slug label __typename }
  ... on Item { owner { slug } }
  hidden: size @skip(if: $skip)
"""


@pytest.fixture(autouse=True)
def rows():
    ROWS.clear()
    ROWS["plain"] = [item(n) for n in range(7)]
    ROWS["null name"] = [item(1), item(2, name=None), item(3)]
    ROWS["null owner"] = [item(1), item(2, owner=None)]
    ROWS["bad int"] = [item(1), item(2, size=2**40)]
    ROWS["bad enum"] = [item(1), item(2, colour="green")]
    ROWS["future"] = [item(1, owner=_done(Plain(slug="later")))]
    ROWS["exception"] = [item(1, size=ValueError("no size"))]
    ROWS["null item"] = [item(1), None]


def _done(value):
    future = Future()
    future.set_result(value)
    return future


@pytest.mark.parametrize("skip", [True, False])
def test_plain_list_is_compiled_and_answers_as_the_general_path(skip):
    query = f"query($skip: Boolean!) {{ items {{ {SELECTION} }} }}"
    data, errors = same_answer(query, skip=skip)
    assert errors == []
    assert data["items"][0] == {
        "__typename": "Item",
        "name": "item 0",
        "size": 0,
        "ok": True,
        "colour": "BLUE",
        "first": "item 0",
        "owner": {"slug": "owner-0", "label": None, "__typename": "Owner"},
        **({} if skip else {"hidden": 0}),
    }
    assert data["items"][1]["colour"] == "RED"

    CountingExecutionContext.fields_executed = 0
    run(query, CountingExecutionContext, skip=skip)
    assert CountingExecutionContext.fields_executed == 1  # the list field only


@pytest.mark.parametrize(
    "case", ["null name", "null owner", "bad int", "bad enum", "future", "exception", "null item"]
)
@pytest.mark.parametrize("field", ["items", "maybeItems"])
def test_anything_unusual_is_reported_as_the_general_path_reports_it(case, field):
    query = f'{{ {field}(case: "{case}") {{ name size colour owner {{ slug }} }} }}'
    data, errors = same_answer(query)
    if case not in ("future", "null item"):
        assert errors
    if case == "future":
        assert data[field][0]["owner"] == {"slug": "later"}


def test_a_field_with_its_own_resolver_takes_the_general_path():
    query = "{ items { name shouted } }"
    data, errors = same_answer(query)
    assert data["items"][1] == {"name": "item 1", "shouted": "ITEM 1"}

    CountingExecutionContext.fields_executed = 0
    run(query, CountingExecutionContext)
    assert CountingExecutionContext.fields_executed == 1 + 2 * len(ROWS["plain"])
