"""Learner counts reach anonymous readers only through the disclosure rule, whole rows at a time."""

import json

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from state.models import StateSettings
from tenants.models import District
from tests.api_client import get_data, operation, post
from tests.progress.read_model import listed_district, outcome_counts, state_competencies

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


# Any districts' uploads, every level possibly left out, read together with the rest of what
# the public can ask for.
bands = st.dictionaries(
    st.sampled_from(["K-2", "3-5", "6-8"]),
    st.dictionaries(st.sampled_from(LEVELS), st.integers(min_value=0, max_value=40), min_size=1),
    min_size=1,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(uploads=st.lists(bands, min_size=1, max_size=4), minimum=st.integers(2, 15))
def test_an_anonymous_attacker_learns_no_small_count(db, public_client, uploads, minimum):
    with transaction.atomic():
        District.objects.update_and_announce(is_active=False)
        state_competencies()
        truth = {}
        for index, table in enumerate(uploads):
            district = listed_district(f"d{index}", region=["North", "South"][index % 2])
            outcome_counts(district, "critical-thinker", "2024-25", table)
            for band, levels in table.items():
                truth[(district.slug, band)] = {level: levels.get(level, 0) for level in LEVELS}
        state_settings = StateSettings.load()
        state_settings.minimum_cell_size = minimum
        state_settings.save()
        published = published_rows(public_client)
        transaction.set_rollback(True)
    assert set(published) == set(truth)  # every row reported appears, and only those
    for key, row in published.items():
        assert list(row) == LEVELS, f"{key} shows levels {list(row)}"
        counts = list(row.values())
        if None in counts:
            # Hidden whole: with no total published anywhere, each hidden cell may be 0 or
            # any count at all, so nothing is learned beyond "some level is small".
            assert counts == [None] * len(LEVELS)
            assert min(truth[key].values()) < minimum
        else:
            assert row == truth[key] and min(counts) >= minimum


def published_rows(client) -> dict[tuple[str, str], dict[str, int | None]]:
    """Learner counts from every public operation that carries them: LearnerOutcomes is the
    only one; DistrictProfile and StatewideAdoption are read to be sure they carry none."""
    data = get_data(client, operation("LearnerOutcomes"), VARIABLES)
    rows: dict[tuple[str, str], dict[str, int | None]] = {}
    for r in data["learnerOutcomes"]:
        rows.setdefault((r["district"]["slug"], r["gradeBand"]), {})[r["level"]] = r["count"]
        assert r["suppressed"] == (r["count"] is None)
    for slug in {slug for slug, _ in rows}:
        profile = post(
            client,
            operation("DistrictProfile"),
            {"slug": slug, "framework": "finding-your-path"},
        ).json()["data"]["district"]
        assert "count" not in json.dumps(profile).lower()
    get_data(client, operation("StatewideAdoption"))
    return rows
