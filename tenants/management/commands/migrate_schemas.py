from django.core.management.base import CommandError
from django.utils import timezone
from django_tenants.management.commands.migrate_schemas import MigrateSchemasCommand
from django_tenants.utils import get_public_schema_name

from tenants.management.progress import progress_bar
from tenants.models import District, SchemaMigrationRecord
from tenants.schema_migrations import migrate_schemas_in_parallel, schemas_behind
from tenants.template_schema import refresh_template, template_schema_name

# Options that ask for something other than "bring everything up to date": Django's own path.
_SPECIAL_OPTIONS = (
    "schema_name",
    "app_label",
    "migration_name",
    "fake",
    "fake_initial",
    "plan",
    "prune",
    "check_unapplied",
    "executor",
)


class Command(MigrateSchemasCommand):
    help = (
        "Migrate the public schema, then the district template, then, in parallel, every "
        "district whose migrations differ from the template's. Each district's outcome is "
        "recorded; a failure in one is reported without stopping the others, and running "
        "the command again continues with the districts still behind."
    )

    def handle(self, *args, **options):
        if any(options.get(name) for name in _SPECIAL_OPTIONS):
            super().handle(*args, **options)
            return
        verbosity = int(options.get("verbosity", 1))
        if not options.get("tenant"):
            super().handle(*args, **{**options, "shared": True, "tenant": False})
        if options.get("shared"):
            return
        if verbosity >= 1:
            self.stdout.write(f"Migrating the district template ({template_schema_name()})…")
        refresh_template(verbosity=verbosity)
        self.migrate_districts(options.get("parallel"), verbosity)

    def migrate_districts(self, processes: int | None, verbosity: int) -> None:
        schemas = list(
            District.objects.exclude(schema_name=get_public_schema_name())
            .order_by("schema_name")
            .values_list("schema_name", flat=True)
        )
        behind = schemas_behind(template_schema_name(), schemas)
        if verbosity >= 1:
            self.stdout.write(
                f"{len(behind)} of {len(schemas)} district schema(s) differ from the template."
            )
        if not behind:
            return
        run_started_at = timezone.now()
        failed, errors = [], []
        with progress_bar(self, len(behind), "Migrating districts", hidden=verbosity < 1) as bar:
            for outcome in migrate_schemas_in_parallel(behind, processes):
                SchemaMigrationRecord.objects.create(
                    run_started_at=run_started_at,
                    schema_name=outcome.schema_name,
                    applied=outcome.applied,
                    succeeded=outcome.succeeded,
                    error=outcome.error,
                    started_at=outcome.started_at,
                    finished_at=outcome.finished_at,
                )
                if not outcome.succeeded:
                    failed.append(outcome.schema_name)
                    errors.append(f"{outcome.schema_name} failed:\n{outcome.error}")
                bar.update(1)
        for error in errors:
            self.stderr.write(error)
        if failed:
            raise CommandError(
                f"{len(failed)} district schema(s) failed to migrate "
                f"({', '.join(sorted(failed))}); "
                "the others are up to date. Fix the cause and run migrate_schemas again: it "
                "continues with the districts still behind."
            )
