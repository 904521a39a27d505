from django.core.management.base import BaseCommand, CommandError

from state.progress.progress_summary import rebuild_progress_summary
from tenants.state import on_state_schema


class Command(BaseCommand):
    help = (
        "Recount the statewide framework-progress summary from the read model of published "
        "ratings (the district sync keeps it up to date; this repairs it)."
    )

    def handle(self, *args, **options):
        if not on_state_schema():
            raise CommandError("The summary belongs to the state: run this in the public schema.")
        rows = rebuild_progress_summary()
        self.stdout.write(self.style.SUCCESS(f"Recounted the progress summary: {rows} row(s)."))
