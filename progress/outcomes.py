"""Learner-outcome figures as anyone outside a district may see them.

Every reader of published counts (GraphQL, the dashboard, exports) goes through
`outcome_table`, which applies the state's minimum cell size before returning a figure.
"""

from collections import defaultdict
from typing import NamedTuple

from progress.models.outcomes import GradeBand, PerformanceLevel
from progress.statewide.models import PublishedOutcomeCount
from progress.suppression import suppress_table
from statewide.models import StateSettings
from tenants.models import District

BAND_ORDER = {band: index for index, band in enumerate(GradeBand.values)}
LEVEL_ORDER = {level: index for index, level in enumerate(PerformanceLevel.values)}


class OutcomeCell(NamedTuple):  # a tuple: a statewide table holds tens of thousands
    district: District
    grade_band: str
    level: str
    count: int | None
    suppressed: bool


def outcome_table(
    competency_slug: str, school_year: str, *, unsuppressed: bool = False
) -> list[OutcomeCell]:
    """Every active district's published counts for a competency and year, suppressed unless
    the caller holds the restricted-data permission (`unsuppressed`)."""
    rows: dict[tuple[int, str], dict[str, int]] = defaultdict(dict)
    cells = PublishedOutcomeCount.objects.filter(
        competency_slug=competency_slug, school_year=school_year, district__is_active=True
    ).values_list("district_id", "grade_band", "level", "count")
    for district_id, band, level, count in cells.order_by():
        rows[(district_id, band)][level] = count
    for row in rows.values():
        # A level the upload left out is a count of zero: absent, it would be published as
        # a silent zero beside "every learner at one level".
        for level in PerformanceLevel.values:
            row.setdefault(level, 0)
    # One query for every district named; each cell carries its district, so the API needs
    # no loader call per cell.
    districts = District.objects.in_bulk({district_id for district_id, _ in rows})
    ordered_rows = sorted(
        rows,
        key=lambda key: (districts[key[0]].name, key[0], BAND_ORDER.get(key[1], 99), key[1]),
    )
    if unsuppressed:
        shown = {key: rows[key] for key in ordered_rows}
    else:
        minimum = StateSettings.load().minimum_cell_size
        shown = {key: row.cells for key, row in suppress_table(rows, minimum).items()}
    cells = []
    for district_id, band in ordered_rows:
        district, row = districts[district_id], shown[(district_id, band)]
        for level in sorted(row, key=_level_position):
            count = row[level]
            cells.append(OutcomeCell(district, band, level, count, count is None))
    return cells


def _level_position(level: str) -> int:
    return LEVEL_ORDER.get(level, 99)
