"""A page of learner outcomes is the matching slice of the whole suppressed table, read
without the rest of the state."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.outcomes import outcome_page, outcome_table
from tenants.models import District
from tests.progress.read_model import listed_district, outcome_counts

COMPETENCY, YEAR = "critical-thinker", "2024-25"


@pytest.fixture
def state(db):
    District.objects.update_and_announce(is_active=False)
    # Names whose code-point order differs from a language's collation (case, accents).
    named = {
        "page-zeta": "zeta Schools",
        "page-alpha": "Alpha Schools",
        "page-umlaut": "Ärla Schools",
    }
    for slug, name in named.items():
        listed_district(slug)
        District.objects.filter(slug=slug).update(name=name)
    twin = listed_district("page-twin")  # the same name as another district: ties go by id
    District.objects.filter(pk=twin.pk).update(name="Alpha Schools")
    gone = listed_district("page-gone", active=False)
    rows = {
        "page-zeta": {"9-12": {"beginning": 12, "meeting": 40}, "K-2": {"exceeding": 3}},
        "page-alpha": {"3-5": {"beginning": 15, "approaching": 22, "meeting": 31, "exceeding": 10}},
        "page-umlaut": {"6-8": {"beginning": 0, "approaching": 50}, "3-5": {"meeting": 70}},
        "page-twin": {"K-2": {"beginning": 11, "approaching": 12, "meeting": 13, "exceeding": 14}},
    }
    for slug, table in rows.items():
        outcome_counts(District.objects.get(slug=slug), COMPETENCY, YEAR, table)
    outcome_counts(gone, COMPETENCY, YEAR, {"K-2": {"beginning": 50}})
    outcome_counts(District.objects.get(slug="page-alpha"), "other", YEAR, {"K-2": {"meeting": 50}})
    outcome_counts(
        District.objects.get(slug="page-alpha"), COMPETENCY, "2023-24", {"K-2": {"meeting": 5}}
    )


@pytest.mark.parametrize("unsuppressed", [False, True])
def test_every_page_is_the_slice_of_the_whole_table(state, unsuppressed):
    table = outcome_table(COMPETENCY, YEAR, unsuppressed=unsuppressed)
    assert len(table) == 6 * 4  # six (district, band) rows, each padded to four levels

    for first in (1, 2, 3, 4, 5, 7, 24, 30):
        for offset in range(len(table) + 2):
            page = outcome_page(
                COMPETENCY, YEAR, first=first, offset=offset, unsuppressed=unsuppressed
            )
            assert page == table[offset : offset + first], (first, offset)


def test_a_small_cell_hides_its_row_even_when_the_page_shows_only_its_large_cells(state):
    # the last row (Ärla's 6-8, after "zeta" in code-point order): 0, 50 and two padded zeros
    page = outcome_page(COMPETENCY, YEAR, first=2, offset=len(outcome_table(COMPETENCY, YEAR)) - 3)

    assert [(c.district.slug, c.count, c.suppressed) for c in page] == [
        ("page-umlaut", None, True),
        ("page-umlaut", None, True),
    ]


def test_a_page_reads_the_same_number_of_queries_wherever_it_starts(state):
    outcome_page(COMPETENCY, YEAR, first=4, offset=0)  # the state's settings, cached once read
    counts = []
    for offset in (0, 9, 20):
        with CaptureQueriesContext(connection) as queries:
            outcome_page(COMPETENCY, YEAR, first=4, offset=offset)
        counts.append(len(queries))

    assert counts == [counts[0]] * 3
    assert outcome_page(COMPETENCY, YEAR, first=0, offset=0) == []
