"""Fast cloning of the template schema.

django-tenants' clone function rebuilds each table's DDL from information_schema on every call,
which costs about half a second per district and grows with the number of schemas. The template
holds only tables, indexes, constraints and identity sequences, so its DDL is read from the
catalog once per process into a plan that one batch replays per district, keeping every index
and constraint name that later migrations refer to. A template with anything else (views,
triggers, functions, types, free sequences) falls back to django-tenants' clone.
"""

import logging
from dataclasses import dataclass

from django.db import connection, transaction
from django_tenants.clone import CloneSchema

logger = logging.getLogger(__name__)

_UNSUPPORTED_OBJECTS = """
SELECT 'relation ' || c.relname FROM pg_class c
 WHERE c.relnamespace = %(ns)s::regnamespace AND c.relkind NOT IN ('r', 'i', 'S')
UNION ALL
SELECT 'sequence ' || c.relname FROM pg_class c
 WHERE c.relnamespace = %(ns)s::regnamespace AND c.relkind = 'S'
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i')
UNION ALL
SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relnamespace = %(ns)s::regnamespace AND NOT t.tgisinternal
UNION ALL
SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = %(ns)s::regnamespace
UNION ALL
SELECT 'type ' || t.typname FROM pg_type t
 WHERE t.typnamespace = %(ns)s::regnamespace AND t.typrelid = 0 AND t.typelem = 0
"""

_TABLES = """
SELECT c.relname FROM pg_class c
 WHERE c.relnamespace = %(ns)s::regnamespace AND c.relkind = 'r' ORDER BY c.relname
"""

_IDENTITY_COLUMNS = """
SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = %(ns)s::regnamespace AND a.attidentity <> '' AND NOT a.attisdropped
 ORDER BY c.relname
"""

# Foreign keys last, so that every table and unique index they point at already exists.
_CONSTRAINTS = """
SELECT c.relname, co.conname, pg_get_constraintdef(co.oid) FROM pg_constraint co
  JOIN pg_class c ON c.oid = co.conrelid
 WHERE co.connamespace = %(ns)s::regnamespace AND co.contype IN ('p', 'u', 'c', 'x', 'f')
 ORDER BY co.contype = 'f', c.relname, co.conname
"""

_FREE_INDEXES = """
SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE c.relnamespace = %(ns)s::regnamespace
   AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid)
 ORDER BY c.relname
"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class ClonePlan:
    """The statements that copy `source` into a new schema, with the target as a placeholder."""

    source: str
    statements: tuple[str, ...]

    PLACEHOLDER = "\x00target\x00"

    def sql_for(self, target: str) -> str:
        quoted = _quote(target)
        return ";\n".join(s.replace(self.PLACEHOLDER, quoted) for s in self.statements) + ";"


def unsupported_objects(source: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(_UNSUPPORTED_OBJECTS, {"ns": _quote(source)})
        return [row[0] for row in cursor.fetchall()]


def read_clone_plan(source: str) -> ClonePlan:
    """Read the template's DDL from the catalog; names come back qualified with `source`."""
    target = ClonePlan.PLACEHOLDER
    src = _quote(source)
    params = {"ns": src}
    with transaction.atomic(), connection.cursor() as cursor:
        # With no schema on the path, the catalog functions qualify every name they print;
        # the setting is local to this transaction.
        cursor.execute("SELECT set_config('search_path', 'pg_catalog', true)")
        cursor.execute(_TABLES, params)
        tables = [row[0] for row in cursor.fetchall()]
        cursor.execute(_IDENTITY_COLUMNS, params)
        identities = cursor.fetchall()
        cursor.execute(_CONSTRAINTS, params)
        constraints = cursor.fetchall()
        cursor.execute(_FREE_INDEXES, params)
        indexes = [row[0] for row in cursor.fetchall()]
    # Inside an outer transaction the path stays changed: django-tenants must set it again
    # (with TENANT_LIMIT_SET_CALLS it would otherwise trust the path it set last).
    connection.search_path_set_schemas = None

    qualified_source = _qualified_prefix(source)

    def retarget(definition: str) -> str:
        return definition.replace(qualified_source, target + ".")

    statements = [f"CREATE SCHEMA {target}"]
    for table in tables:
        statements.append(
            f"CREATE TABLE {target}.{_quote(table)} (LIKE {src}.{_quote(table)} "
            "INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED "
            "INCLUDING STORAGE INCLUDING COMMENTS)"
        )
        statements.append(
            f"INSERT INTO {target}.{_quote(table)} OVERRIDING SYSTEM VALUE "
            f"SELECT * FROM {src}.{_quote(table)}"
        )
    for table, column in identities:
        qualified = f"{target}.{_quote(table)}"
        statements.append(
            f"SELECT setval(pg_get_serial_sequence('{qualified}', '{column}'), "
            f"COALESCE((SELECT max({_quote(column)}) FROM {qualified}), 0) + 1, false)"
        )
    for table, name, definition in constraints:
        statements.append(
            f"ALTER TABLE {target}.{_quote(table)} ADD CONSTRAINT {_quote(name)} "
            f"{retarget(definition)}"
        )
    statements.extend(retarget(definition) for definition in indexes)
    return ClonePlan(source=source, statements=tuple(statements))


def _qualified_prefix(schema: str) -> str:
    """How the catalog prints `schema.` in front of a name: bare if it needs no quotes."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(%s)", [schema])
        return cursor.fetchone()[0] + "."


_plans: dict[str, ClonePlan | None] = {}


def forget_clone_plans() -> None:
    _plans.clear()


def clone_schema(source: str, target: str) -> None:
    """Create `target` as a copy of `source`, tables and rows, in the caller's transaction."""
    if source not in _plans:
        unsupported = unsupported_objects(source)
        if unsupported:
            logger.warning(
                "The template %s holds %s; cloning with django-tenants instead.",
                source,
                ", ".join(unsupported[:5]),
            )
            _plans[source] = None
        else:
            _plans[source] = read_clone_plan(source)
    plan = _plans[source]
    if plan is None:
        CloneSchema().clone_schema(source, target, "DATA")
        return
    with connection.cursor() as cursor:
        cursor.execute(plan.sql_for(target))
