"""Reading a district's learner-outcome CSV: counts only, every row checked before any is saved.

The template's columns are exactly TEMPLATE_COLUMNS. A file with any other column is refused
whole, so that a spreadsheet carrying student ids, names or birth dates never gets in.
"""

import csv
import io
import re
from dataclasses import dataclass

from progress.models.outcomes import GradeBand, PerformanceLevel
from spreadsheets import writing as spreadsheets

TEMPLATE_COLUMNS = ("school_year", "competency", "grade_band", "level", "count")
MAX_ROWS = 20_000
MAX_COUNT = 1_000_000
MAX_VALUE_LENGTH = 200  # far beyond any slug, year or count; keeps messages short
SCHOOL_YEAR_RE = re.compile(r"^([0-9]{4})-([0-9]{2})$")
COUNT_RE = re.compile(r"[0-9]+")  # ASCII digits only: "²" and "٣" are digits to str.isdigit


@dataclass(frozen=True)
class CountRow:
    school_year: str
    competency_slug: str
    grade_band: str
    level: str
    count: int


@dataclass(frozen=True)
class RowProblem:
    line: int  # the line in the file, the header being line 1
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class OutcomeFileRefused(Exception):
    """The file as a whole cannot be read (wrong columns, not text, too long)."""


def template_csv(competency_slugs: list[str], school_year: str) -> bytes:
    """A filled-in example: every grade band and level of the first competency, count 0,
    written like every other CSV the portal writes."""
    slug = competency_slugs[0] if competency_slugs else ""
    rows = [
        [school_year, slug, band, level, 0]
        for band in GradeBand.values
        for level in PerformanceLevel.values
    ]
    return spreadsheets.export(spreadsheets.dataset("outcomes", TEMPLATE_COLUMNS, rows), "csv")


def read_outcome_csv(
    raw: bytes, competency_slugs: set[str]
) -> tuple[list[CountRow], list[RowProblem]]:
    """Parse and check every row. Rows come back only if there are no problems at all."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise OutcomeFileRefused("The file is not UTF-8 text; save it as CSV (UTF-8).") from error
    if "\x00" in text:
        raise OutcomeFileRefused(
            "The file holds NUL characters, so it is not CSV text (a spreadsheet or a UTF-16 "
            "file, perhaps); save it as CSV (UTF-8)."
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _read_rows(reader, competency_slugs)
    except csv.Error as error:  # a field beyond the csv module's limit, among others
        raise OutcomeFileRefused(
            f"Line {reader.line_num} cannot be read as CSV ({error}); save the file as CSV "
            "(UTF-8) from the template."
        ) from error


def _read_rows(reader, competency_slugs: set[str]) -> tuple[list[CountRow], list[RowProblem]]:
    header = next(reader, None)
    if not header:
        raise OutcomeFileRefused("The file is empty.")
    columns = [name.strip().lower() for name in header]
    extra = [_shown(name) for name in columns if name not in TEMPLATE_COLUMNS]
    if extra:
        raise OutcomeFileRefused(
            f"The file has columns outside the template ({', '.join(extra)}). Only counts are "
            f"accepted, never a row per learner: use exactly {', '.join(TEMPLATE_COLUMNS)}."
        )
    missing = [name for name in TEMPLATE_COLUMNS if name not in columns]
    if missing or len(set(columns)) != len(columns):
        raise OutcomeFileRefused(
            f"The header must name each of {', '.join(TEMPLATE_COLUMNS)} once"
            + (f" (missing: {', '.join(missing)})." if missing else " (a column is repeated).")
        )
    rows: list[CountRow] = []
    problems: list[RowProblem] = []
    seen: dict[tuple, int] = {}
    for values in reader:
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue
        if len(rows) + len(problems) >= MAX_ROWS:
            raise OutcomeFileRefused(f"The file has more than {MAX_ROWS:,} rows; split it.")
        if len(values) != len(columns):
            problems.append(
                RowProblem(line, f"expected {len(columns)} values, found {len(values)}")
            )
            continue
        record = {name: value.strip() for name, value in zip(columns, values, strict=True)}
        too_long = [name for name, value in record.items() if len(value) > MAX_VALUE_LENGTH]
        if too_long:
            problems += [
                RowProblem(line, f"the {name} is longer than {MAX_VALUE_LENGTH} characters")
                for name in too_long
            ]
            continue
        row, row_problems = _check_row(record, competency_slugs)
        if row is not None:
            key = (row.school_year, row.competency_slug, row.grade_band, row.level)
            if key in seen:
                row_problems.append(f"repeats the cell of line {seen[key]}")
            seen.setdefault(key, line)
        problems += [RowProblem(line, message) for message in row_problems]
        if not row_problems:
            rows.append(row)
    if not rows and not problems:
        problems.append(RowProblem(2, "the file has a header but no counts"))
    return ([] if problems else rows), problems


def _check_row(record: dict[str, str], competency_slugs: set[str]):
    problems = []
    year = record["school_year"]
    match = SCHOOL_YEAR_RE.match(year)
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        problems.append(f"school year “{year}” should look like 2024-25")
    competency = record["competency"].lower()
    if competency not in competency_slugs:
        problems.append(f"“{record['competency']}” is not a competency of the state portrait")
    band = record["grade_band"].upper()
    if band not in GradeBand.values:
        problems.append(
            f"grade band “{record['grade_band']}” should be one of {', '.join(GradeBand.values)}"
        )
    level = record["level"].lower()
    if level not in PerformanceLevel.values:
        problems.append(
            f"level “{record['level']}” should be one of {', '.join(PerformanceLevel.values)}"
        )
    count_text = record["count"]
    if not COUNT_RE.fullmatch(count_text):
        problems.append(f"count “{count_text}” should be a whole number from 0 up")
    elif len(count_text.lstrip("0")) > len(str(MAX_COUNT)) or int(count_text) > MAX_COUNT:
        problems.append(f"count “{_shown(count_text)}” is more than {MAX_COUNT:,} learners")
    if problems:
        return None, problems
    return CountRow(year, competency, band, level, int(count_text)), []


def _shown(value: str, limit: int = 40) -> str:
    """A value as a message quotes it: cut short, so a long one cannot swamp the page."""
    return value if len(value) <= limit else value[:limit] + "…"
