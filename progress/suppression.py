"""Small-cell suppression for learner counts, applied before anything shows a figure.

The published table is (district, grade band) rows by performance-level columns. Each row's
total (how many learners the district reported in that grade band) is treated as public,
because it is near enough to enrolment figures that anyone may know it. Column totals across
districts are never published: statewide sums add up visible cells only.

For each row:
1. primary: every count below the minimum cell size is hidden (zero included);
2. complementary: while a row hides exactly one cell, or its hidden cells add up to less
   than the minimum, or they are all primary cells at the largest value a hidden primary can
   take (which would give each one away), the smallest visible cell is hidden as well;
3. a row total below the minimum is itself hidden (all its cells are, by rule 1).

The module is pure: no database, no Django. Rows are independent because the only published
sums are row totals.
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
    """Hide what must be hidden in one row of counts (column → count, in column order)."""
    if minimum < 1:
        raise ValueError("the minimum cell size must be at least 1")
    if any(count < 0 for count in counts.values()):
        raise ValueError("counts cannot be negative")
    total = sum(counts.values())
    hidden = {column for column, count in counts.items() if count < minimum}
    primary = set(hidden)
    while hidden and _recoverable(counts, hidden, primary, minimum):
        visible = [column for column in counts if column not in hidden]
        if not visible:
            break
        hidden.add(min(visible, key=lambda column: counts[column]))
    return SuppressedRow(
        cells={c: (None if c in hidden else count) for c, count in counts.items()},
        total=total if total >= minimum else None,
    )


def _recoverable(counts, hidden: set, primary: set, minimum: int) -> bool:
    hidden_sum = sum(counts[column] for column in hidden)
    if len(hidden) == 1 or hidden_sum < minimum:
        return True
    # Hidden primaries are each at most minimum - 1; at that ceiling the sum pins every one.
    return hidden <= primary and hidden_sum == len(hidden) * (minimum - 1)


def suppress_table(
    rows: Mapping[Hashable, Mapping[Hashable, int]], minimum: int
) -> dict[Hashable, SuppressedRow]:
    """Suppress every row of a table (row key → column → count)."""
    return {key: suppress_row(counts, minimum) for key, counts in rows.items()}
