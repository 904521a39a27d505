"""CSV and XLSX downloads of the dashboard's tables (the figures the charts show)."""

from django.http import HttpResponse

from progress.dashboard.tables import Table
from spreadsheets import writing as spreadsheets


def csv_response(table: Table) -> HttpResponse:
    return _download(table, "csv")


def xlsx_response(table: Table) -> HttpResponse:
    return _download(table, "xlsx")


def _download(table: Table, file_format: str) -> HttpResponse:
    data = spreadsheets.dataset(
        table.key, table.columns, table.rows, heading=table.title, note=table.note
    )
    response = HttpResponse(
        spreadsheets.export(data, file_format),
        content_type=spreadsheets.CONTENT_TYPES[file_format],
    )
    response["Content-Disposition"] = f'attachment; filename="{table.key}.{file_format}"'
    return response
