from django_tenants.management.commands.migrate_schemas import MigrateSchemasCommand

from tenants.template_schema import refresh_template, template_schema_name


class Command(MigrateSchemasCommand):
    help = (
        "Migrate the public schema and every district schema, then bring the district "
        "template schema up to date."
    )

    def handle(self, *args, **options):
        super().handle(*args, **options)
        migrating_every_district = self.sync_tenant and options.get("schema_name") in (None, "")
        if migrating_every_district:
            if int(options.get("verbosity", 1)) >= 1:
                self.stdout.write(f"Refreshing the district template ({template_schema_name()})…")
            refresh_template(verbosity=int(options.get("verbosity", 1)))
