"""Benchmark: how long it takes to make one district, by four methods, side by side.

    .venv/bin/python bench/provision.py [--districts 50] [--migrate-sample 5] [--keep]
                                        [--database-url postgres://postgres@127.0.0.1:5432/postgres]

Creates a fresh database, migrates it (public schema + district template), then times, per
district:

  migrations            CREATE SCHEMA + `migrate_schemas --tenant --schema=<name>`: what happens
                        without a template (django-tenants' standard executor). Slow, so only
                        --migrate-sample districts are timed this way.
  django-tenants clone  django_tenants.clone.CloneSchema().clone_schema(template, new, "DATA"),
                        then, on its own line, the faked `migrate_schemas` django-tenants runs
                        after a clone, and the two together.
  project clone         tenants.template_schema.clone_template(name) alone.
  full provisioning     tenants.provisioning.provision_district(DistrictSpec(...)): clone, domain,
                        site, starter page publish and the read-model sync (Celery runs eagerly,
                        inline). This is what create_district / import_districts do per district:
                        the headline figure.

The methods are interleaved round by round (the order rotating), so that each sees the same
growing number of schemas in the catalog. The first call of each method in the process is a
warm-up, reported separately and left out of the figures.
"""

import argparse
import statistics
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fresh_db import (
    add_database_arguments,
    describe_environment,
    fresh_database,
    load_average,
    percentile,
)

