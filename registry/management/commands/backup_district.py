from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.backup import BackupError, backup_district
from tenants.models import District


class Command(BaseCommand):
    help = (
        "Save one district's schema (pg_dump) and uploaded files into one archive, touching "
        "no other district."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The district's short name, e.g. riverside.")
        parser.add_argument("archive", type=Path, help="Where to write the archive (.tar).")

    def handle(self, *args, **options):
        district = District.objects.filter(slug=options["slug"]).first()
        if district is None:
            raise CommandError(f"There is no district with the short name {options['slug']!r}.")
        archive = options["archive"]
        if not archive.parent.is_dir():
            raise CommandError(f"The folder {archive.parent} does not exist.")
        try:
            files = backup_district(district, archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Saved {district.name} ({files} uploaded file(s)) to {archive}.")
        )
