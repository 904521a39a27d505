"""Long lists of plain objects, completed without graphql-core's per-field machinery.

graphql-core completes every field of every list item by itself: a resolve info, a path, a
resolver call, argument values, nullability and type checks. For a statewide list of tens of
thousands of rows that is most of the request. When a selection only reads what graphene's
default resolver would read (an attribute or dict key, no arguments, no resolver of its own,
so no permission check or loader) and its fields are scalars, enums or such objects again,
`compile_item` turns it once into one function that makes the same reads and the same
`serialize` calls for each item.

Anything unusual (a null where the schema forbids one, a value a scalar refuses, a future, an
exception returned as a value) raises, and the caller then completes the whole list the
general way, which reports it exactly as before. The results are the same either way;
tests/api/test_plain_lists.py compares the two.
"""

from collections.abc import Callable
from functools import partial
from operator import attrgetter, call
from typing import Any

from graphene.types.resolver import dict_or_attr_resolver
from graphql import (
    GraphQLBoolean,
    GraphQLID,
    GraphQLObjectType,
    GraphQLString,
    TypeNameMetaFieldDef,
    Undefined,
    is_leaf_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.execute import get_field_def

from api.deferred import Future

Complete = Callable[[Any], Any]
# Values the general path treats specially: it raises an exception, and waits on a future.
_NOT_PLAIN = (Exception, Future)
# Int is left out: its serialize also checks the 32-bit range.
_SERIALIZED_UNCHANGED = {GraphQLString: str, GraphQLBoolean: bool, GraphQLID: str}


class NotPlain(Exception):
    """This value needs the general completion, which reports what is wrong with it."""


def compile_item(context, item_type, field_nodes) -> Complete | None:
    """A function completing one item of a list of `item_type` selected by `field_nodes`, or
    None when the selection is not plain. `context` is the running ExecutionContext."""
    return _compile(context, item_type, field_nodes)


def _compile(context, return_type, field_nodes) -> Complete | None:
    non_null = is_non_null_type(return_type)
    named = return_type.of_type if non_null else return_type
    if is_leaf_type(named):
        return _leaf(named, non_null)
    if is_object_type(named) and named.is_type_of is None:
        readers = _readers(context, named, field_nodes)
        return None if readers is None else _object(readers, non_null)
    return None  # lists, interfaces and unions take the general path


def _readers(context, object_type: GraphQLObjectType, field_nodes):
    """(response name, attribute, default, complete) per selected field, or None."""
    readers = []
    for response_name, nodes in context.collect_subfields(object_type, field_nodes).items():
        field = get_field_def(context.schema, object_type, nodes[0])
        if field is TypeNameMetaFieldDef:
            # Every object has a __class__ (a dict reads it as None): the value is ignored.
            readers.append((response_name, "__class__", None, _constant(object_type.name)))
            continue
        attribute = _default_attribute(field)
        if attribute is None:
            return None
        complete = _compile(context, field.type, nodes)
        if complete is None:
            return None
        readers.append((response_name, *attribute, complete))
    return readers


def _default_attribute(field) -> tuple[str, Any] | None:
    """(attribute name, default) if graphene's default resolver reads this field."""
    resolve = getattr(field, "resolve", None)
    if (
        field is None
        or field.args
        or not isinstance(resolve, partial)
        or resolve.func is not dict_or_attr_resolver
        or resolve.keywords
        or len(resolve.args) != 2
    ):
        return None
    return resolve.args


def _leaf(leaf_type, non_null: bool) -> Complete:
    serialize = leaf_type.serialize
    # graphql-core's own scalars return a value of exactly their output type unchanged.
    unchanged = _SERIALIZED_UNCHANGED.get(leaf_type)

    def complete(value):
        if type(value) is unchanged:
            return value
        if value is None or value is Undefined:
            if non_null:
                raise NotPlain
            return None
        if isinstance(value, _NOT_PLAIN):
            raise NotPlain
        serialized = serialize(value)
        if serialized is Undefined or (serialized is None and non_null):
            raise NotPlain
        return serialized

    return complete


def _object(readers, non_null: bool) -> Complete:
    names = tuple(name for name, *_ in readers)
    attributes = tuple(attribute for _, attribute, _, _ in readers)
    defaults = tuple(default for *_, default, _ in readers)
    completes = tuple(complete for *_, complete in readers)
    read_all = attrgetter(*attributes) if len(attributes) > 1 else _one_tuple(attributes[0])

    def complete(value):
        if value is None or value is Undefined:
            if non_null:
                raise NotPlain
            return None
        if isinstance(value, _NOT_PLAIN):
            raise NotPlain
        if isinstance(value, dict):
            values = map(value.get, attributes, defaults)
        else:
            try:
                values = read_all(value)
            except AttributeError:  # graphene reads a missing attribute as the default
                values = [getattr(value, a, d) for a, d in zip(attributes, defaults, strict=True)]
        return dict(zip(names, map(call, completes, values), strict=True))

    return complete


def _one_tuple(attribute: str):
    read = attrgetter(attribute)
    return lambda value: (read(value),)


def _constant(constant):
    return lambda _value: constant