GOAL_MEDIAN_SECONDS = 0.5
GOAL_SPEEDUP = 10.0
STAGES = ["not_considering", "considering", "developing", "finalized", "unreported"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--districts", type=int, default=50, help="Districts per fast method.")
    parser.add_argument(
        "--migrate-sample",
        type=int,
        default=5,
        help="How many districts to time by migrations (each takes seconds).",
    )
    parser.add_argument(
        "--no-fake-migrate",
        action="store_true",
        help="Skip the faked migrate_schemas after each django-tenants clone.",
    )
    add_database_arguments(parser)
    args = parser.parse_args()
    if args.districts < 1 or args.migrate_sample < 1:
        parser.error("--districts and --migrate-sample must be at least 1")

    with fresh_database(args, prefix="bench_provision") as db:
        run(args, db)


def run(args, db) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django_tenants.clone import CloneSchema

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.models import District, DistrictListing
    from tenants.provisioning import DistrictSpec, provision_district
    from tenants.template_schema import clone_template, template_schema_name

    template = template_schema_name()
    n = args.districts
    k = min(args.migrate_sample, n)
    migrate_rounds = {round(j * n / k) for j in range(k)}
    fake = not args.no_fake_migrate

    for line in describe_environment(db):
        print(line)
    print(
        f"timing {n} districts per fast method, {k} by migrations "
        f"(rounds {sorted(migrate_rounds)}), interleaved\n"
    )

    times: dict[str, list[float]] = {
        "migrations": [],
        "dt_clone": [],
        "dt_fake": [],
        "dt_both": [],
        "project_clone": [],
        "provision": [],
    }

    def timed(fn) -> float:
        connection.set_schema_to_public()
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started

    def by_migrations(i: int) -> None:
        name = f"bench_mig_{i:04d}"

        def make():
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE SCHEMA "{name}"')
            call_command(
                "migrate_schemas", tenant=True, schema_name=name, interactive=False, verbosity=0
            )
            connection.ensure_connection()  # the executor closes the connection after migrating

        times["migrations"].append(timed(make))

    def by_dt_clone(i, record=True) -> None:
        name = f"bench_dtc_{i}"
        clone = timed(lambda: CloneSchema().clone_schema(template, name, "DATA"))
        faked = 0.0
        if fake:

            def fake_migrate():
                call_command(
                    "migrate_schemas",
                    tenant=True,
                    fake=True,
                    schema_name=name,
                    interactive=False,
                    verbosity=0,
                )
                connection.ensure_connection()

            faked = timed(fake_migrate)
        if record:
            times["dt_clone"].append(clone)
            times["dt_fake"].append(faked)
            times["dt_both"].append(clone + faked)
        return clone, faked

    def by_project_clone(i, record=True) -> float:
        def clone():
            with transaction.atomic():
                clone_template(f"bench_pc_{i}")

        elapsed = timed(clone)
        if record:
            times["project_clone"].append(elapsed)
        return elapsed

    def by_provisioning(i, record=True) -> float:
        spec = DistrictSpec(
            name=f"Bench District {i}",
            slug=f"bench-{i}",
            region=f"Region {zlib.crc32(str(i).encode()) % 9 + 1}",
            adoption_stage=STAGES[zlib.crc32(str(i).encode()) % len(STAGES)],
        )
        elapsed = timed(lambda: provision_district(spec))
        if record:
            times["provision"].append(elapsed)
        return elapsed

    # Warm-up: the first call in a process pays one-time costs (the template's migration check,
    # reading the clone plan, Wagtail's first revision/publish). Provisioning goes first so that
    # its figure is what a lone `create_district` pays for them.
    warm_provision = by_provisioning("warm", record=False)
    warm_project = by_project_clone("warm", record=False)
    warm_dt, warm_fake = by_dt_clone("warm", record=False)
    faked_note = f" + faked migrate {warm_fake:.3f} s" if fake else ""
    print(
        "first call in the process (warm-up, not in the table): "
        f"full provisioning {warm_provision:.3f} s, project clone {warm_project:.3f} s, "
        f"django-tenants clone {warm_dt:.3f} s{faked_note}"
    )

    fast_methods = [by_dt_clone, by_project_clone, by_provisioning]
    started = time.perf_counter()
    for i in range(n):
        label = f"{i:04d}"
        for offset in range(len(fast_methods)):
            fast_methods[(i + offset) % len(fast_methods)](label)
        if i in migrate_rounds:
            by_migrations(i)
        if sys.stderr.isatty():
            print(f"\r  round {i + 1}/{n}", end="", file=sys.stderr, flush=True)
    print(f"\r  {n} rounds in {time.perf_counter() - started:.1f} s; {load_average()}")

    # Sanity: every provisioned district has its row, its schema and its read-model row.
    connection.set_schema_to_public()
    districts = District.objects.filter(slug__startswith="bench-").count()
    listings = DistrictListing.objects.filter(district__slug__startswith="bench-").count()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'district\\_bench\\_%'"
        )
        schemas = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
            "AND nspname <> 'information_schema'"
        )
        all_schemas = cursor.fetchone()[0]
    print(
        f"\ncheck: {districts} districts provisioned, {schemas} schemas, {listings} read-model "
        f"rows (expected {n + 1} each, warm-up included); {all_schemas} schemas in the database"
    )

    baseline = statistics.median(times["migrations"])
    rows = [
        ("migrations (CREATE SCHEMA + migrate_schemas)", "migrations"),
        ("django-tenants clone (CloneSchema, DATA)", "dt_clone"),
    ]
    if fake:
        rows += [
            ("  faked migrate_schemas after that clone", "dt_fake"),
            ("django-tenants clone + faked migrate", "dt_both"),
        ]
    rows += [
        ("project clone (clone_template)", "project_clone"),
        ("full provisioning (provision_district)", "provision"),
    ]
    header = f"{'method':<46} {'n':>4} {'median s':>9} {'p95 s':>8} {'vs migrations':>14}"
    print()
    print(header)
    print("-" * len(header))
    for title, key in rows:
        values = times[key]
        median = statistics.median(values)
        ratio = baseline / median if median else float("inf")
        print(
            f"{title:<46} {len(values):>4} {median:>9.3f} {percentile(values, 0.95):>8.3f} "
            f"{ratio:>13.1f}x"
        )
    print("-" * len(header))
    print(
        f"'vs migrations' = median of migrations / median of the method (higher is faster); "
        f"migrations timed on {k} of {n} districts (--migrate-sample); p95 is nearest-rank."
    )

    headline = statistics.median(times["provision"])
    speedup = baseline / headline
    print()
    print(
        f"goal: full provisioning median < {GOAL_MEDIAN_SECONDS} s: {headline:.3f} s "
        f"-> {'MET' if headline < GOAL_MEDIAN_SECONDS else 'MISSED'}"
    )
    print(
        f"goal: full provisioning >= {GOAL_SPEEDUP:.0f}x faster than migrations: {speedup:.1f}x "
        f"-> {'MET' if speedup >= GOAL_SPEEDUP else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
