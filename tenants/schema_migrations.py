"""Bringing every district schema up to the template's migrations, in parallel.

The template is migrated first, so its `django_migrations` rows are the set every district
must hold. One catalog query per batch of schemas compares each district's rows with that set
(a fingerprint of the sorted names), so a release with nothing new costs a few queries, not a
migration graph per schema. The districts that differ are migrated by a pool of processes;
each process loads the migration graph once and keeps the project state it computed for each
starting point, instead of Django's migrate command rebuilding both for every schema.
"""

import multiprocessing
import os
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

FINGERPRINT_BATCH = 200
# A backend caches every relation it touches; a new connection now and then keeps it small.
SCHEMAS_PER_CONNECTION = 50

_FINGERPRINT = (
    "SELECT %s::text, count(*), "
    "md5(coalesce(string_agg(app || '.' || name, ',' ORDER BY app, name), '')) "
    "FROM {table}"
)


@dataclass
class SchemaOutcome:
    """What one run did in one schema."""

    schema_name: str
    applied: list[str] = field(default_factory=list)
    error: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def succeeded(self) -> bool:
        return not self.error


def migration_fingerprints(schema_names: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Each schema's count and digest of its recorded migrations; absent if it has no record."""
    names = list(schema_names)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid "
            "WHERE c.relname = 'django_migrations' AND n.nspname = ANY(%s)",
            [names],
        )
        recorded = [row[0] for row in cursor.fetchall()]
        fingerprints = {}
        for start in range(0, len(recorded), FINGERPRINT_BATCH):
            batch = recorded[start : start + FINGERPRINT_BATCH]
            parts = [
                _FINGERPRINT.format(table=f"{connection.ops.quote_name(name)}.django_migrations")
                for name in batch
            ]
            cursor.execute(" UNION ALL ".join(parts), batch)
            fingerprints.update({name: (count, digest) for name, count, digest in cursor})
    return fingerprints


def schemas_behind(reference_schema: str, schema_names: Iterable[str]) -> list[str]:
    """The schemas whose recorded migrations differ from the reference schema's, in order."""
    names = list(schema_names)
    fingerprints = migration_fingerprints([reference_schema, *names])
    expected = fingerprints.get(reference_schema)
    return [name for name in names if fingerprints.get(name) != expected]


class SchemaMigrator:
    """Applies pending migrations to one schema after another on this process's connection."""

    def __init__(self):
        self.executor = MigrationExecutor(connection)
        self._states = {}  # the project state for each set of applied migrations seen
        self._schemas_on_connection = 0
        self._recorded_before: set[tuple[str, str]] = set()

    def migrate(self, schema_name: str) -> SchemaOutcome:
        outcome = SchemaOutcome(schema_name, started_at=timezone.now())
        self._recorded_before = set()
        try:
            outcome.applied = self._apply_pending(schema_name)
        except Exception:  # reported in the schema's record; the other schemas carry on
            outcome.error = traceback.format_exc(limit=8)
            outcome.applied = self._newly_recorded(schema_name)
        finally:
            self._recycle_connection()
        outcome.finished_at = timezone.now()
        return outcome

    def _apply_pending(self, schema_name: str) -> list[str]:
        executor = self.executor
        connection.set_schema(schema_name, include_public=False)
        executor.recorder.ensure_schema()
        connection.set_schema(schema_name)  # the public schema's extensions stay on the path
        applied = executor.recorder.applied_migrations()
        self._recorded_before = set(applied)
        executor.loader.applied_migrations = applied
        targets = executor.loader.graph.leaf_nodes()
        plan = executor.migration_plan(targets)
        if not plan:
            return []
        key = frozenset(applied)
        if key not in self._states:
            self._states[key] = executor._create_project_state(with_applied_migrations=True)
        executor.migrate(targets, plan=plan, state=self._states[key].clone())
        # Content types and permissions for new models, as Django's migrate command makes them;
        # with the code's own models, which the schema now matches, rather than rendering the
        # migrated state's again for every schema.
        emit_post_migrate_signal(0, False, connection.alias, plan=plan)
        return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]

    def _newly_recorded(self, schema_name: str) -> list[str]:
        """The migrations a failed run still completed (each is atomic, so those stand)."""
        try:
            connection.set_schema(schema_name, include_public=False)
            now = set(self.executor.recorder.applied_migrations())
        except Exception:  # the connection itself failed: nothing more can be known
            return []
        if not self._recorded_before:  # failed before reading what was there
            return []
        return sorted(f"{app}.{name}" for app, name in now - self._recorded_before)

    def _recycle_connection(self) -> None:
        self._schemas_on_connection += 1
        if self._schemas_on_connection >= SCHEMAS_PER_CONNECTION:
            connection.close()
            self._schemas_on_connection = 0
        connection.set_schema_to_public()


_process_migrator: SchemaMigrator | None = None


def _migrate_in_worker(schema_name: str) -> SchemaOutcome:
    global _process_migrator
    if _process_migrator is None:
        _process_migrator = SchemaMigrator()
    return _process_migrator.migrate(schema_name)


def _start_worker() -> None:
    # The parent's connection objects came along with the fork; this process opens its own.
    for conn in connections.all(initialized_only=True):
        conn.connection = None


def migrate_schemas_in_parallel(
    schema_names: list[str], processes: int | None = None
) -> Iterator[SchemaOutcome]:
    """Migrate each schema, yielding its outcome as it finishes; a failure stops no other."""
    processes = max(1, min(processes or os.cpu_count() or 1, len(schema_names)))
    if processes == 1 or not schema_names:
        migrator = SchemaMigrator()
        for name in schema_names:
            yield migrator.migrate(name)
        connection.set_schema_to_public()
        return
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_start_worker, maxtasksperchild=None) as pool:
        yield from pool.imap_unordered(_migrate_in_worker, schema_names)
