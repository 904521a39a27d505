"""Districts for modules that commit (transaction=True): the table rows are flushed after each
test but schemas stay, so a schema left by an earlier test or run (--reuse-db) goes first."""

from django.db import connection

from tenants.models import District, schema_name_for
from tests.conftest import provision as provision_or_reuse


def provision(name: str, slug: str) -> District:
    if not District.objects.filter(slug=slug).exists():
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema_name_for(slug)}" CASCADE')
    return provision_or_reuse(name, slug)
