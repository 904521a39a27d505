from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from spreadsheets.district_import import COLUMNS, ImportStopped, apply_import, check_csv
from tenants.management.progress import progress_bar
from tenants.template_schema import TemplateOutOfDate, ensure_template_current


class Command(BaseCommand):
    help = (
        f"Create or update districts from a CSV file with the columns {','.join(COLUMNS)}. "
        "Every row is checked first; if any row is bad, nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--check", action="store_true", help="Only check the file.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise CommandError(f"There is no file at {path}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text; save it as CSV (UTF-8).") from error
        checked = check_csv(text)
        if checked.errors:
            for error in checked.errors:
                self.stderr.write(f"{path.name}, {error}")
            raise CommandError(
                f"{len(checked.errors)} problem(s) found; no district was created or changed."
            )
        if options["check"]:
            self.stdout.write(self.style.SUCCESS(f"{len(checked.specs)} rows are fine."))
            return
        try:
            ensure_template_current()
        except TemplateOutOfDate as error:
            raise CommandError(str(error)) from error
        with progress_bar(self, len(checked.specs), "Importing", options["no_progress"]) as bar:
            try:
                result = apply_import(checked.specs, progress=lambda spec: bar.update())
            except ImportStopped as error:
                raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.created)} created, {len(result.updated)} updated, "
                f"{len(result.unchanged)} unchanged."
            )
        )
