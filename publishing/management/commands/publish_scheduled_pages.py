from django.core.management.base import BaseCommand, CommandError

from publishing.scheduling import publish_scheduled_everywhere, scheduled_tenants
from tenants.management.progress import progress_bar


class Command(BaseCommand):
    # Named like Wagtail's own command, which it replaces: that one sees a single schema.
    help = (
        "Publish the pages whose go-live time has come and unpublish expired ones, "
        "on the state's site and in every active district."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, **options):
        tenants = scheduled_tenants()
        with progress_bar(
            self, len(tenants), "Publishing", options["no_progress"], unit="site"
        ) as bar:
            run = publish_scheduled_everywhere(tenants, progress=lambda tenant: bar.update())
        if run.already_running:
            self.stdout.write("Another run of scheduled publishing is under way; nothing done.")
            return
        if run.failed:
            raise CommandError(
                f"Scheduled publishing failed in {', '.join(run.failed)} (see the log); "
                "the other sites are done and the next run retries."
            )
        self.stdout.write(self.style.SUCCESS(f"Ran scheduled publishing on {run.schemas} site(s)."))
