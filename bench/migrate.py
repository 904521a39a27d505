"""Benchmark: `migrate_schemas` at 100 districts and at the largest size made in the time given.

    .venv/bin/python bench/migrate.py [--sizes 100,1300] [--budget 600] [--sample 10]
                                      [--parallel N] [--keep] [--database-url ...]

Creates a fresh database with bench/migrate_settings.py (development settings plus one small
district app, bench/release_app, whose one migration plays a new release's), then, for each
size, clones districts from the template (tenants/cloning.py, as provisioning does) until the
size is reached or --budget seconds of cloning have passed, and times:

  nothing to do       `migrate_schemas` (public schema, template, every district) with every
                      schema up to date; and the fingerprint check alone.
  one new migration   the release app's migration un-recorded and its table dropped in every
                      schema (the template too), then `migrate_schemas`.

Beside each, django-tenants' standard executor (its own `migrate_schemas --executor standard
--schema <name>`, the work it does for each district) on --sample districts, printed
per district and extrapolated to the size (running it on every schema would take most of an
hour at 1,300). The machine's load average is printed with the figures.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _fresh_db
from _fresh_db import add_database_arguments, describe_environment, fresh_database, load_average

GOAL_NOTHING_TO_DO_SECONDS = 60
GOAL_ONE_MIGRATION_SECONDS = 600
RELEASE_APP = "release_app"
RELEASE_TABLE = "release_app_releasenote"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1300", help="District counts, ascending.")
    parser.add_argument("--budget", type=float, default=600, help="Seconds of cloning at most.")
    parser.add_argument("--sample", type=int, default=10, help="Districts timed by the baseline.")
    parser.add_argument("--parallel", type=int, default=None, help="Processes (default: CPUs).")
    add_database_arguments(parser)
    args = parser.parse_args()
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    _fresh_db.SETTINGS_MODULE = "bench.migrate_settings"
    with fresh_database(args, prefix="bench_migrate") as db:
        run(args, db)


def run(args, db) -> None:
    for line in describe_environment(db):
        print(line)
    print(f"processes: {args.parallel or 'one per CPU'}; baseline sample: {args.sample}\n")

    clone_started = time.perf_counter()
    made = 0
    rows = []
    for size in args.sizes:
        made = add_districts(made, size, clone_started + args.budget)
        reached = made == size
        print(f"-- {made} districts{'' if reached else f' (cloning budget spent before {size})'}")
        rows.append(measure(args, made))
        if not reached:
            break
    print(f"\ncloning: {time.perf_counter() - clone_started:.0f} s in all, with the measurements")
    report(rows)


def add_districts(made: int, size: int, deadline: float) -> int:
    from django.db import OperationalError, connection, transaction

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.models import District
    from tenants.template_schema import clone_template

    while made < size and time.perf_counter() < deadline:
        schema = f"district_bench_{made:05d}"
        try:
            with transaction.atomic():
                clone_template(schema)
                District.objects.bulk_create(
                    [District(name=f"Bench {made}", slug=f"bench-{made:05d}", schema_name=schema)]
                )
        except OperationalError as error:
            # The server's lock table is shared with whatever else runs on it: wait, retry.
            print(f"   clone of {schema} failed ({error}); retrying", flush=True)
            time.sleep(2)
            continue
        finally:
            connection.set_schema_to_public()
        made += 1
        if made % 100 == 0:
            print(f"   cloned {made} ({load_average()})", flush=True)
    return made


def district_schemas() -> list[str]:
    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.models import District

    return list(District.objects.order_by("schema_name").values_list("schema_name", flat=True))


def unrecord_release(schemas: list[str]) -> None:
    """Make the release app's migration new to these schemas, as a release's would be."""
    from django.db import connection

    with connection.cursor() as cursor:
        for schema in schemas:
            cursor.execute(f'DROP TABLE IF EXISTS "{schema}".{RELEASE_TABLE}')
            cursor.execute(
                f'DELETE FROM "{schema}".django_migrations WHERE app = %s', [RELEASE_APP]
            )


def timed(fn) -> float:
    from django.db import connection

    connection.set_schema_to_public()
    started = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - started
    connection.set_schema_to_public()
    return elapsed


def baseline_per_schema(schemas: list[str]) -> float:
    """django-tenants' standard executor, one schema at a time, as it runs each district."""
    from django.core.management import call_command
    from django_tenants.management.commands.migrate_schemas import MigrateSchemasCommand

    def each():
        for schema in schemas:
            call_command(
                MigrateSchemasCommand(), schema_name=schema, executor="standard",
                interactive=False, verbosity=0,
            )  # fmt: skip

    return timed(each) / len(schemas)


def measure(args, size: int) -> dict:
    from django.core.management import call_command

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.schema_migrations import schemas_behind
    from tenants.template_schema import template_schema_name

    def migrate_all():
        call_command("migrate_schemas", interactive=False, verbosity=0, parallel=args.parallel)

    schemas = district_schemas()
    sample = schemas[:: max(1, len(schemas) // args.sample)][: args.sample]
    row = {"size": size, "load_before": load_average()}
    row["check"] = timed(lambda: schemas_behind(template_schema_name(), schemas))
    row["nothing"] = timed(migrate_all)
    row["base_nothing"] = baseline_per_schema(sample)

    unrecord_release([template_schema_name(), *schemas])
    row["one"] = timed(migrate_all)
    unrecord_release(sample)
    row["base_one"] = baseline_per_schema(sample)
    row["load_after"] = load_average()
    print(
        f"   nothing to do {row['nothing']:.1f} s, one new migration {row['one']:.1f} s "
        f"({row['load_after']})",
        flush=True,
    )
    return row


def report(rows: list[dict]) -> None:
    header = (
        f"{'districts':>9} {'case':<18} {'total s':>9} {'ms/district':>12} "
        f"{'standard ms/district':>21} {'standard total s (extrap.)':>27} {'ratio':>6}"
    )
    print()
    print(header)
    print("-" * len(header))
    for row in rows:
        n = row["size"]
        for case, ours, base in (
            ("nothing to do", row["nothing"], row["base_nothing"]),
            ("one new migration", row["one"], row["base_one"]),
        ):
            print(
                f"{n:>9} {case:<18} {ours:>9.1f} {1000 * ours / n:>12.1f} "
                f"{1000 * base:>21.1f} {base * n:>27.0f} {base * n / ours:>5.1f}x"
            )
        check = row["check"]
        print(f"{'':>9} {'(check alone)':<18} {check:>9.2f} {1000 * check / n:>12.2f}")
        print(f"{'':>9} load: {row['load_before']} before, {row['load_after']} after")
    print("-" * len(header))
    print(
        "totals include the public schema and the template; 'standard' is django-tenants' "
        "per-schema run_migrations on a sample, extrapolated to every district; "
        "ratio = extrapolated standard / ours."
    )
    largest = rows[-1]
    for label, key, goal in (
        ("nothing to do", "nothing", GOAL_NOTHING_TO_DO_SECONDS),
        ("one new migration", "one", GOAL_ONE_MIGRATION_SECONDS),
    ):
        met = largest[key] < goal
        print(
            f"goal: {label} at {largest['size']} districts under {goal} s: "
            f"{largest[key]:.1f} s -> {'MET' if met else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
