"""The template schema every new district is cloned from.

It holds the tables of every district app, their migration records, starter pages and the
Editors / Approvers groups; never a user, a session or a secret. `migrate_schemas` brings it up
to date whenever migrations run, so a clone needs no migration of its own.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django_tenants.utils import schema_context, schema_exists

from tenants.cloning import clone_schema, forget_clone_plans
from tenants.schema_migrations import migration_fingerprints
from tenants.starter import lay_starter_content

logger = logging.getLogger(__name__)


class TemplateOutOfDate(Exception):
    """The template schema is missing or behind the code's migrations."""


def template_schema_name() -> str:
    return settings.TENANT_TEMPLATE_SCHEMA


def refresh_template(verbosity: int = 1) -> None:
    """Create the template if it is missing, migrate it, and lay its starter content again."""
    name = template_schema_name()
    if not schema_exists(name):
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{name}"')
    call_command(
        "migrate_schemas",
        tenant=True,
        schema_name=name,
        interactive=False,
        verbosity=max(verbosity - 1, 0),
    )
    with schema_context(name):
        lay_starter_content()
    _current_template_checked.clear()
    forget_clone_plans()


_current_template_checked: set[str] = set()


def ensure_template_current() -> None:
    """Raise TemplateOutOfDate unless every district migration is recorded in the template.

    Checked once per process: loading the migration graph costs more than a clone.
    """
    name = template_schema_name()
    if name in _current_template_checked:
        return
    if not schema_exists(name):
        raise TemplateOutOfDate(
            "There is no district template yet: run `manage.py migrate_schemas` first."
        )
    with schema_context(name):
        loader = MigrationLoader(connection)
        district_apps = {
            config.label for config in apps.get_app_configs() if config.name in settings.TENANT_APPS
        }
        expected = {key for key in loader.graph.nodes if key[0] in district_apps}
        missing = expected - set(loader.applied_migrations)
    if missing:
        raise TemplateOutOfDate(
            f"The district template lacks {len(missing)} migration(s) (for example "
            f"{'.'.join(sorted(missing)[0])}): run `manage.py migrate_schemas`."
        )
    _current_template_checked.add(name)


_template_fingerprint: list[tuple[int, str] | None] = [None]


def clone_template(schema_name: str) -> None:
    """Copy the template's tables and rows into a new schema, in the caller's transaction."""
    _forget_plans_if_template_changed()
    ensure_template_current()
    clone_schema(template_schema_name(), schema_name)


def _forget_plans_if_template_changed() -> None:
    """Another process (a release's migrate_schemas) may have migrated the template since this
    one read its structure: one query on its migration records tells."""
    current = migration_fingerprints([template_schema_name()]).get(template_schema_name())
    if current != _template_fingerprint[0]:
        _current_template_checked.clear()
        forget_clone_plans()
        _template_fingerprint[0] = current
