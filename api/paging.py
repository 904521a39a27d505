"""Paging arguments for lists that grow with the state: `first` (at most the largest page,
which is also the default, so a request without paging gets the whole list as before) and
`offset`. The query cost counts the page asked for (api.cost_map)."""

import graphene
from graphql import GraphQLError


def page_arguments(largest: int) -> dict:
    return {
        "first": graphene.Int(
            default_value=largest, description=f"How many items to return, at most {largest:,}."
        ),
        "offset": graphene.Int(default_value=0, description="How many items to skip first."),
    }


def page(items, *, first: int, offset: int, largest: int):
    """The requested slice of `items` (a list or a queryset, sliced in SQL)."""
    check_page(first=first, offset=offset, largest=largest)
    return items[offset : offset + first]


def check_page(*, first: int, offset: int, largest: int) -> None:
    if not 0 <= first <= largest:
        raise GraphQLError(
            f"first must be between 0 and {largest:,}; ask for the rest with offset.",
            extensions={"code": "BAD_USER_INPUT", "argument": "first", "largest": largest},
        )
    if offset < 0:
        raise GraphQLError(
            "offset cannot be negative.",
            extensions={"code": "BAD_USER_INPUT", "argument": "offset"},
        )
