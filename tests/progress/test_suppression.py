"""Suppression must leave no hidden cell recoverable, by subtraction or by knowing the rule."""

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from progress.suppression import suppress_groups, suppress_row, suppress_table

LEVELS = ("beginning", "approaching", "meeting", "exceeding")

rows = st.lists(st.integers(min_value=0, max_value=60), min_size=2, max_size=4).map(
    lambda counts: dict(zip(LEVELS, counts, strict=False))
)
minimums = st.integers(min_value=2, max_value=15)


def feasible_values(published, total: int, column) -> set[int]:
    """Every value the hidden `column` can take given the published row and its total,
    hidden cells being any whole numbers from 0 (what subtraction alone can tell)."""
    hidden = [c for c, count in published.items() if count is None]
    remainder = total - sum(count for count in published.values() if count is not None)
    return set(range(0, remainder + 1)) if len(hidden) > 1 else {remainder}


@given(rows, minimums)
def test_every_small_cell_is_hidden(counts, minimum):
    row = suppress_row(counts, minimum)
    for column, count in counts.items():
        if count < minimum:
            assert row.cells[column] is None
        elif row.cells[column] is not None:
            assert row.cells[column] == count


@given(rows, minimums)
def test_no_hidden_cell_follows_from_the_total(counts, minimum):
    row = suppress_row(counts, minimum)
    if row.total is None:
        assert all(count is None for count in row.cells.values())
        return
    hidden = row.hidden()
    for column in hidden:
        assert len(feasible_values(row.cells, row.total, column)) > 1
    # Nor can the hidden cells together be a small group, or one cell be left alone.
    if hidden:
        assert sum(counts[c] for c in hidden) >= minimum
        assert len(hidden) >= 2


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=14), min_size=4, max_size=4).map(
        lambda counts: dict(zip(LEVELS, counts, strict=True))
    ),
    st.integers(min_value=2, max_value=6),
)
def test_knowing_the_rule_does_not_give_a_hidden_cell_away(counts, minimum):
    """The strongest attacker: tries every assignment of the hidden cells that adds up to
    the published total and that the rule would have published exactly so."""
    published = suppress_row(counts, minimum)
    if published.total is None:
        return
    hidden = sorted(published.hidden())
    if not hidden:
        return
    remainder = published.total - sum(v for v in published.cells.values() if v is not None)
    consistent = []
    for values in product(range(remainder + 1), repeat=len(hidden)):
        if sum(values) != remainder:
            continue
        candidate = {**counts, **dict(zip(hidden, values, strict=True))}
        if suppress_row(candidate, minimum) == published:
            consistent.append(values)
    for index, column in enumerate(hidden):
        assert len({values[index] for values in consistent}) > 1, (counts, column, consistent)


def test_one_small_cell_hides_its_row_but_not_the_total():
    row = suppress_row({"a": 3, "b": 40, "c": 12, "d": 25}, 10)
    assert row.cells == {"a": None, "b": None, "c": None, "d": None}
    assert row.total == 80


def test_a_small_total_is_hidden_with_its_cells():
    row = suppress_row({"a": 2, "b": 3, "c": 0, "d": 1}, 10)
    assert row.total is None and row.hidden() == {"a", "b", "c", "d"}


def test_nothing_is_hidden_in_a_row_of_large_counts():
    row = suppress_row({"a": 10, "b": 11}, 10)
    assert row.hidden() == set() and row.total == 21


def test_rows_of_a_table_are_suppressed_independently():
    table = suppress_table({"x": {"a": 1, "b": 50, "c": 60}, "y": {"a": 20, "b": 30}}, 10)
    assert table["x"].hidden() == {"a", "b", "c"}
    assert table["y"].hidden() == set()


def test_groups_too_small_are_hidden_with_the_next_smallest():
    groups = {"North": {"a": 1, "b": 1}, "South": {"a": 3, "b": 2}, "East": {"a": 9, "b": 9}}
    decision = suppress_groups(groups, 3)
    assert decision.hidden == {"North", "South"} and not decision.total_hidden


def test_plain_counts_per_group_are_held_to_the_minimum_size_alone():
    decision = suppress_groups({"North": {"n": 12}, "South": {"n": 2}, "East": {"n": 40}}, 10)
    assert decision.hidden == {"North", "South"} and not decision.total_hidden


def test_one_group_all_in_one_category_hides_every_group_but_not_the_total():
    decision = suppress_groups({"North": {"a": 5, "b": 0}, "South": {"a": 3, "b": 4}}, 3)
    assert decision.hidden == {"North", "South"} and not decision.total_hidden


def test_a_total_all_in_one_category_is_hidden():
    decision = suppress_groups({"North": {"a": 5, "b": 0}, "South": {"a": 4, "b": 0}}, 3)
    assert decision.hidden == {"North", "South"} and decision.total_hidden


def test_hiding_every_group_hides_the_total_where_only_one_group_could_share_a_category():
    # Only South can be all at one stage with this total: hiding every group would name it.
    groups = {"North": {"a": 1, "b": 1, "c": 1}, "South": {"d": 2}}
    decision = suppress_groups(groups, 2)
    assert decision.hidden == {"North", "South"} and decision.total_hidden
    # Only North, this time; South's three districts are spread over three stages.
    groups = {"North": {"a": 2}, "South": {"b": 1, "c": 1, "d": 1}}
    assert suppress_groups(groups, 2).total_hidden


def test_hiding_every_group_keeps_the_total_where_either_group_could_share_a_category():
    groups = {"North": {"a": 3}, "South": {"a": 1, "b": 1, "c": 1}}
    decision = suppress_groups(groups, 3)
    assert decision.hidden == {"North", "South"} and not decision.total_hidden


def test_hiding_every_group_for_a_zero_in_the_hidden_sum_keeps_the_total_where_it_can():
    # North and South are hidden together and have no "d", which East's two then give away.
    groups = {
        "North": {"a": 1},
        "South": {"a": 1, "b": 1, "c": 1},
        "East": {"a": 1, "b": 1, "c": 1, "d": 2},
    }
    decision = suppress_groups(groups, 3)
    assert decision.hidden == {"North", "South", "East"} and not decision.total_hidden
