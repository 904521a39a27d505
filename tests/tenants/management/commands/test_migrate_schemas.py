"""migrate_schemas: the template first, then every district that differs from it, in parallel,
each outcome recorded, one district's failure stopping no other, a re-run picking up the rest.

A district is put behind the template by unapplying the `progress` app in it (its tables are
dropped and its migration records removed), which is what a release adding that app would
find. This module commits (the worker processes read from their own connections), so it
makes districts of its own.
"""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_context

from tenants.models import District, SchemaMigrationRecord
from tenants.schema_migrations import SchemaMigrator, schemas_behind
from tenants.template_schema import template_schema_name
from tests.conftest import provision

pytestmark = pytest.mark.django_db(transaction=True)


PROGRESS_MIGRATION = "progress.0001_initial"


def unapply_progress(district: District) -> None:
    call_command(
        "migrate_schemas", "progress", "zero", schema_name=district.schema_name,
        interactive=False, verbosity=0,
    )  # fmt: skip


def has_table(schema_name: str, table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [f'"{schema_name}".{table}'])
        return cursor.fetchone()[0]


def recorded(schema_name: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT app, name FROM "{schema_name}".django_migrations')
        return {f"{app}.{name}" for app, name in cursor.fetchall()}


def migrate_every_schema(**options) -> None:
    call_command("migrate_schemas", interactive=False, verbosity=0, parallel=2, **options)


def test_nothing_to_do_migrates_no_district(monkeypatch, capsys):
    districts = [provision("Mig Up One", "mig-up-one"), provision("Mig Up Two", "mig-up-two")]
    schemas = [district.schema_name for district in districts]
    assert schemas_behind(template_schema_name(), schemas) == []

    def no_migrator(*args, **kwargs):
        raise AssertionError("a district was handed to the migration executor")

    monkeypatch.setattr(SchemaMigrator, "__init__", no_migrator)
    call_command("migrate_schemas", interactive=False, verbosity=1, parallel=2)

    assert "0 of" in capsys.readouterr().out
    assert not SchemaMigrationRecord.objects.exists()


def test_a_district_behind_is_migrated_and_recorded():
    behind = provision("Mig Behind", "mig-behind")
    current = provision("Mig Current", "mig-current")
    unapply_progress(behind)
    assert not has_table(behind.schema_name, "progress_actionplan")
    assert schemas_behind(template_schema_name(), [behind.schema_name, current.schema_name]) == [
        behind.schema_name
    ]

    migrate_every_schema()

    assert has_table(behind.schema_name, "progress_actionplan")
    assert recorded(behind.schema_name) == recorded(template_schema_name())
    record = SchemaMigrationRecord.objects.get()
    progress_migrations = sorted(
        name for name in recorded(template_schema_name()) if name.startswith("progress.")
    )
    assert (record.schema_name, record.succeeded, sorted(record.applied)) == (
        behind.schema_name,
        True,
        progress_migrations,
    )
    # Its new models got their content types and permissions, as Django's migrate makes them.
    with schema_context(behind.schema_name):
        from django.contrib.auth.models import Permission

        assert Permission.objects.filter(codename="add_actionplan").exists()


def test_a_failing_district_stops_no_other_and_a_rerun_continues():
    healthy = provision("Mig Healthy", "mig-healthy")
    broken = provision("Mig Broken", "mig-broken")
    for district in (healthy, broken):
        unapply_progress(district)
    with connection.cursor() as cursor:
        # Something in the way of the migration's first table, in one district only.
        cursor.execute(f'CREATE TABLE "{broken.schema_name}".progress_actionplan (id int)')

    with pytest.raises(CommandError, match="mig_broken"):
        migrate_every_schema()

    assert has_table(healthy.schema_name, "progress_actionstep")
    # The failed migration left nothing half-made: its other tables and its record are absent.
    assert not has_table(broken.schema_name, "progress_actionstep")
    assert PROGRESS_MIGRATION not in recorded(broken.schema_name)
    failure = SchemaMigrationRecord.objects.get(schema_name=broken.schema_name)
    assert not failure.succeeded
    assert "already exists" in failure.error
    assert failure.applied == []

    with connection.cursor() as cursor:
        cursor.execute(f'DROP TABLE "{broken.schema_name}".progress_actionplan')
    migrate_every_schema()

    assert has_table(broken.schema_name, "progress_actionstep")
    second_run = SchemaMigrationRecord.objects.exclude(run_started_at=failure.run_started_at)
    assert [(r.schema_name, r.succeeded) for r in second_run] == [(broken.schema_name, True)]
