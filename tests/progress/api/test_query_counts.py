"""List fields cost the same number of queries for a few districts as for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_client import get_data, operation
from tests.progress.read_model import (
    days_ago,
    listed_district,
    outcome_counts,
    portrait,
    published_round,
    state_competencies,
)

OPERATIONS = {
    "StatewideAdoption": {},
    "FrameworkProgress": {"framework": "finding-your-path"},
    "LearnerOutcomes": {"competency": "critical-thinker", "schoolYear": "2024-25"},
    "PortraitCoverage": {},
    "DistrictProfile": {"slug": "d0", "framework": "finding-your-path"},
}


def add_districts(first: int, last: int) -> None:
    for n in range(first, last):
        district = listed_district(f"d{n}", region=["North", "South"][n % 2])
        portrait(
            district, f"Portrait {n}", {"One": ["critical-thinker"], "Two": ["engaged-citizen"]}
        )
        published_round(district, 1, {"equity-driven": "establishing"}, days_ago(30))
        published_round(
            district, 2, {"equity-driven": "developing", "voice": "refining"}, days_ago(2)
        )
        outcome_counts(
            district,
            "critical-thinker",
            "2024-25",
            {band: {"beginning": n, "meeting": 20} for band in ("K-2", "3-5")},
        )


def count_queries(client, name: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        get_data(client, operation(name), OPERATIONS[name])
    return len(queries)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_query_count_does_not_grow_with_districts(name, db, staff_client):
    state_competencies()
    add_districts(0, 2)
    count_queries(staff_client, name)  # first use creates the state's settings row
    few = count_queries(staff_client, name)
    add_districts(2, 12)
    many = count_queries(staff_client, name)
    assert few == many
