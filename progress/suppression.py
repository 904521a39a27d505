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

The module is pure: no database, no Django.
"""

from collections.abc import Hashable, Mapping
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
