"""Learner counts reach anonymous readers only through the disclosure rule, whole rows at a time."""

from tests.api_client import get_data, operation
from tests.progress.read_model import outcome_counts, state_competencies

VARIABLES = {"competency": "critical-thinker", "schoolYear": "2024-25"}
LEVELS = ["beginning", "approaching", "meeting", "exceeding"]


def _rows(data) -> list[tuple]:
    return [
        (r["district"]["slug"], r["gradeBand"], r["level"], r["count"], r["suppressed"])
        for r in data["learnerOutcomes"]
    ]


def test_a_level_left_out_of_an_upload_counts_as_zero_and_hides_the_row(alpha, public_client):
    # given: an upload that names only one level of K-2
    state_competencies()
    outcome_counts(alpha, "critical-thinker", "2024-25", {"K-2": {"meeting": 120}})
    # when
    data = get_data(public_client, operation("LearnerOutcomes"), VARIABLES)
    # then: not "all 120 at meeting", nor a missing level read as zero
    assert _rows(data) == [("alpha", "K-2", level, None, True) for level in LEVELS]


def test_a_row_with_every_level_large_still_shows_each_level_once(alpha, public_client):
    state_competencies()
    counts = {"beginning": 11, "approaching": 12, "meeting": 13, "exceeding": 14}
    outcome_counts(alpha, "critical-thinker", "2024-25", {"3-5": counts})
    data = get_data(public_client, operation("LearnerOutcomes"), VARIABLES)
    assert _rows(data) == [("alpha", "3-5", level, counts[level], False) for level in LEVELS]


def test_holders_of_unsuppressed_counts_see_a_missing_level_as_zero(
    alpha, restricted_user, host_client
):
    state_competencies()
    outcome_counts(alpha, "critical-thinker", "2024-25", {"K-2": {"meeting": 120}})
    client = host_client("localhost")
    client.force_login(restricted_user)
    data = get_data(client, operation("LearnerOutcomes"), VARIABLES)
    shown = [(r["level"], r["count"]) for r in data["learnerOutcomes"]]
    assert shown == [("beginning", 0), ("approaching", 0), ("meeting", 120), ("exceeding", 0)]
