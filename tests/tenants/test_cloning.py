"""A district cloned from the template is the template, structure, rows and sequences alike."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import connection
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Site

from portrait.models import DistrictHomePage, DistrictPortraitPage
from tenants import template_schema
from tenants.starter import APPROVERS, EDITORS, LEADERSHIP_TEAM, TEMPLATE_HOSTNAME, TRANSLATORS
from tenants.template_schema import (
    TemplateOutOfDate,
    clone_template,
    ensure_template_current,
    template_schema_name,
)

TABLES = """
SELECT c.relname FROM pg_class c
 WHERE c.relnamespace = %(ns)s::regnamespace AND c.relkind = 'r' ORDER BY c.relname
"""

# Ordered by position, but compared without attnum: the template may carry dropped columns.
COLUMNS = """
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE c.relnamespace = %(ns)s::regnamespace AND c.relkind = 'r'
   AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY c.relname, a.attnum
"""

CONSTRAINTS = """
SELECT c.relname, co.conname, co.contype, pg_get_constraintdef(co.oid)
  FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid
 WHERE co.connamespace = %(ns)s::regnamespace
 ORDER BY c.relname, co.conname
"""

FOREIGN_TARGET_SCHEMAS = """
SELECT DISTINCT ref.relnamespace::regnamespace::text
  FROM pg_constraint co JOIN pg_class ref ON ref.oid = co.confrelid
 WHERE co.connamespace = %(ns)s::regnamespace AND co.contype = 'f'
"""

# A partial index's predicate is printed, re-parsed and stored again by the clone (as by
# pg_dump and pg_restore), which may move its casts: compare its text only for plain indexes.
INDEXES = """
SELECT t.relname, c.relname, am.amname, i.indisunique, i.indisprimary,
       (SELECT array_agg(a.attname ORDER BY k.position)::text
          FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum),
       i.indclass::text, i.indoption::text, i.indpred IS NOT NULL,
       CASE WHEN i.indpred IS NULL THEN pg_get_indexdef(i.indexrelid) END
  FROM pg_index i
  JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_am am ON am.oid = c.relam
 WHERE c.relnamespace = %(ns)s::regnamespace
 ORDER BY t.relname, c.relname
"""

IDENTITY_COLUMNS = """
SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = %(ns)s::regnamespace AND c.relkind = 'r'
   AND a.attidentity <> '' AND NOT a.attisdropped
 ORDER BY c.relname
"""


def fetch(sql: str, schema: str, params: dict | None = None) -> list[tuple]:
    # The connection's search path is the public schema only, so the catalog functions
    # qualify every name in `schema`; normalise() then takes the schema name out.
    with connection.cursor() as cursor:
        cursor.execute(sql, {"ns": schema, **(params or {})})
        return cursor.fetchall()


def normalise(rows: list[tuple], schema: str) -> list[tuple]:
    prefix = f"{schema}."
    return [
        tuple(v.replace(prefix, "<schema>.") if isinstance(v, str) else v for v in row)
        for row in rows
    ]


def scalar(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


@pytest.fixture
def clone(db):
    """A throwaway clone of the template; the test's transaction rolls its DDL back."""
    name = f"clone_check_{uuid.uuid4().hex[:8]}"
    assert not schema_exists(name)
    clone_template(name)
    connection.set_schema_to_public()
    return name


@pytest.fixture
def template():
    return template_schema_name()


def test_the_clone_has_the_templates_tables(clone, template):
    template_tables = fetch(TABLES, template)

    assert "wagtailcore_page" in {row[0] for row in template_tables}
    assert fetch(TABLES, clone) == template_tables


def test_the_clone_has_the_templates_columns(clone, template):
    template_columns = normalise(fetch(COLUMNS, template), template)

    assert len(template_columns) > 100
    assert normalise(fetch(COLUMNS, clone), clone) == template_columns


def test_the_clone_has_the_templates_constraints(clone, template):
    template_constraints = normalise(fetch(CONSTRAINTS, template), template)

    assert {row[2] for row in template_constraints} >= {"p", "u", "f"}
    assert normalise(fetch(CONSTRAINTS, clone), clone) == template_constraints


def test_the_clones_foreign_keys_point_into_the_clone(clone, template):
    assert fetch(FOREIGN_TARGET_SCHEMAS, template) == [(template,)]
    assert fetch(FOREIGN_TARGET_SCHEMAS, clone) == [(clone,)]


def test_the_clone_has_the_templates_indexes(clone, template):
    template_indexes = normalise(fetch(INDEXES, template), template)

    assert any("_like" in row[1] for row in template_indexes)  # Django's varchar_pattern_ops
    assert normalise(fetch(INDEXES, clone), clone) == template_indexes


def test_the_clone_has_the_templates_rows(clone, template):
    def row_counts(schema):
        return {
            table: scalar(f'SELECT count(*) FROM "{schema}"."{table}"')
            for (table,) in fetch(TABLES, schema)
        }

    template_counts = row_counts(template)

    assert template_counts["wagtailcore_page"] >= 3
    assert row_counts(clone) == template_counts


