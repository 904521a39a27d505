"""Every CSV and XLSX file the portal writes, through tablib, and safe to open in a spreadsheet.

tablib writes both formats, but its own escaping only drops a leading "=" in XLSX and leaves
CSV alone, and openpyxl refuses control characters; so each cell is made safe here first.
"""

from collections.abc import Iterable, Iterator, Sequence

import tablib
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# Spreadsheet programs run text starting with these as a formula (OWASP's CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def safe_cell(value) -> object:
    """Text that starts like a formula gets a leading quote; characters XLSX cannot hold
    become U+FFFD; numbers and dates stay as they are."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def dataset(
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    *,
    heading: str = "",
    note: str = "",
) -> tablib.Dataset:
    """A table of safe cells; a heading above and a note below show in XLSX only."""
    data = tablib.Dataset(headers=[safe_cell(header) for header in headers], title=title)
    for row in rows:
        data.append([safe_cell(value) for value in row])
    if heading:
        data.insert_separator(0, safe_cell(heading))
    if note:
        data.append_separator(safe_cell(note))
    return data


def export(data: tablib.Dataset, file_format: str) -> bytes:
    """The file's bytes; CSV starts with a byte-order mark so spreadsheet programs read UTF-8."""
    if file_format == "csv":
        return ("\ufeff" + data.export("csv")).encode("utf-8")
    if file_format == "xlsx":
        return data.export("xlsx")
    raise ValueError(f"Unknown spreadsheet format: {file_format}")


def delivered(content: bytes, then) -> Iterator[bytes]:
    """Yield the file, then call `then` once the server has taken all of it."""
    yield content
    then()
