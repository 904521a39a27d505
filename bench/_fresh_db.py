"""Shared by the benchmarks: make a fresh database, point Django at it, migrate, drop it after.

Everything here runs before Django is imported, because the settings read DATABASE_URL once,
at import time. Use it as

    with fresh_database(args, prefix="bench_provision") as db:
        ...  # Django is set up and migrated (public schema and district template)

The database is created on the server named by --database-url (default: $DATABASE_URL, else
the local server at 127.0.0.1:5432) and dropped on the way out unless --keep. If no server
answers and DATABASE_URL is unset, a throwaway embedded PostgreSQL (pgserver) is started in a
temporary directory instead.

The benchmarks run with no broker: REDIS_URL and CELERY_BROKER_URL are removed from the
environment so that Celery runs tasks eagerly, inline, and their cost is part of what is timed.
"""

import argparse
import atexit
import math
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

# Benchmarks import this module from their own folder. Once it is loaded that folder leaves the
# path, so that `import graphql` finds graphql-core and not bench/graphql.py.
BENCH_DIR = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != BENCH_DIR]

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"
SETTINGS_MODULE = "portal.settings.dev"


def add_database_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or None,
        help="Server to create the throwaway database on (any database on it; default: "
        f"$DATABASE_URL, else {DEFAULT_SERVER_URL}; embedded PostgreSQL if neither answers).",
    )
    parser.add_argument(
        "--keep", action="store_true", help="Keep the benchmark database instead of dropping it."
    )


@dataclass
class FreshDatabase:
    name: str
    url: str  # what Django was given; "" for the embedded fallback
    where: str  # for the report
    setup_seconds: float = 0.0  # migrate_schemas: public schema and district template


def _with_database(server_url: str, name: str) -> str:
    return urlunparse(urlparse(server_url)._replace(path="/" + name))


def _server_answers(server_url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(server_url, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def _drop(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _prepare_environment() -> None:
    for var in ("REDIS_URL", "CELERY_BROKER_URL"):
        if os.environ.pop(var, None) is not None:
            print(f"note: ignoring {var} so that Celery runs tasks eagerly (no broker)")
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    os.chdir(REPO_ROOT)


def _setup_django_and_migrate(db: FreshDatabase) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate_schemas", interactive=False, verbosity=0)
    db.setup_seconds = time.perf_counter() - started


def _close_django_connections() -> None:
    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()


@contextmanager
def fresh_database(args: argparse.Namespace, prefix: str):
    """Create the database, set up Django on it and migrate; drop it afterwards unless --keep."""
    _prepare_environment()
    name = f"{prefix}_{time.strftime('%Y%m%d_%H%M%S')}_{os.getpid()}"
    explicit = args.database_url is not None
    server_url = args.database_url or DEFAULT_SERVER_URL
    if explicit or _server_answers(server_url):
        yield from _on_server(args, server_url, name)
    else:
        yield from _embedded(args)


def _on_server(args, server_url: str, name: str):
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        version = conn.execute("SHOW server_version").fetchone()[0]
    url = _with_database(server_url, name)
    os.environ["DATABASE_URL"] = url
    parsed = urlparse(url)
    db = FreshDatabase(
        name=name, url=url, where=f"{parsed.hostname}:{parsed.port or 5432} (PostgreSQL {version})"
    )
    try:
        _setup_django_and_migrate(db)
        yield db
    finally:
        _close_django_connections()
        if args.keep:
            print(f"\nkept database {name} ({url})")
        else:
            _drop(server_url, name)
            print(f"\ndropped database {name}")


def _embedded(args):
    """No server answers: a throwaway pgserver cluster in a temporary directory."""
    os.environ.pop("DATABASE_URL", None)
    data_dir = Path(tempfile.mkdtemp(prefix="bench_pg_"))
    os.environ["PORTAL_DATA_DIR"] = str(data_dir)
    if not args.keep:
        # Registered before pgserver starts, so it runs after pgserver's own stop (LIFO).
        atexit.register(shutil.rmtree, data_dir, ignore_errors=True)
    db = FreshDatabase(name="portal", url="", where=f"embedded PostgreSQL under {data_dir}")
    try:
        _setup_django_and_migrate(db)
        yield db
    finally:
        _close_django_connections()
        if args.keep:
            print(f"\nkept the embedded cluster under {data_dir}")
        else:
            print(f"\nthe embedded cluster under {data_dir} is removed at exit")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (with few samples, p95 is the largest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(round(fraction * len(ordered), 9)))
    return ordered[rank - 1]


def describe_environment(db: FreshDatabase) -> list[str]:
    """Versions and the template's size, for the report header. Django must be set up."""
    import django
    import django_tenants
    import wagtail
    from django.conf import settings
    from django.db import connection

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.template_schema import template_schema_name

    template = template_schema_name()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE c.relkind IN ('r', 'p')), "
            "       count(*) FILTER (WHERE c.relkind = 'i') "
            "  FROM pg_class c WHERE c.relnamespace = %s::regnamespace",
            [template],
        )
        tables, indexes = cursor.fetchone()
        cursor.execute(f'SELECT count(*) FROM "{template}".django_migrations')
        migrations = cursor.fetchone()[0]
    eager = getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    return [
        f"database: {db.name} on {db.where}",
        f"Python {sys.version.split()[0]}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}, django-tenants {_version(django_tenants)}; "
        f"settings {os.environ['DJANGO_SETTINGS_MODULE']} (DEBUG={settings.DEBUG}), "
        f"Celery eager={eager}",
        f"template schema {template}: {tables} tables, {indexes} indexes, "
        f"{migrations} migration records ({len(settings.TENANT_APPS)} district apps)",
        f"set-up (migrate_schemas: public schema + template): {db.setup_seconds:.1f} s",
        f"machine: {os.cpu_count()} CPUs, {load_average()} "
        "(other work on the machine skews the figures)",
    ]


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def _version(module) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(module.__name__.replace("_", "-"))
    except PackageNotFoundError:
        return getattr(module, "__version__", "?")