def test_the_clone_has_the_templates_migration_records(clone, template):
    def migrations(schema):
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT id, app, name, applied FROM "{schema}".django_migrations')
            return sorted(cursor.fetchall())

    template_migrations = migrations(template)

    assert {row[1] for row in template_migrations} >= {"wagtailcore", "auth", "portrait"}
    assert migrations(clone) == template_migrations


def test_new_rows_in_the_clone_get_ids_after_the_templates(clone, template):
    template_max_group = scalar(f'SELECT max(id) FROM "{template}".auth_group')
    template_max_migration = scalar(f'SELECT max(id) FROM "{template}".django_migrations')

    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO \"{clone}\".auth_group (name) VALUES ('Readers') RETURNING id")
        group_id = cursor.fetchone()[0]
        cursor.execute(
            f'INSERT INTO "{clone}".django_migrations (app, name, applied) '
            "VALUES ('clone_check', '0001_initial', now()) RETURNING id"
        )
        migration_id = cursor.fetchone()[0]

    assert template_max_group is not None
    assert group_id > template_max_group
    assert migration_id > template_max_migration


def test_every_identity_sequence_of_the_clone_continues_after_the_templates_rows(clone, template):
    identities = fetch(IDENTITY_COLUMNS, clone)
    assert len(identities) > 40

    behind = []
    for table, column in identities:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_get_serial_sequence(%s, %s)", [f'"{clone}"."{table}"', column]
            )
            sequence = cursor.fetchone()[0]
            assert sequence is not None and sequence.startswith(f"{clone}."), (table, sequence)
            cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
            last_value, is_called = cursor.fetchone()
            cursor.execute(f'SELECT max("{column}") FROM "{template}"."{table}"')
            template_max = cursor.fetchone()[0]
        next_value = last_value + 1 if is_called else last_value
        if template_max is not None and next_value <= template_max:
            behind.append((table, column, next_value, template_max))

    assert behind == []


def test_the_template_holds_starter_content_and_nobody(db, template):
    with schema_context(template):
        users = get_user_model().objects.count()
        sessions = Session.objects.count()
        homes = list(DistrictHomePage.objects.all())
        portraits = list(DistrictPortraitPage.objects.all())
        groups = set(Group.objects.values_list("name", flat=True))
        site = Site.objects.get(is_default_site=True)
        site_hostname, site_root_id = site.hostname, site.root_page_id
        portrait_parent_ids = [portrait.get_parent().id for portrait in portraits]

    assert users == 0
    assert sessions == 0
    assert len(homes) == 1
    assert homes[0].live
    assert len(portraits) == 1
    assert portraits[0].live
    assert portrait_parent_ids == [homes[0].id]
    assert groups == {EDITORS, APPROVERS, LEADERSHIP_TEAM, TRANSLATORS}
    assert site_hostname == TEMPLATE_HOSTNAME
    assert site_root_id == homes[0].id


@pytest.fixture
def recheck_template():
    """Make ensure_template_current look again, and leave it to look again after the test."""
    template_schema._current_template_checked.clear()
    yield
    template_schema._current_template_checked.clear()


def test_an_up_to_date_template_passes_the_check(db, recheck_template):
    ensure_template_current()

    assert template_schema_name() in template_schema._current_template_checked


def test_a_template_missing_a_migration_record_is_out_of_date(db, template, recheck_template):
    with connection.cursor() as cursor:
        cursor.execute(
            # The newest by name: a squashed migration's record would not be missed, since
            # the records of the migrations it replaces stand in for it.
            f'DELETE FROM "{template}".django_migrations WHERE id = '
            f'(SELECT id FROM "{template}".django_migrations '
            "WHERE app = 'wagtailcore' ORDER BY name DESC LIMIT 1) RETURNING app, name"
        )
        app, name = cursor.fetchone()

    with pytest.raises(TemplateOutOfDate, match="migrate_schemas") as raised:
        ensure_template_current()
    assert f"{app}.{name}" in str(raised.value)
    with pytest.raises(TemplateOutOfDate):
        clone_template(f"clone_check_{uuid.uuid4().hex[:8]}")

    assert app == "wagtailcore" and name
    assert template not in template_schema._current_template_checked


def test_a_missing_template_is_reported(db, settings, recheck_template):
    settings.TENANT_TEMPLATE_SCHEMA = "no_such_template"

    with pytest.raises(TemplateOutOfDate, match="no district template"):
        ensure_template_current()


def test_a_template_migrated_by_another_process_is_cloned_as_it_now_is(db, template):
    clone_template(f"clone_check_{uuid.uuid4().hex[:8]}")  # this process has read the template
    with connection.cursor() as cursor:
        # What a release's migrate_schemas, running elsewhere, does to the template.
        cursor.execute(f'ALTER TABLE "{template}".wagtailcore_site ADD COLUMN release_note text')
        cursor.execute(
            f'INSERT INTO "{template}".django_migrations (app, name, applied) '
            "VALUES ('portrait', '9999_release_note', now())"
        )

    name = f"clone_check_{uuid.uuid4().hex[:8]}"
    clone_template(name)

    assert scalar(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
        f"'{name}' AND table_name = 'wagtailcore_site' AND column_name = 'release_note'"
    )
