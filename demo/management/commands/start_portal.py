import os
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from state.models import PortraitListing


class Command(BaseCommand):
    help = "Migrate every schema, build the demo content, then run the development server."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-demo", action="store_true", help="Skip the demo content.")

    def handle(self, *args, **options):
        port = listening_port(options["addrport"])
        serve_on_port(port)
        # Django's warning about its development server is for people who might deploy it.
        os.environ.setdefault("DJANGO_RUNSERVER_HIDE_WARNING", "true")
        # The autoreloader runs this command again in a child process: set up only once.
        if os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            self.stdout.write("Migrating the state schema, every district and the template …")
            call_command("migrate_schemas", interactive=False, verbosity=0)
            if not options["no_demo"]:
                call_command("seed_demo")
                if read_model_names_another_port():
                    self.stdout.write(
                        f"Rewriting the statewide directory's addresses for :{port} …"
                    )
                    call_command("rebuild_directory", no_progress=True, stdout=StringIO())
        call_command("runserver", options["addrport"])


def listening_port(addrport: str) -> str:
    """The port in `8108`, `127.0.0.1:8108` or `[::1]:8108`."""
    port = addrport.rpartition(":")[2] if ":" in addrport else addrport
    if not port.isdigit():
        raise CommandError(f"“{addrport}” names no port: give one, e.g. 127.0.0.1:8000.")
    return port


def serve_on_port(port: str) -> None:
    """Addresses the portal prints and writes name the port it runs on, unless PUBLIC_PORT
    says otherwise (a proxy in front). The environment carries it to the autoreloader's
    child process, which reads its settings afresh."""
    if "PUBLIC_PORT" in os.environ:
        return
    os.environ["PUBLIC_PORT"] = port
    settings.PUBLIC_PORT = port  # WAGTAILADMIN_BASE_URL is lazy and follows it


def read_model_names_another_port() -> bool:
    """The demo's statewide listings were written on an earlier run on another port."""
    listing = PortraitListing.objects.select_related("district").first()
    return listing is not None and not listing.url.startswith(listing.district.base_url + "/")
