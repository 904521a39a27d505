"""Wagtail's scheduled publishing, in the state's schema and in every district's.

Wagtail's `publish_scheduled` command publishes the revisions whose go-live time has come and
unpublishes expired pages, in the one schema the connection is in. Here it runs in each schema
in turn, with that schema's tenant set, so publish signals start each district's own sync.
"""

import logging
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.utils import tenant_context

from tenants.models import District
from tenants.state import StateTenant

logger = logging.getLogger(__name__)

# Runs started by beat every minute must never overlap: both would publish the same revision.
_RUN_LOCK_KEY = zlib.crc32(b"publishing.scheduling.publish_scheduled_everywhere")


@dataclass
class ScheduledRun:
    schemas: int = 0
    failed: list[str] = field(default_factory=list)
    already_running: bool = False


def scheduled_tenants() -> list:
    """The state first, then every active district."""
    return [StateTenant(), *District.objects.active().order_by("schema_name")]


def publish_scheduled_everywhere(
    tenants: list | None = None, progress: Callable[[object], None] | None = None
) -> ScheduledRun:
    """Run Wagtail's scheduled publishing in each tenant's schema; a failure in one schema is
    logged, rolled back and retried by the next run, and does not stop the others."""
    tenants = scheduled_tenants() if tenants is None else tenants
    run = ScheduledRun()
    with _exclusive_run() as acquired:
        if not acquired:
            run.already_running = True
            return run
        for tenant in tenants:
            try:
                with tenant_context(tenant), transaction.atomic():
                    call_command("publish_scheduled")
            except Exception:  # any page's failure must not hold back every other schema
                logger.exception("Scheduled publishing failed in %s.", tenant.schema_name)
                run.failed.append(tenant.schema_name)
            run.schemas += 1
            if progress is not None:
                progress(tenant)
    return run


@contextmanager
def _exclusive_run() -> Iterator[bool]:
    """A PostgreSQL advisory lock held by this run's connection; released if it dies."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_RUN_LOCK_KEY])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_RUN_LOCK_KEY])
