"""Small-cell suppression for learner counts, applied before anything shows a figure.

The published table is (district, grade band) rows by performance-level columns. Each row's
total (how many learners the district reported in that grade band) is treated as public,
because it is close to enrolment figures anyone may know. Column totals across districts are
never published: statewide sums add up visible cells only, so rows are independent.

The rule, for each row:
- a count below the minimum cell size (zero included) is a primary cell;
- if a row has any primary cell, every cell of the row is hidden (complementary suppression
  of the whole row), and only its total is shown;
- a total below the minimum is hidden too (then every cell is below it as well).

Hiding only the smallest other cell as the complement is the textbook scheme, but it gives the
complement away to anyone who knows the rule: it must lie between the minimum and the smallest
cell left visible, and when those meet its value is exact. With the whole row hidden, every
hidden cell can still be 0 or 1 (another cell taking the rest), so none can be recovered from
the total, the other cells, or the rule. tests/progress/test_suppression.py tries exactly that.

Counts of districts (how many districts stand at each stage) follow the same idea with
groups as rows: see `suppress_groups`.

The module is pure: no database, no Django.
"""

from collections import Counter
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SuppressedRow:
    cells: dict[Hashable, int | None]  # None where hidden
    total: int | None  # None where hidden

    def hidden(self) -> set[Hashable]:
        return {column for column, count in self.cells.items() if count is None}


def suppress_row(counts: Mapping[Hashable, int], minimum: int) -> SuppressedRow:
    """Hide what must be hidden in one row of counts (column → count)."""
    if minimum < 2:
        raise ValueError("the minimum cell size must be at least 2")
    values = counts.values()
    # One pass for the smallest count: the statewide table runs this for every row.
    smallest = min(values, default=0)
    if smallest < 0:
        raise ValueError("counts cannot be negative")
    total = sum(values)
    return SuppressedRow(
        cells=dict.fromkeys(counts) if smallest < minimum else dict(counts),
        total=total if total >= minimum else None,
    )


def suppress_table(
    rows: Mapping[Hashable, Mapping[Hashable, int]], minimum: int
) -> dict[Hashable, SuppressedRow]:
    """Suppress every row of a table (row key → column → count)."""
    return {key: suppress_row(counts, minimum) for key, counts in rows.items()}


@dataclass(frozen=True)
class GroupSuppression:
    hidden: frozenset  # the groups whose counts are not shown
    total_hidden: bool  # whether the total over every group is hidden too


def suppress_groups(
    groups: Mapping[Hashable, Mapping[Hashable, int]],
    minimum: int,
    *,
    unpublished: Collection[Hashable] = (),
) -> GroupSuppression:
    """Which groups of a table (group → category → count of members) to hide, when every
    group's counts and their total over all groups are published.

    Each member falls in exactly one category. A group with fewer than `minimum` members is
    hidden, as are the `unpublished` groups (those no reader can ask for), and then the next
    smallest groups until the hidden ones number at least two and `minimum` members together
    (the total minus the shown groups gives their sum). That choice follows from group sizes
    alone, so it tells nothing more. Where a shown group has every member in one category, it
    would tell each member's category; where the hidden groups' sum has none in a category
    the total has, it would tell that none of the hidden groups has any there. Then every
    group is hidden, and the total too if all its members share one category.

    Hiding every group is itself a clue: a reader who knows the rule learns that a shown group
    was all in one category (or the hidden sum lacked one). So the total stays shown only
    where, among the tables with that total and these sizes that would hide every group, none
    binds a group to be all in one given category (`_hiding_every_group_leaves_doubt`): then
    each member of every group could stand in two categories. Otherwise the total is hidden
    too, which tells nothing, since a total all in any one category is hidden the same way.

    A table of one category (plain counts per group) is held to the minimum size alone.
    """
    if minimum < 2:
        raise ValueError("the minimum group size must be at least 2")
    groups = {key: Counter(counts) for key, counts in groups.items()}
    if any(count < 0 for counts in groups.values() for count in counts.values()):
        raise ValueError("counts cannot be negative")
    several_categories = len({c for counts in groups.values() for c in counts}) > 1

    def one_category(counts: Counter) -> bool:
        return several_categories and sum(1 for n in counts.values() if n) == 1

    sizes = {key: counts.total() for key, counts in groups.items()}
    filled = sorted((key for key, size in sizes.items() if size), key=lambda k: (sizes[k], str(k)))
    total = sum(groups.values(), Counter())
    if total.total() < minimum or one_category(total):  # then so is every group
        return GroupSuppression(frozenset(filled), True)
    hidden = [key for key in filled if sizes[key] < minimum or key in unpublished]
    while hidden and (len(hidden) < 2 or sum(sizes[k] for k in hidden) < minimum):
        complements = [key for key in filled if key not in hidden]  # smallest first
        if not complements:
            break  # every group hidden: their sum is the total, which may be shown
        hidden.append(complements[0])
    shown = [key for key in filled if key not in hidden]
    hidden_sum = sum((groups[key] for key in hidden), Counter())
    hidden_sum_gives_a_zero = hidden and any(not hidden_sum[c] for c in total)
    if any(one_category(groups[key]) for key in shown) or hidden_sum_gives_a_zero:
        doubt = _hiding_every_group_leaves_doubt(sizes, total, shown, hidden)
        return GroupSuppression(frozenset(filled), not doubt)
    return GroupSuppression(frozenset(hidden), False)


def _hiding_every_group_leaves_doubt(
    sizes: Mapping[Hashable, int], total: Counter, shown: list, hidden: list
) -> bool:
    """Whether, among the tables with this total and these group sizes that would hide every
    group (a group of `shown` all in one category, or the `hidden` groups' sum with none in a
    category the total has), no group's members must all share one given category. Only
    sizes and the total decide it, so the answer tells nothing more.

    Each way to hide every group that the total allows is a family of tables; group r is free
    of category c where one family holds a table in which r has a member outside c.
    """
    everyone = total.total()
    hidden_size = sum(sizes[key] for key in hidden)

    def all_in(group, its_category):  # `group` has every member in `its_category`
        def frees(r, c) -> bool:
            if r == group:
                return its_category != c
            rest_in_c = total[c] - (sizes[group] if its_category == c else 0)
            return everyone - sizes[group] - rest_in_c > 0  # r takes one of the rest outside c

        return frees

    def hidden_lack(missing):  # the hidden groups have no member in `missing`
        def frees(r, c) -> bool:
            if r in hidden:
                return c == missing or everyone - total[missing] - total[c] > 0
            # A shown group takes one `missing` member, or one of the rest the hidden leave.
            return c != missing or everyone - total[missing] - hidden_size > 0

        return frees

    ways = [
        all_in(group, category)
        for group in shown
        for category, count in total.items()
        if count >= sizes[group]
    ]
    if hidden:
        ways += [
            hidden_lack(category)
            for category, count in total.items()
            if count <= everyone - hidden_size and everyone - count >= hidden_size
        ]
    return all(
        any(frees(group, category) for frees in ways)
        for group, size in sizes.items()
        if size
        for category, count in total.items()
        if count >= size  # otherwise the group cannot be all in that category
    )
