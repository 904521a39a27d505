"""Benchmark: importing a state's districts from a CSV file, end to end.

    .venv/bin/python bench/import_districts.py [--districts 1000] [--keep]
                                               [--database-url postgres://postgres@127.0.0.1:5432/postgres]

Writes a CSV of N districts (name,slug,region,adoption_stage) to a temporary file, creates a
fresh database and migrates it, then times `call_command("import_districts", path,
no_progress=True)`: checking every row, then provisioning each district (clone of the template,
domain, site, starter page publish, read-model sync run eagerly by Celery). Then times a second
run of the same import, which must create nothing (every row matched by slug), and checks that
there is exactly one District row, one schema and one read-model row per line of the file.
Each provision_district the import makes is also timed (by wrapping it in this process), and
printed by tenth of the file, to show whether the per-district cost grows as the import goes.

Goal: 1000 districts in under 600 s.
"""

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fresh_db import (
    add_database_arguments,
    describe_environment,
    fresh_database,
    load_average,
    percentile,
)

GOAL_SECONDS_PER_1000 = 600.0
# The importable stages; an empty cell means "unreported".
STAGES = ["not_considering", "considering", "developing", "finalized", ""]
REGIONS = ["North", "South", "East", "West", "Central", "Coastal", "Mountain", "Valley"]


def write_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "slug", "region", "adoption_stage"])
        for i in range(1, n + 1):
            writer.writerow(
                [
                    f"Bench County School District {i:04d}",
                    f"bench-{i:04d}",
                    f"{REGIONS[i % len(REGIONS)]} Region",
                    STAGES[i % len(STAGES)],
                ]
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--districts", type=int, default=1000, help="Rows in the CSV.")
    add_database_arguments(parser)
    args = parser.parse_args()
    if args.districts < 1:
        parser.error("--districts must be at least 1")

    with tempfile.TemporaryDirectory(prefix="bench_import_") as tmp:
        path = Path(tmp) / f"districts_{args.districts}.csv"
        write_csv(path, args.districts)
        with fresh_database(args, prefix="bench_import") as db:
            run(args, db, path)


def record_each_provisioning() -> list[float]:
    """Time every provision_district the import makes (a wrapper; the code is unchanged)."""
    # The app's modules load models: import them once fresh_database has set Django up.
    from spreadsheets import district_import as importing

    durations: list[float] = []
    provision = importing.provision_district

    def timed_provision(*args, **kwargs):
        started = time.perf_counter()
        try:
            return provision(*args, **kwargs)
        finally:
            durations.append(time.perf_counter() - started)

    importing.provision_district = timed_provision
    return durations


def print_growth(durations: list[float], parts: int = 10) -> None:
    """Per-district time over the course of the import, in `parts` equal slices."""
    if len(durations) < parts:
        return
    size = len(durations) // parts
    print("\nprovision_district during the first import, by slice of the file (seconds):")
    print(f"{'districts':<12} {'median':>8} {'p95':>8}")
    for start in range(0, size * parts, size):
        chunk = durations[start : start + size]
        print(
            f"{start + 1:>5}-{start + size:<6} {statistics.median(chunk):>8.3f} "
            f"{percentile(chunk, 0.95):>8.3f}"
        )


def timed_import(path: Path) -> tuple[float, str]:
    from django.core.management import call_command

    out = io.StringIO()
    started = time.perf_counter()
    call_command("import_districts", str(path), no_progress=True, stdout=out)
    return time.perf_counter() - started, out.getvalue().strip()


def run(args, db, path: Path) -> None:
    from django.db import connection

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.models import District, DistrictListing, schema_name_for
    from tenants.template_schema import template_schema_name

    n = args.districts
    for line in describe_environment(db):
        print(line)
    print(f"CSV: {path.name}, {n} rows, {os.path.getsize(path)} bytes\n")

    durations = record_each_provisioning()
    first, first_out = timed_import(path)
    print(f"first import:  {first_out}")
    second, second_out = timed_import(path)
    print(f"second import: {second_out}")
    print(f"after both: {load_average()}")

    connection.set_schema_to_public()
    districts = District.objects.count()
    distinct_slugs = District.objects.values("slug").distinct().count()
    listings = DistrictListing.objects.count()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'district\\_%%' AND nspname <> %s",
            [template_schema_name()],
        )
        schemas = {row[0] for row in cursor.fetchall()}
    expected_schemas = {schema_name_for(f"bench-{i:04d}") for i in range(1, n + 1)}
    ok = districts == n and distinct_slugs == n and schemas == expected_schemas and listings == n

    header = f"{'run':<32} {'districts':>9} {'total s':>9} {'s/district':>11} {'districts/s':>12}"
    print()
    print(header)
    print("-" * len(header))
    for title, seconds in (
        ("first import (creates)", first),
        ("second import, same file", second),
    ):
        total = f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"
        print(f"{title:<32} {n:>9} {total:>9} {seconds / n:>11.3f} {n / seconds:>12.1f}")
    print("-" * len(header))
    print(
        f"check: {districts} District rows ({distinct_slugs} distinct slugs), {len(schemas)} "
        f"district schemas (template excluded), {listings} read-model rows; expected {n} each "
        f"-> {'OK' if ok else 'MISMATCH'}"
    )
    print_growth(durations)
    projected = first / n * 1000
    print(
        f"goal: 1000 districts imported in < {GOAL_SECONDS_PER_1000:.0f} s: "
        + (
            f"{first:.1f} s"
            if n == 1000
            else f"{projected:.1f} s projected linearly from {n} (optimistic if it slows down)"
        )
        + f" -> {'MET' if projected < GOAL_SECONDS_PER_1000 else 'MISSED'}"
    )
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
