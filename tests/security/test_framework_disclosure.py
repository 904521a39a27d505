"""Districts' consensus stages reach the public only as counts that give no district away,
whatever an attacker combines: every region, the state, any spelling of a region, and the
other public operations."""

import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from progress.api.loaders import UNASSESSED
from state.models import StateSettings
from tenants.models import District
from tests.api_client import assert_no_permission, get_data, operation, post
from tests.progress.read_model import days_ago, listed_district, published_round
from tests.security.attacker import STATE, published, recovered

FRAMEWORK = {"framework": "finding-your-path"}
STAGES = ["establishing", "developing", "operationalizing", "refining"]
CATEGORIES = [*STAGES, UNASSESSED]
COMPETENCIES = ["equity-driven", "voice"]
REGIONS = ["North", "South", "East"]


def progress(client, region: str | None = None) -> dict[str, dict[str, int | None]]:
    """The contract's FrameworkProgress as published: competency → category → count, None
    where withheld."""
    data = get_data(client, operation("FrameworkProgress"), {**FRAMEWORK, "region": region})
    figures = {}
    for condition in data["framework"]["conditions"]:
        for competency in condition["competencies"]:
            row = {r["stage"]["slug"]: r["districtCount"] for r in competency["stageDistribution"]}
            row[UNASSESSED] = competency["unassessedCount"]
            figures[competency["slug"]] = row
    return figures


def seed(world: list[tuple[str, dict[str, str]]], minimum: int) -> list[District]:
    """Districts d0, d1, … (region, competency → category), the only active ones."""
    District.objects.update_and_announce(is_active=False)
    districts = []
    for index, (region, categories) in enumerate(world):
        district = listed_district(f"d{index}", region=region)
        rated = {c: stage for c, stage in categories.items() if stage != UNASSESSED}
        if rated:
            published_round(district, 1, rated, days_ago(10))
        districts.append(district)
    state_settings = StateSettings.load()
    state_settings.minimum_district_count = minimum
    state_settings.save()
    return districts


# Rule alone: many small worlds, three categories, every assignment tried.
@settings(max_examples=250, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("xyz")), min_size=1, max_size=6),
    st.integers(min_value=2, max_value=4),
)
def test_the_rule_gives_away_no_district_and_no_withheld_figure(world, minimum):
    regions = [region for region, _ in world]
    truth = tuple(category for _, category in world)
    observed = published(truth, regions, ["x", "y", "z"], minimum)
    found = recovered(observed, regions, ["x", "y", "z"], minimum)
    assert truth in found.worlds
    assert found.districts == [], f"districts {found.districts} recovered from {observed}"
    assert found.figures == [], f"figures {found.figures} recovered from {observed}"
    for region, counts in observed.items():
        if region != STATE and None not in counts.values():
            assert sum(counts.values()) >= minimum
            assert sum(1 for n in counts.values() if n) > 1


# Through the API: every public operation together, as an anonymous caller.
worlds = st.lists(
    st.tuples(
        st.sampled_from(REGIONS),
        st.fixed_dictionaries({c: st.sampled_from(CATEGORIES) for c in COMPETENCIES}),
    ),
    min_size=1,
    max_size=5,
)


def mixed(region: str, equity: str, voice: str) -> tuple[str, dict[str, str]]:
    return (region, {"equity-driven": equity, "voice": voice})


