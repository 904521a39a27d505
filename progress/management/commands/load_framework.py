from django.core.management.base import BaseCommand, CommandError

from state.progress.loading import FrameworkFileError, load_framework, read_framework_file
from tenants.state import on_state_schema


class Command(BaseCommand):
    help = (
        "Load a framework's structure from a YAML file into the state's schema. A file that "
        "is already loaded changes nothing; a changed one becomes a new version."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the framework's YAML file.")
        parser.add_argument("--check", action="store_true", help="Only check the file.")

    def handle(self, *args, **options):
        if not on_state_schema():
            raise CommandError("Frameworks belong to the state: run this in the public schema.")
        try:
            spec, source = read_framework_file(options["file"])
        except FrameworkFileError as error:
            lines = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(f"{options['file']} cannot be loaded:\n{lines}") from error
        competencies = sum(len(c.competencies) for c in spec.conditions)
        summary = (
            f"{spec.name}: {_count(len(spec.stages), 'stage')}, "
            f"{_count(len(spec.conditions), 'condition')}, "
            f"{_count(competencies, 'competency', 'competencies')}"
        )
        if options["check"]:
            self.stdout.write(f"{summary}. The file is fine.")
            return
        result = load_framework(spec, source)
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Loaded {summary} as version {result.version}."))
        else:
            self.stdout.write(f"{summary}: unchanged since version {result.version}.")


def _count(number: int, singular: str, plural: str = "") -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"
