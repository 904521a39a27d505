from django.core.management.base import BaseCommand

from publishing.sync import rebuild_listings
from tenants.management.progress import progress_bar
from tenants.models import District


class Command(BaseCommand):
    help = "Rebuild the state's read model of every active district from the district's schema."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, **options):
        districts = list(District.objects.active())
        with progress_bar(self, len(districts), "Rebuilding", options["no_progress"]) as bar:
            count = rebuild_listings(districts, progress=lambda district: bar.update())
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the directory for {count} district(s)."))