@settings(
    # DISCLOSURE_EXAMPLES=500 for a longer hunt than the suite's.
    max_examples=int(os.environ.get("DISCLOSURE_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds, minimum=st.integers(min_value=2, max_value=4))
# Attacks that once worked. Only South could be all at one stage of voice with the state's
# figures, so hiding every region named it.
@example(
    world=[
        mixed("North", "establishing", "establishing"),
        mixed("North", "establishing", "operationalizing"),
        mixed("North", "establishing", UNASSESSED),
        mixed("South", "establishing", "developing"),
        mixed("South", "establishing", "developing"),
    ],
    minimum=2,
)
# Likewise only North, of two districts, could share an equity-driven stage.
@example(
    world=[
        mixed("North", "establishing", "establishing"),
        mixed("North", "establishing", "establishing"),
        mixed("South", "developing", "establishing"),
        mixed("South", "operationalizing", "establishing"),
        mixed("South", "refining", "establishing"),
    ],
    minimum=2,
)
def test_an_anonymous_attacker_recovers_no_districts_stage(db, public_client, world, minimum):
    with transaction.atomic():
        districts = seed(world, minimum)
        attack(public_client, districts, world, minimum)
        transaction.set_rollback(True)


def attack(client, districts, world, minimum):
    region_keys = [region.lower() for region, _ in world]
    answers = {STATE: progress(client)}
    for region in sorted(set(region_keys)):
        answers[region] = progress(client, region)
        assert progress(client, f"  {region.upper()} ") == answers[region]  # same group
    assert progress(client, "Nowhere")["voice"][UNASSESSED] == 0  # no district, no secret
    # What else is public says nothing of consensus stages: each district's profile refuses
    # its assessment, and the registry (regions, adoption stages) is what the attacker knew.
    for district in districts:
        response = post(client, operation("DistrictProfile"), {"slug": district.slug, **FRAMEWORK})
        assert assert_no_permission(response, ["district", "assessment"])["district"]["region"]
    for region in [None, *REGIONS]:
        get_data(client, operation("StatewideAdoption"), {"region": region})
    for competency in COMPETENCIES:
        observed = {name: figures[competency] for name, figures in answers.items()}
        truth = tuple(categories[competency] for _, categories in world)
        found = recovered(observed, region_keys, CATEGORIES, minimum)
        exposed = found.districts_by_subtraction
        assert exposed == [], f"{competency}: districts {exposed} exposed by {observed}"
        assert found.figures == [], f"{competency}: {found.figures} recovered from {observed}"
        assert truth in found.worlds, "the API publishes other figures than the rule's"
        assert found.districts == [], f"{competency}: districts {found.districts} exposed"


# Cases an attacker would try first.
def stage_world(regions: dict[str, list[str]]) -> list[tuple[str, dict[str, str]]]:
    return [
        (region, {"equity-driven": stage, "voice": UNASSESSED})
        for region, stages in regions.items()
        for stage in stages
    ]


def test_a_region_of_one_district_is_not_published(db, public_client):
    world = stage_world(
        {
            "North": ["developing"],
            "South": ["establishing", "developing", "refining"],
            "East": ["developing", "refining", "establishing", "developing"],
        }
    )
    seed(world, 3)
    north = progress(public_client, "North")["equity-driven"]
    assert set(north.values()) == {None}
    # Nor can it be had by subtraction: South, the smallest other region, is withheld too.
    assert set(progress(public_client, "South")["equity-driven"].values()) == {None}
    east = progress(public_client, "East")["equity-driven"]
    assert east["developing"] == 2 and east[UNASSESSED] == 0
    assert progress(public_client)["equity-driven"]["developing"] == 4


def test_a_region_whose_districts_all_stand_at_one_stage_is_not_published(db, public_client):
    world = stage_world(
        {
            "North": ["developing", "developing", "developing"],
            "South": ["establishing", "developing", "refining"],
        }
    )
    seed(world, 3)
    for region in ("North", "South"):  # South too, or North is the state minus South
        assert set(progress(public_client, region)["equity-driven"].values()) == {None}
    state = progress(public_client)["equity-driven"]
    assert (state["developing"], state["establishing"], state["refining"]) == (4, 1, 1)


def test_districts_without_a_reachable_region_count_as_withheld(db, public_client):
    world = stage_world(
        {
            "": ["developing"],
            "North": ["establishing", "developing", "refining"],
            "South": ["developing", "refining", "establishing"],
        }
    )
    seed(world, 3)
    # North and South alone would give the blank region's district as the state minus both.
    assert set(progress(public_client, "North")["equity-driven"].values()) == {None}
    assert progress(public_client, "South")["equity-driven"]["refining"] == 1


def test_the_minimum_follows_the_state_settings(db, public_client):
    seed(stage_world({"North": ["developing", "refining"], "South": ["developing", "refining"]}), 2)
    assert progress(public_client, "North")["equity-driven"]["refining"] == 1
    state_settings = StateSettings.load()
    state_settings.minimum_district_count = 3
    state_settings.save()
    assert progress(public_client, "North")["equity-driven"]["refining"] is None


def test_callers_with_district_detail_see_every_figure(db, staff_client):
    seed(stage_world({"North": ["developing"], "South": ["developing", "developing"]}), 3)
    assert progress(staff_client, "North")["equity-driven"]["developing"] == 1
    assert progress(staff_client)["voice"][UNASSESSED] == 3


@pytest.mark.parametrize("region", [None, "North"])
def test_averages_over_rounds_need_district_detail(db, public_client, staff_client, region):
    seed(stage_world({"North": ["developing"]}), 3)
    query = operation("DashboardProgressOverTime")
    variables = {**FRAMEWORK, "region": region}
    assert_no_permission(post(public_client, query, variables), ["framework", "progressOverTime"])
    rows = get_data(staff_client, query, variables)["framework"]["progressOverTime"]
    assert [row["averagePosition"] for row in rows] == [2.0]


def test_a_cached_answer_for_district_detail_is_never_served_to_the_public(
    db, page_cache, public_client, staff_client
):
    seed(stage_world({"North": ["developing"], "South": ["developing", "refining"]}), 3)
    assert progress(staff_client, "North")["equity-driven"]["developing"] == 1
    assert progress(public_client, "North")["equity-driven"]["developing"] is None
