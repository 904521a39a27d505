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
    where, among the tables with that total and these sizes in which a shown group is all in
    one category, none binds a group to be all in one given category
    (`_one_category_tables_leave_doubt`): then each member of every group could stand in two
    categories. Otherwise the total is hidden too, which tells nothing, since a total all in
    any one category is hidden the same way.

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
        doubt = _one_category_tables_leave_doubt(sizes, total, shown)
        return GroupSuppression(frozenset(filled), not doubt)
    return GroupSuppression(frozenset(hidden), False)


def _one_category_tables_leave_doubt(
    sizes: Mapping[Hashable, int], total: Counter, shown: Collection[Hashable]
) -> bool:
    """Whether, among the tables with this total and these group sizes in which some group of
    `shown` has every member in one category, no group's members must all share one given
    category. Only sizes and the total decide it, so the answer tells nothing more.

    Group g all in category c is possible where the total has at least `sizes[g]` in c. Such
    a table leaves group r's members free of category c when r is g with c' other than c, or
    when the rest of the total (after g's members) has a member outside c, which r can take.
    Tables where only the hidden groups' sum gives a zero are left out: counting them could
    only add doubt, so leaving them out errs on the side of hiding the total.
    """
    all_in_one = [
        (group, category)
        for group in shown
        for category, count in total.items()
        if sizes[group] and count >= sizes[group]
    ]
    everyone = total.total()

    def witness(group, category, group_all_in, its_category) -> bool:
        if group_all_in == group:
            return its_category != category
        rest_in_category = total[category] - (
            sizes[group_all_in] if its_category == category else 0
        )
        return everyone - sizes[group_all_in] - rest_in_category > 0

    return all(
        any(witness(group, category, g, c) for g, c in all_in_one)
        for group, size in sizes.items()
        if size
        for category, count in total.items()
        if count >= size
    )
