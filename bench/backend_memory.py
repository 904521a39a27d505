"""Benchmark: a PostgreSQL backend's memory after serving a page from every district.

    .venv/bin/python bench/backend_memory.py [--sizes 100,1300] [--budget 420] [--limit 100]
                                             [--keep] [--database-url ...]

Creates a fresh database, then for each size clones districts from the template (with their
host names) until the size is reached or --budget seconds of cloning have passed, and serves
each district's home page once through Django's request handling (the page cache off, so
every request reads its district's tables), on one persistent connection, as a gunicorn
worker does, twice:

  kept        the connection is never retired by the number of schemas it has worked in
              (DB_SCHEMAS_PER_CONNECTION=0: CONN_MAX_AGE alone, and no request reaches 60 s)
  retired     DB_SCHEMAS_PER_CONNECTION=--limit: Django's end-of-request check closes the
              connection once it has worked in more schemas than that

After each request it reads the backend's own memory (pg_backend_memory_contexts: all of it,
and the catalog caches under CacheMemoryContext) and prints the peak and the end figure. At
each size it also times the read model's rebuild and a scheduled-publishing run over every
district (nothing due), per district. The load average is printed with the figures.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fresh_db import add_database_arguments, describe_environment, fresh_database, load_average

MEMORY = """
SELECT sum(total_bytes),
       sum(total_bytes) FILTER (WHERE name = 'CacheMemoryContext' OR parent = 'CacheMemoryContext')
  FROM pg_backend_memory_contexts
"""
MB = 1024 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1300", help="District counts, ascending.")
    parser.add_argument("--budget", type=float, default=420, help="Seconds of cloning at most.")
    parser.add_argument("--limit", type=int, default=100, help="DB_SCHEMAS_PER_CONNECTION.")
    add_database_arguments(parser)
    args = parser.parse_args()
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    with fresh_database(args, prefix="bench_memory") as db:
        run(args, db)


def run(args, db) -> None:
    from django.conf import settings

    settings.WAGTAIL_CACHE = False
    for line in describe_environment(db):
        print(line)
    print(f"retiring limit: {args.limit} schemas per connection\n", flush=True)
    deadline = time.perf_counter() + args.budget
    made, rows = 0, []
    for size in args.sizes:
        made = add_districts(made, size, deadline)
        print(f"-- {made} districts ({load_average()})", flush=True)
        row = {"size": made, "load": load_average()}
        row["kept"] = serve_every_district(limit=0)
        row["retired"] = serve_every_district(limit=args.limit)
        row.update(time_state_runs())
        rows.append(row)
        if made < size:
            print(f"   cloning budget spent before {size}")
            break
    report(rows, args.limit)


def add_districts(made: int, size: int, deadline: float) -> int:
    from django.conf import settings
    from django.db import OperationalError, connection, transaction

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.models import District, Domain
    from tenants.template_schema import clone_template

    while made < size and time.perf_counter() < deadline:
        slug, schema = f"memory-{made:05d}", f"district_memory_{made:05d}"
        try:
            with transaction.atomic():
                clone_template(schema)
                district = District.objects.bulk_create(
                    [District(name=f"Memory {made}", slug=slug, schema_name=schema)]
                )[0]
                Domain.objects.create(
                    domain=f"{slug}.{settings.STATE_DOMAIN}", tenant=district, is_primary=True
                )
        except OperationalError as error:  # the server's lock table is shared: wait, retry
            print(f"   clone failed ({error}); retrying", flush=True)
            time.sleep(2)
            continue
        finally:
            connection.set_schema_to_public()
        made += 1
    return made


def backend_memory() -> tuple[int, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(MEMORY)
        return cursor.fetchone()


def serve_every_district(limit: int) -> dict:
    from django.conf import settings
    from django.db import close_old_connections, connection
    from django.test import Client

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.models import Domain

    settings.DB_SCHEMAS_PER_CONNECTION = limit
    connection.close()
    client = Client()
    hosts = list(Domain.objects.order_by("domain").values_list("domain", flat=True))
    peak_total = peak_cache = 0
    first_cache = None
    pids = set()
    started = time.perf_counter()
    for host in hosts:
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 200, f"{host} answered {response.status_code}"
        assert connection.schema_name.startswith("district_memory_"), "not routed to a district"
        total, cache = backend_memory()
        first_cache = cache if first_cache is None else first_cache
        peak_total, peak_cache = max(peak_total, total), max(peak_cache, cache)
        pids.add(connection.connection.info.backend_pid)
        close_old_connections()  # what Django's handler runs as each request finishes
    elapsed = time.perf_counter() - started
    end_total, end_cache = backend_memory()
    connection.close()
    return {
        "first_cache": first_cache,
        "peak_total": peak_total,
        "peak_cache": peak_cache,
        "end_total": end_total,
        "end_cache": end_cache,
        "connections": len(pids),
        "ms_per_page": 1000 * elapsed / len(hosts),
    }


def time_state_runs() -> dict:
    # The app's modules load models: import them once fresh_database has set Django up.
    from publishing.scheduling import publish_scheduled_everywhere
    from publishing.sync import rebuild_listings
    from tenants.models import District

    districts = list(District.objects.active())
    started = time.perf_counter()
    rebuild_listings(districts)
    rebuild = time.perf_counter() - started
    started = time.perf_counter()
    publish_scheduled_everywhere()
    scheduled = time.perf_counter() - started
    return {"rebuild": rebuild, "scheduled": scheduled}


def report(rows: list[dict], limit: int) -> None:
    header = (
        f"{'districts':>9} {'connection':<10} {'peak MB':>8} {'catalog MB':>11} "
        f"{'end MB':>7} {'connections':>11} {'ms/page':>8}"
    )
    print()
    print(header)
    print("-" * len(header))
    for row in rows:
        for label in ("kept", "retired"):
            m = row[label]
            print(
                f"{row['size']:>9} {label:<10} {m['peak_total'] / MB:>8.1f} "
                f"{m['peak_cache'] / MB:>11.1f} {m['end_total'] / MB:>7.1f} "
                f"{m['connections']:>11} {m['ms_per_page']:>8.1f}"
            )
        n = row["size"]
        kept = row["kept"]
        per_schema = (kept["peak_cache"] - kept["first_cache"]) / max(n - 1, 1) / 1024
        print(
            f"{'':>9} kept: {per_schema:.0f} KB more catalog cache for each further district, "
            f"so about {per_schema * 1300 / 1024:.0f} MB more per backend at 1,300 districts; "
            f"retired after {limit} schemas: at most about {per_schema * limit / 1024:.0f} MB more"
        )
        print(
            f"{'':>9} rebuild of the read model {row['rebuild']:.1f} s "
            f"({1000 * row['rebuild'] / n:.0f} ms a district, about "
            f"{row['rebuild'] / n * 1300 / 60:.1f} min at 1,300); scheduled publishing "
            f"{row['scheduled']:.1f} s ({1000 * row['scheduled'] / n:.0f} ms a district, about "
            f"{row['scheduled'] / n * 1300:.0f} s at 1,300); load: {row['load']}"
        )
    print("-" * len(header))
    print(
        "peak and end: pg_backend_memory_contexts of the serving connection's backend (the "
        "peak over every request; 'end' after the last); catalog = CacheMemoryContext and "
        "its children; connections = backends the run used."
    )


if __name__ == "__main__":
    main()
