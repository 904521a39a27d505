"""Lists that grow with the state come in pages no larger than their largest page, and the
query cost counts the page a request asks for."""

import pytest

from tenants.models import District
from tests.api_client import get_data, post
from tests.progress.read_model import outcome_counts

DISTRICTS = (
    "query Page($first: Int, $offset: Int) { districts(first: $first, offset: $offset) { slug } }"
)
OUTCOMES = """
query Page($first: Int, $offset: Int) {
  learnerOutcomes(
    competency: "critical-thinker", schoolYear: "2024-25", first: $first, offset: $offset
  ) {
    district { slug } level count suppressed
  }
}
"""


@pytest.fixture
def two_districts(alpha, bravo):
    District.objects.exclude(pk__in=[alpha.pk, bravo.pk]).update_and_announce(is_active=False)


def test_districts_page_with_first_and_offset(two_districts, public_client):
    # given the defaults, the whole list
    assert [d["slug"] for d in get_data(public_client, DISTRICTS)["districts"]] == [
        "alpha",
        "bravo",
    ]
    # when / then
    first = get_data(public_client, DISTRICTS, {"first": 1})["districts"]
    second = get_data(public_client, DISTRICTS, {"first": 1, "offset": 1})["districts"]
    assert (first, second) == ([{"slug": "alpha"}], [{"slug": "bravo"}])


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"first": 2_001}, "first must be between 0 and 2,000; ask for the rest with offset."),
        ({"first": -1}, "first must be between 0 and 2,000; ask for the rest with offset."),
        ({"offset": -5}, "offset cannot be negative."),
    ],
)
def test_a_page_outside_the_limits_is_refused(two_districts, public_client, variables, message):
    response = post(public_client, DISTRICTS, variables)

    body = response.json()
    assert body["data"] is None
    assert [(e["message"], e["path"]) for e in body["errors"]] == [(message, ["districts"])]


def test_outcomes_are_suppressed_over_the_whole_table_before_paging(alpha, public_client):
    # given one small cell, which hides its whole row
    outcome_counts(
        alpha,
        "critical-thinker",
        "2024-25",
        {"K-2": {"beginning": 5, "approaching": 20, "meeting": 30, "exceeding": 12}},
    )
    # when a page holds only the row's large cells
    data = get_data(public_client, OUTCOMES, {"first": 2, "offset": 1})
    # then they stay hidden
    assert data["learnerOutcomes"] == [
        {"district": {"slug": "alpha"}, "level": "approaching", "count": None, "suppressed": True},
        {"district": {"slug": "alpha"}, "level": "meeting", "count": None, "suppressed": True},
    ]


def test_the_cost_counts_the_page_asked_for(two_districts, public_client):
    outcomes = 'learnerOutcomes(competency: "c", schoolYear: "2024-25", first: 100) { level }'
    twenty_small_pages = "{ " + " ".join(f"o{n}: {outcomes}" for n in range(20)) + " }"
    by_variable = (
        "query Q($n: Int) { "
        + " ".join(
            f'o{n}: learnerOutcomes(competency: "c", schoolYear: "2024-25", first: $n) {{ level }}'
            for n in range(20)
        )
        + " }"
    )

    assert get_data(public_client, twenty_small_pages) == {f"o{n}": [] for n in range(20)}
    assert get_data(public_client, by_variable, {"n": 100}) == {f"o{n}": [] for n in range(20)}
    refused = post(public_client, by_variable, {"n": 30_000})
    assert refused.json()["errors"][0]["extensions"] == {
        "code": "COST_LIMIT",
        "cost": 20 * (1 + 30_000),
        "limit": 500_000,
    }
