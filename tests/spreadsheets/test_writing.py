"""Every spreadsheet the portal writes is safe to open: no formulas, no cells XLSX refuses."""

import csv
import datetime
import io

import openpyxl
import pytest

from spreadsheets.writing import dataset, delivered, export, safe_cell


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_starts_like_a_formula_is_quoted(text):
    assert safe_cell(text) == "'" + text


def test_other_values_pass_unchanged_and_none_is_empty():
    day = datetime.date(2026, 1, 2)
    assert [safe_cell(v) for v in ("Riverside", 12, 3.5, day, None)] == [
        "Riverside",
        12,
        3.5,
        day,
        "",
    ]


def test_control_characters_become_replacement_characters():
    assert safe_cell("a\x00b\x1bc") == "a\ufffdb\ufffdc"


def test_a_csv_starts_with_a_byte_order_mark_and_holds_safe_cells():
    table = dataset("Districts", ["name", "=count"], [["=HYPERLINK(x)", 3]])
    content = export(table, "csv")
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows == [["name", "'=count"], ["'=HYPERLINK(x)", "3"]]


def test_an_xlsx_has_its_heading_above_and_its_note_below_the_table():
    table = dataset("Districts", ["name"], [["Alpha"]], heading="Adoption", note="=n < 10")
    sheet = openpyxl.load_workbook(io.BytesIO(export(table, "xlsx"))).active
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values == ["Adoption", "name", "Alpha", "'=n < 10"]


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export(dataset("x", ["a"], []), "ods")


def test_the_callback_runs_only_after_the_file_is_taken():
    calls = []
    stream = delivered(b"file", lambda: calls.append("done"))
    assert next(stream) == b"file"
    assert calls == []
    assert list(stream) == []
    assert calls == ["done"]
