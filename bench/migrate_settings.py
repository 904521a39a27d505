# ruff: noqa: F403, F405
"""Settings for bench/migrate.py: development settings plus one small district app whose
migration the benchmark un-records and drops, so that it is new to every schema."""

from portal.settings.dev import *

TENANT_APPS = [*TENANT_APPS, "bench.release_app"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench.release_app"]
LOGGING["root"]["level"] = "ERROR"
