import os

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV


class Command(BaseCommand):
    help = "Migrate every schema, build the demo content, then run the development server."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-demo", action="store_true", help="Skip the demo content.")

    def handle(self, *args, **options):
        # The autoreloader runs this command again in a child process: set up only once.
        if os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            self.stdout.write("Migrating the state schema, every district and the template …")
            call_command("migrate_schemas", interactive=False, verbosity=0)
            if not options["no_demo"]:
                call_command("seed_demo")
        call_command("runserver", options["addrport"])
