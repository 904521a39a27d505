from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.backup import BackupError, restore_district
from tenants.models import District


class Command(BaseCommand):
    help = (
        "Bring one district back from its archive (made by backup_district): its schema and "
        "uploaded files are replaced, no other district is touched, and the state's directory "
        "is brought up to date with what was restored."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The district's short name, e.g. riverside.")
        parser.add_argument("archive", type=Path, help="The archive backup_district wrote.")

    def handle(self, *args, **options):
        district = District.objects.filter(slug=options["slug"]).first()
        if district is None:
            raise CommandError(f"There is no district with the short name {options['slug']!r}.")
        if not options["archive"].is_file():
            raise CommandError(f"There is no file {options['archive']}.")
        try:
            files = restore_district(district, options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored {district.name} ({files} uploaded file(s)).")
        )
