"""Benchmark: one run of scheduled publishing across every schema, as beat starts it each minute.

    .venv/bin/python bench/scheduled_publishing.py [--districts 100] [--runs 5] [--keep]
                                                   [--database-url postgres://...]

Creates a fresh database, provisions --districts districts, and times, side by side in one run:

  baseline        Wagtail's own `publish_scheduled` in the public schema alone, with nothing
                  due: what one schema costs.
  every schema    publishing.scheduling.publish_scheduled_everywhere() with nothing due: the
                  state and every district, what beat pays every minute in the steady state.
  with work due   the same run with one scheduled portrait due in every district (each publish
                  starts its district's sync, run inline with no broker).

It prints the cost per schema, its ratio to the baseline, and the run time projected to 1,300
districts beside beat's one-minute interval.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fresh_db import add_database_arguments, describe_environment, fresh_database, load_average

BEAT_INTERVAL_SECONDS = 60
PROJECTED_DISTRICTS = 1300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--districts", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5, help="Timed runs of each idle case.")
    add_database_arguments(parser)
    args = parser.parse_args()
    with fresh_database(args, prefix="bench_scheduled") as db:
        run(args, db)


def run(args, db) -> None:
    from datetime import timedelta
    from unittest import mock

    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from django_tenants.utils import tenant_context

    # The app's modules load models: import them once fresh_database has set Django up.
    from portrait.models import DistrictPortraitPage
    from publishing.scheduling import publish_scheduled_everywhere, scheduled_tenants
    from state.models import StateCompetency
    from tenants.provisioning import DistrictSpec, provision_district
    from tests.factories.portrait import competency_value

    for line in describe_environment(db):
        print(line)
    started = time.perf_counter()
    districts = [
        provision_district(
            DistrictSpec(f"District {i}", f"d{i:04d}", "Bench", "developing")
        ).district
        for i in range(args.districts)
    ]
    StateCompetency.objects.create(slug="curious", name="Curious", definition="", position=0)
    print(f"provisioned {len(districts)} districts in {time.perf_counter() - started:.1f} s\n")

    def timed(fn) -> float:
        connection.set_schema_to_public()
        begin = time.perf_counter()
        fn()
        return time.perf_counter() - begin

    tenants = scheduled_tenants()
    baseline, everywhere = [], []
    for _ in range(args.runs):  # interleaved, so both see the same server state
        baseline.append(timed(lambda: call_command("publish_scheduled")))
        everywhere.append(timed(lambda: publish_scheduled_everywhere(tenants)))

    go_live = timezone.now() + timedelta(hours=1)
    for district in districts:
        with tenant_context(district):
            page = DistrictPortraitPage.objects.get()
            page.competencies = [
                ("competency", competency_value("Asks", "Asks.", aligned_to=["curious"]))
            ]
            page.go_live_at = go_live
            page.save_revision().publish()
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        due = timed(lambda: publish_scheduled_everywhere(tenants))
    published = 0
    for district in districts:
        with tenant_context(district):
            page = DistrictPortraitPage.objects.get()
            published += bool(page.competencies) and not page.has_unpublished_changes
    connection.set_schema_to_public()

    schemas = len(tenants)
    base = statistics.median(baseline)
    per_schema = statistics.median(everywhere) / schemas

    def row(case: str, seconds: float, count: int) -> None:
        each = seconds / count
        print(f"{case:<16}{seconds * 1000:>10.1f}ms{each * 1000:>11.2f}ms{each / base:>8.2f}")

    print(f"{'case':<16}{'median run':>12}{'per schema':>13}{'ratio':>8}")
    row("baseline", base, 1)
    row("every schema", statistics.median(everywhere), schemas)
    row("with work due", due, schemas)
    print(f"\n{published}/{len(districts)} scheduled portraits went live in the run with work due")
    projected = per_schema * (PROJECTED_DISTRICTS + 1)
    print(
        f"projected idle run at {PROJECTED_DISTRICTS} districts: {projected:.1f} s "
        f"({projected / BEAT_INTERVAL_SECONDS:.0%} of beat's {BEAT_INTERVAL_SECONDS} s interval); "
        f"{load_average()}"
    )


if __name__ == "__main__":
    main()
