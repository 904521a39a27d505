from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.models import AdoptionStage
from tenants.provisioning import DistrictSpec, provision_district
from tenants.template_schema import TemplateOutOfDate


class Command(BaseCommand):
    help = "Add a district: clone the template schema, route its host name, invite its admin."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The district's full name.")
        parser.add_argument("--slug", required=True, help="Short name for its web address.")
        parser.add_argument("--region", default="")
        parser.add_argument(
            "--stage",
            default=AdoptionStage.UNREPORTED,
            choices=[stage.value for stage in AdoptionStage],
            help="Adoption stage of its portrait of a learner.",
        )
        parser.add_argument(
            "--admin-email", help="Make this person the first administrator and send a link."
        )

    def handle(self, *args, **options):
        spec = DistrictSpec(options["name"], options["slug"], options["region"], options["stage"])
        try:
            provisioned = provision_district(spec, admin_email=options["admin_email"])
        except ValidationError as error:
            messages = [f"{field}: {' '.join(errs)}" for field, errs in error.message_dict.items()]
            raise CommandError("Nothing was created. " + "; ".join(messages)) from error
        except TemplateOutOfDate as error:
            raise CommandError(str(error)) from error
        district = provisioned.district
        self.stdout.write(self.style.SUCCESS(f"Created {district.name} at {district.base_url}/"))
        if provisioned.set_password_url:
            self.stdout.write(f"Set-password link for {options['admin_email']} (works once):")
            self.stdout.write(f"  {provisioned.set_password_url}")
