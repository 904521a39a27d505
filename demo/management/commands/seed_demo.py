from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django_tenants.utils import tenant_context
from wagtail.models import Page, Site

from demo import content as demo_content
from demo import portrait as portrait_demo
from demo.council import seed_council
from demo.progress import seed_demo_progress
from portrait.models import DistrictHomePage, StateHomePage
from spreadsheets.district_import import apply_import, stage_from_cell
from tenants.management.progress import progress_bar
from tenants.models import District, site_url
from tenants.provisioning import DistrictSpec
from tenants.starter import APPROVERS, EDITORS, LEADERSHIP_TEAM

STATE_STAFF = "State staff"
# Each demo district's people, one per group, so a newcomer can walk the review workflow.
DISTRICT_ACCOUNTS = [
    ("editor", EDITORS, "writes and submits pages for review"),
    ("approver", APPROVERS, "reviews, approves and publishes"),
    ("leader", LEADERSHIP_TEAM, "self-assesses the district and keeps its action plans"),
]


class Command(BaseCommand):
    help = "Build a demo state with a dozen districts; safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default="portrait-demo",
            help="Password for the demo administrators (development only).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")
        parser.add_argument(
            "--districts",
            type=int,
            default=len(demo_content.DISTRICTS),
            help="Build only the first N demo districts (a quicker demo, or a test).",
        )

    def handle(self, *args, **options):
        password = options["password"]
        with transaction.atomic():
            self._state_site()
            self._state_staff(password)
        specs = [
            DistrictSpec(name, slug, region, stage_from_cell(stage))
            for name, slug, region, stage in demo_content.DISTRICTS[: max(options["districts"], 1)]
        ]
        with progress_bar(self, len(specs), "Demo districts", options["no_progress"]) as bar:
            apply_import(specs, progress=lambda spec: bar.update())
        districts = District.objects.filter(slug__in=[spec.slug for spec in specs])
        for district in districts:
            with tenant_context(district), transaction.atomic():
                self._district_content(district)
                _ensure_user("admin", password, superuser=True)
                for username, group, _ in DISTRICT_ACCOUNTS:
                    member = _ensure_user(username, password, superuser=False)
                    member.groups.add(Group.objects.get(name=group))
        seed_demo_progress(districts)
        seed_council(password)
        self._print_addresses(districts, password)

    def _state_site(self) -> None:
        root = Page.get_first_root_node()
        home = StateHomePage.objects.first()
        if home is None:
            for welcome in root.get_children().not_type(StateHomePage):
                welcome.delete()
            home = StateHomePage(
                title="Portrait of a learner", slug="home", intro=demo_content.STATE_INTRO
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        portrait_demo.build_state_content(home)
        portrait_demo.build_spanish_state_content()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": settings.STATE_DOMAIN,
                "port": 80,
                "root_page": home,
                "site_name": f"{settings.STATE_NAME} portrait of a learner",
            },
        )

    def _state_staff(self, password: str) -> None:
        staff, _ = Group.objects.get_or_create(name=STATE_STAFF)
        staff.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            Permission.objects.get(codename="open_support_link"),
            *Permission.objects.filter(
                content_type__app_label="tenants", content_type__model="district"
            ),
        )
        admin = _ensure_user("admin", password, superuser=True)
        admin.groups.add(staff)

    def _district_content(self, district: District) -> None:
        home = DistrictHomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        if not home.intro:
            home.intro = demo_content.DISTRICT_INTRO.format(name=district.name)
            home.save_revision().publish()
        portrait_demo.build_district_content(district)
        portrait_demo.build_spanish_district_content(district)

    def _print_addresses(self, districts, password: str) -> None:
        write = self.stdout.write
        write("")
        write(self.style.SUCCESS("The portal is ready."))
        write(f"  State site:  {site_url(settings.STATE_DOMAIN)}/")
        write(f"  State admin: {site_url(settings.STATE_DOMAIN)}/admin/")
        write("  District sites (each has its own admin at /admin/):")
        for district in districts.order_by("name"):
            write(f"    {district.base_url}/   {district.name}")
        write(f"  Sign in to any admin with the password “{password}” as:")
        write("    admin      can do everything")
        for username, _, does in DISTRICT_ACCOUNTS:
            write(f"    {username:<10} {does} (district admins only)")
        write("  (Each site has its own accounts: they share names, not logins.)")


def _ensure_user(username: str, password: str, superuser: bool):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        user.set_password(password)
        user.is_superuser = superuser
        user.is_staff = superuser
        user.save()
    return user
