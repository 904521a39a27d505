"""`seed_demo`: a state with a dozen districts, each with its own admin; safe to re-run."""

from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_tenants.utils import schema_exists, tenant_context
from wagtail.models import Page, Revision, Site

from portal import demo_content
from portrait.models import (
    DistrictHomePage,
    DistrictPortraitPage,
    StateHomePage,
    StatePortraitPage,
    StoryPage,
)
from statewide.models import PortraitListing, StateCompetency, StoryListing
from tenants.models import District, Domain

User = get_user_model()
DEMO_SLUGS = [slug for _, slug, _, _ in demo_content.DISTRICTS]


def seed():
    stdout = StringIO()
    call_command("seed_demo", "--no-progress", stdout=stdout, stderr=StringIO())
    return stdout.getvalue()


def snapshot() -> dict:
    """Everything a re-run could add to, counted."""
    counts = {
        "districts": District.objects.count(),
        "domains": Domain.objects.count(),
        "state pages": Page.objects.count(),
        "state competencies": StateCompetency.objects.count(),
        "state users": User.objects.count(),
        "state groups": Group.objects.count(),
        "state sites": Site.objects.count(),
        "state revisions": Revision.objects.count(),
        "portrait listings": PortraitListing.objects.count(),
        "story listings": StoryListing.objects.count(),
    }
    for district in District.objects.filter(slug__in=DEMO_SLUGS):
        with tenant_context(district):
            counts[district.slug] = {
                "pages": Page.objects.count(),
                "revisions": Revision.objects.count(),
                "users": User.objects.count(),
                "groups": Group.objects.count(),
                "sites": Site.objects.count(),
            }
    return counts


def test_seed_demo_builds_the_demo_state_and_a_rerun_changes_nothing(
    db, django_capture_on_commit_callbacks
):
    # The syncs to the read model run when each publish commits.
    with django_capture_on_commit_callbacks(execute=True):
        stdout = seed()

    # The state.
    home = StateHomePage.objects.get()
    assert home.live
    site = Site.objects.get(is_default_site=True)
    assert site.hostname == settings.STATE_DOMAIN
    assert site.root_page_id == home.pk
    portrait = StatePortraitPage.objects.get()
    assert portrait.live
    assert portrait.get_parent().pk == home.pk
    assert len(portrait.competencies) >= 5
    # Publishing the state portrait made its competencies alignable.
    assert StateCompetency.objects.count() == len(portrait.competencies)
    state_admin = User.objects.get(username="admin")
    assert state_admin.is_superuser
    assert state_admin.check_password("portrait-demo")

    # The districts.
    districts = list(District.objects.filter(slug__in=DEMO_SLUGS))
    assert 10 <= len(districts) <= 14
    assert len({district.region for district in districts}) >= 3
    for district in districts:
        assert district.is_active
        assert schema_exists(district.schema_name)
        assert Domain.objects.filter(tenant=district, domain=district.primary_hostname).exists()
        assert district.base_url in stdout
        with tenant_context(district):
            admin = User.objects.get(username="admin")
            assert admin.is_superuser
            assert admin.check_password("portrait-demo")
            home = DistrictHomePage.objects.get()
            assert home.title == district.name
            assert home.live
            assert district.name in home.intro
            assert DistrictPortraitPage.objects.child_of(home).live().count() == 1
            if district.adoption_stage in {"developing", "finalized"}:
                assert StoryPage.objects.live().count() >= 2
    # Their portraits and stories reached the state's read model.
    with_portraits = [d for d in districts if d.adoption_stage in {"developing", "finalized"}]
    assert PortraitListing.objects.count() == len(with_portraits)
    assert StoryListing.objects.filter(district__isnull=False).count() >= 2 * len(with_portraits)
    assert StoryListing.objects.filter(district__isnull=True).exists()
    # Each admin is its own schema's: the accounts share a name, not a row or a hash.
    hashes = set()
    for district in districts:
        with tenant_context(district):
            hashes.add(User.objects.get(username="admin").password)
    assert len(hashes) == len(districts)

    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    assert snapshot() == before
