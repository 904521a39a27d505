from collections.abc import Hashable, Iterable

from tenants.state import on_state_schema


class StatePageMixin:
    """Page types that only make sense on the state site."""

    @classmethod
    def can_create_at(cls, parent):
        return on_state_schema() and super().can_create_at(parent)


class DistrictPageMixin:
    """Page types that only make sense on a district's site."""

    @classmethod
    def can_create_at(cls, parent):
        return not on_state_schema() and super().can_create_at(parent)


def duplicate_values(values: Iterable[Hashable]) -> set[Hashable]:
    seen: set[Hashable] = set()
    duplicates: set[Hashable] = set()
    for value in values:
        (duplicates if value in seen else seen).add(value)
    return duplicates
