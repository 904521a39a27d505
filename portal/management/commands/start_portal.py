from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate every schema, build the demo content, then run the development server."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-demo", action="store_true", help="Skip the demo content.")

    def handle(self, *args, **options):
        self.stdout.write("Migrating the state schema, every district and the template …")
        call_command("migrate_schemas", interactive=False, verbosity=0)
        if not options["no_demo"]:
            call_command("seed_demo")
        call_command("runserver", options["addrport"])
