from tenants.management.commands.migrate_schemas import Command as MigrateSchemasAndTemplate


class Command(MigrateSchemasAndTemplate):
    """`migrate` does what `migrate_schemas` does, so nothing can skip the template."""
