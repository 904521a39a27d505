"""Benchmark: the contract's GraphQL operations at 100 and at 1,300 districts, side by side.

    .venv/bin/python bench/graphql.py [--small 100] [--large 1300] [--runs 40] [--keep]
                                      [--database-url postgres://postgres@127.0.0.1:5432/postgres]

Creates a fresh database and migrates it, then writes, for `--small` districts:
  - the District rows, with their regions and adoption stages;
  - the read model only: each district's published portrait (listing, three competencies and
    their alignments), three published self-assessment rounds on Finding Your Path (all 30
    competencies rated in each; the last is the latest), and learner-outcome counts for ten
    state competencies x four grade bands x four levels in one school year.
It times every operation in graphql/operations/ that the agency's contract names, then adds
districts up to `--large` and times them again.

District schemas are not created: cloning 1,300 schemas would take the better part of an hour,
and the statewide reads under test touch only the public read model (that is the design: no
request reads a district's schema), so the rows are written in bulk as the sync would write them.

Each operation is sent through the real endpoint (/graphql/ on the state's host, Django's test
client, signed in as a superuser so that DistrictProfile includes the assessment), `--runs`
times after two warm-up calls. Printed per operation and size: SQL queries per request,
median and p95 latency, and for each the ratio large/small. Goals: the same query count at
both sizes; p95 under 100 ms for StatewideAdoption, FrameworkProgress and PortraitCoverage and under
300 ms for LearnerOutcomes; latency ratio under 2. The paged reads (a page of LearnerOutcomes
of 100 cells, first and at a fixed offset, and FrameworkProgress, which reads a summary kept
at sync time) are held to p95 under 100 ms and a ratio under 1.5, computed (cache off).
`--only NAME` (repeatable) times some operations only.

Each size is measured twice: with the response cache off, so every answer is computed, and on,
as deployed (api/response_cache.py: an answer is kept until the read model changes, so
the warm-up call computes it and the timed calls are served from the cache).
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# _fresh_db takes this folder off the path again: `import graphql` must find graphql-core.
from _fresh_db import (  # noqa: E402
    add_database_arguments,
    describe_environment,
    fresh_database,
    load_average,
    percentile,
)

OUTCOMES = {"competency": "sc-1", "schoolYear": "2024-25"}
OPERATIONS = {
    "StatewideAdoption": {},
    "FrameworkProgress": {"framework": "finding-your-path"},
    "PortraitCoverage": {},
    "LearnerOutcomes": OUTCOMES,
    "DistrictProfile": {"slug": "d00001", "framework": "finding-your-path"},
    # Pages of 100 cells: the first, and one at an offset inside the smaller state (100
    # districts hold 1,600 cells).
    "LearnerOutcomes first page": {**OUTCOMES, "first": 100, "offset": 0},
    "LearnerOutcomes page at 1,500": {**OUTCOMES, "first": 100, "offset": 1500},
}
PAGED_OPERATION = """
query LearnerOutcomesPage($competency: String!, $schoolYear: String!, $first: Int, $offset: Int) {
  learnerOutcomes(
    competency: $competency, schoolYear: $schoolYear, first: $first, offset: $offset
  ) {
    district { slug }
    gradeBand
    level
    count
    suppressed
  }
}
"""
GOAL_P95_MS = {
    "StatewideAdoption": 100,
    "FrameworkProgress": 100,
    "PortraitCoverage": 100,
    "LearnerOutcomes": 300,
    "LearnerOutcomes first page": 100,
    "LearnerOutcomes page at 1,500": 100,
}
GOAL_RATIO = 2.0
# The paged reads, computed: their cost follows the page, not the state.
GOAL_RATIO_PAGED = {
    "FrameworkProgress": 1.5,
    "LearnerOutcomes first page": 1.5,
    "LearnerOutcomes page at 1,500": 1.5,
}
REGIONS = ["Northern", "Central", "Southern", "Coastal", "Mountain", "Valley", "Plains", "Lakes"]
STAGES = ["not_considering", "considering", "developing", "finalized", "unreported"]
BANDS = ["K-2", "3-5", "6-8", "9-12"]
LEVELS = ["beginning", "approaching", "meeting", "exceeding"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=1300)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--only", action="append", choices=list(OPERATIONS), metavar="NAME")
    add_database_arguments(parser)
    args = parser.parse_args()
    if not 1 <= args.small < args.large:
        parser.error("need 1 <= --small < --large")
    args.operations = args.only or list(OPERATIONS)
    with fresh_database(args, prefix="bench_graphql") as db:
        run(args, db)


def run(args, db) -> None:
    from django.test import override_settings

    for line in describe_environment(db):
        print(line)
    rng = random.Random(4)
    seed_state()
    client = signed_in_client()
    results = {}
    for size, first in ((args.small, 0), (args.large, args.small)):
        started = time.perf_counter()
        add_districts(first, size, rng)
        print(
            f"\nseeded {size:,} districts ({time.perf_counter() - started:.1f} s); {load_average()}"
        )
        for cached in (False, True):
            # The rate limit off: the bench sends hundreds of requests a minute from one address.
            with override_settings(WAGTAIL_CACHE=cached, GRAPHQL_RATE_LIMIT_PER_ADDRESS=None):
                results[size, cached] = {
                    name: measure(client, name, args.runs) for name in args.operations
                }
    for cached, title in (
        (False, "answers computed (response cache off)"),
        (True, "answers from the response cache (on, as deployed)"),
    ):
        print(f"\n{title}")
        report(args, {size: results[size, cached] for size in (args.small, args.large)})


def seed_state() -> None:
    # The app's modules load models: import them once fresh_database has set Django up.
    from state.models import StateCompetency

    StateCompetency.objects.bulk_create(
        StateCompetency(slug=f"sc-{n}", name=f"State competency {n}", position=n)
        for n in range(1, 11)
    )


def add_districts(first: int, last: int, rng: random.Random) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from caching.page_cache import invalidate_state_pages
    from state.models import PortraitAlignment, PortraitCompetencyListing, PortraitListing

    # The app's modules load models: import them once fresh_database has set Django up.
    from state.progress.models import (
        FrameworkVersion,
        PublishedAssessment,
        PublishedOutcomeCount,
        PublishedRating,
    )
    from tenants.models import District, schema_name_for

    version = FrameworkVersion.objects.get(framework__slug="finding-your-path")
    competencies = list(version.competencies.values_list("slug", flat=True))
    stages = list(version.stages.values_list("slug", flat=True))
    now = timezone.now()
    with transaction.atomic():
        districts = District.objects.bulk_create(
            District(
                name=f"District {n:05d}",
                slug=f"d{n:05d}",
                schema_name=schema_name_for(f"d{n:05d}"),
                region=REGIONS[n % len(REGIONS)],
                adoption_stage=STAGES[n % len(STAGES)],
            )
            for n in range(first, last)
        )
        PortraitListing.objects.bulk_create(
            PortraitListing(
                district=d,
                title=f"{d.name} portrait",
                url=f"{d.base_url}/portrait/",
                published_at=now,
                synced_at=now,
            )
            for d in districts
        )
        listings, alignments = [], []
        for d in districts:
            aligned = rng.sample(range(1, 11), 4)
            for position in range(3):
                slugs = [f"sc-{aligned[position]}", f"sc-{aligned[3]}"][: 1 + position % 2]
                listings.append(
                    PortraitCompetencyListing(
                        district=d,
                        position=position,
                        name=f"Competency {position}",
                        aligned_slugs=slugs,
                    )
                )
            alignments += [
                PortraitAlignment(district=d, state_competency_slug=f"sc-{a}") for a in aligned
            ]
        PortraitCompetencyListing.objects.bulk_create(listings)
        PortraitAlignment.objects.bulk_create(alignments)
        assessments = PublishedAssessment.objects.bulk_create(
            PublishedAssessment(
                district=d,
                round_key=r,
                name=f"Round {r}",
                framework_slug="finding-your-path",
                framework_version=1,
                published_at=now - timezone.timedelta(days=365 * (3 - r)),
                is_latest=r == 3,
                synced_at=now,
            )
            for d in districts
            for r in (1, 2, 3)
        )
        PublishedRating.objects.bulk_create(
            (
                PublishedRating(
                    assessment=a,
                    district_id=a.district_id,
                    framework_slug=a.framework_slug,
                    is_latest=a.is_latest,
                    competency_slug=c,
                    stage_slug=rng.choice(stages),
                )
                for a in assessments
                for c in competencies
            ),
            batch_size=5000,
        )
        PublishedOutcomeCount.objects.bulk_create(
            (
                PublishedOutcomeCount(
                    district=d,
                    school_year="2024-25",
                    competency_slug=f"sc-{c}",
                    grade_band=band,
                    level=level,
                    count=rng.randint(0, 120),
                    synced_at=now,
                )
                for d in districts
                for c in range(1, 11)
                for band in BANDS
                for level in LEVELS
            ),
            batch_size=5000,
        )
    _count_progress_summary()
    with connection.cursor() as cursor:
        # As autovacuum leaves bulk-inserted tables: statistics, and index-only scans possible.
        cursor.execute("VACUUM ANALYZE")
    # Bulk writes send no signals: say, as a sync would, that the read model has changed.
    invalidate_state_pages()


def _count_progress_summary() -> None:
    """What the sync keeps up to date one district at a time, recounted after bulk writes."""
    try:
        from state.progress.progress_summary import rebuild_progress_summary
    except ImportError:  # a tree from before the summary (for a side-by-side baseline)
        return
    rebuild_progress_summary()


def signed_in_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def measure(client, name: str, runs: int) -> dict:
    from django.db import connection

    # The app's modules load models: import them once fresh_database has set Django up.
    from api.execute import operation_text

    text = PAGED_OPERATION if "page" in name else operation_text(name)
    body = json.dumps({"query": text, "variables": OPERATIONS[name]})

    def send():
        response = client.post("/graphql/", body, content_type="application/json")
        # The endpoint's latency, not the client's decoding: the answer's errors come first.
        if response.status_code != 200 or response.content.startswith(b'{"errors"'):
            raise SystemExit(f"{name} failed: {response.content[:2000]!r}")
        return response

    for _ in range(2):
        send()
    queries = []
    with connection.execute_wrapper(lambda run, sql, *rest: queries.append(sql) or run(sql, *rest)):
        payload = send().json()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        send()
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": len(queries),
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "size": len(json.dumps(payload)),
    }


def report(args, results) -> None:
    small, large = results[args.small], results[args.large]
    width = max(len(name) for name in args.operations)
    print(f"\n{'operation':<{width}} {'queries':>15} {'median ms':>24} {'p95 ms':>24} {'goal':>24}")
    sizes = f"{args.small:>7} {args.large:>7}"
    print(f"{'':<{width}} {sizes} {'ratio':>5}  {sizes} {'ratio':>7}  {sizes} {'ratio':>7}")
    for name in args.operations:
        s, big = small[name], large[name]
        ratios = {key: _ratio(big[key], s[key]) for key in ("queries", "median", "p95")}
        goal_p95 = GOAL_P95_MS.get(name)
        goal_ratio = GOAL_RATIO_PAGED.get(name, GOAL_RATIO)
        met = (
            s["queries"] == big["queries"]
            and ratios["p95"] < goal_ratio
            and (goal_p95 is None or big["p95"] < goal_p95)
        )
        goal = f"p95<{goal_p95} ms, " if goal_p95 else ""
        print(
            f"{name:<{width}} {s['queries']:>7} {big['queries']:>7} {ratios['queries']:>5.2f}  "
            f"{s['median']:>7.1f} {big['median']:>7.1f} {ratios['median']:>7.2f}  "
            f"{s['p95']:>7.1f} {big['p95']:>7.1f} {ratios['p95']:>7.2f}  "
            f"{goal + f'ratio<{goal_ratio:g}':>18} {'met' if met else 'MISSED'}"
        )
    print(f"ratios are {args.large:,} / {args.small:,}; the goal's ratio is the p95 one")
    print(
        f"\nresponse sizes at {args.large:,}: "
        + ", ".join(f"{name} {large[name]['size'] / 1024:.0f} KB" for name in args.operations)
    )


def _ratio(large: float, small: float) -> float:
    return large / small if small else float("inf")


if __name__ == "__main__":
    main()
