"""Learner-outcome figures as anyone outside a district may see them.

Every reader of published counts (GraphQL, the dashboard, exports) goes through
`outcome_table`, which applies the state's minimum cell size before returning a figure.
"""

from collections import defaultdict
from itertools import groupby
from typing import NamedTuple

from django.db import connection

from progress.models.outcomes import GradeBand, PerformanceLevel
from progress.suppression import suppress_row, suppress_table
from state.models import StateSettings
from state.progress.models import PublishedOutcomeCount
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


# Every (district, grade band) row with a published count, as `outcome_table` orders its cells:
# district names by code point (Python's order), each row padded to every performance level.
# The rows of a page are chosen first, walking the index of active districts by name, so a
# page reads its own rows and the ones it skips, never the whole state.
_COUNTS = PublishedOutcomeCount._meta.db_table
_PAGE_SQL = f"""
    SELECT r.id, r.grade_band, l.level, coalesce(c.count, 0)
      FROM (
            SELECT d.id, d.name, b.grade_band, b.position
              FROM {District._meta.db_table} d
             CROSS JOIN LATERAL (
                    SELECT grade_band,
                           coalesce(array_position(%(bands)s::text[], grade_band::text), 99)
                               AS position
                      FROM {_COUNTS}
                     WHERE district_id = d.id AND competency_slug = %(competency)s
                       AND school_year = %(year)s
                     GROUP BY grade_band
                   ) b
             WHERE d.is_active
             ORDER BY d.name COLLATE "C", d.id, b.position, b.grade_band COLLATE "C"
            OFFSET %(offset)s LIMIT %(limit)s
           ) r
     CROSS JOIN unnest(%(levels)s::text[]) WITH ORDINALITY AS l(level, position)
      LEFT JOIN {_COUNTS} c
             ON c.district_id = r.id AND c.competency_slug = %(competency)s
            AND c.school_year = %(year)s AND c.grade_band = r.grade_band AND c.level = l.level
     ORDER BY r.name COLLATE "C", r.id, r.position, r.grade_band COLLATE "C", l.position
"""


def outcome_page(
    competency_slug: str, school_year: str, *, first: int, offset: int, unsuppressed: bool = False
) -> list[OutcomeCell]:
    """`outcome_table(...)[offset:offset + first]`, reading only the rows the page touches:
    suppression works row by row, and every row has one cell per performance level."""
    if first <= 0:
        return []
    width = len(PerformanceLevel.values)
    first_row, end_row = offset // width, -(-(offset + first) // width)
    with connection.cursor() as cursor:
        cursor.execute(
            _PAGE_SQL,
            {
                "competency": competency_slug,
                "year": school_year,
                "levels": PerformanceLevel.values,
                "bands": GradeBand.values,
                "offset": first_row,
                "limit": end_row - first_row,
            },
        )
        fetched = cursor.fetchall()
    districts = District.objects.in_bulk({district_id for district_id, *_ in fetched})
    minimum = None if unsuppressed else StateSettings.load().minimum_cell_size
    cells = []
    for (district_id, band), row in groupby(fetched, key=lambda cell: cell[:2]):
        counts = {level: count for _, _, level, count in row}
        shown = counts if minimum is None else suppress_row(counts, minimum).cells
        for level, count in shown.items():
            cells.append(OutcomeCell(districts[district_id], band, level, count, count is None))
    skipped = offset - first_row * width
    return cells[skipped : skipped + first]
