"""Dates and times follow each language's conventions: US English, and Spanish."""

from datetime import date, datetime

from django.utils import translation
from django.utils.formats import date_format, time_format

ELECTION_DAY = date(2026, 11, 29)
EVENING = datetime(2026, 11, 29, 18, 30)


def test_english_dates_are_written_the_us_way():
    with translation.override("en"):
        assert date_format(ELECTION_DAY, "DATE_FORMAT") == "November 29, 2026"
        assert date_format(ELECTION_DAY, "MONTH_DAY_FORMAT") == "November 29"
        assert time_format(EVENING, "TIME_FORMAT") == "6:30 PM"
        assert date_format(EVENING, "DATETIME_FORMAT") == "Sunday, November 29, 2026, 6:30 PM"


def test_spanish_dates_are_written_the_spanish_way():
    with translation.override("es"):
        assert date_format(ELECTION_DAY, "DATE_FORMAT") == "29 de noviembre de 2026"
        assert time_format(EVENING, "TIME_FORMAT") == "18:30"
        assert date_format(EVENING, "DATETIME_FORMAT") == "domingo 29 de noviembre de 2026, 18:30"
