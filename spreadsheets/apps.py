from django.apps import AppConfig


class SpreadsheetsConfig(AppConfig):
    """Spreadsheets in and out: the district import from CSV, and every CSV and XLSX file the
    portal writes."""

    name = "spreadsheets"
