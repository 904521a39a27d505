"""`seed_demo`: a state with a dozen districts, each with its own admin; safe to re-run."""

import hashlib
import re
from contextlib import nullcontext
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_exists, tenant_context
from wagtail.models import Page, Revision, Site

from accessibility.pages import STATE
from demo import content as demo_content
from portrait.accessibility import PAGES
from portrait.models import (
    DistrictHomePage,
    DistrictPortraitPage,
    SiteLanguages,
    StateHomePage,
    StatePortraitPage,
    StoryPage,
)
from state.models import PortraitListing, StateCompetency, StoryListing
from tenants.models import District, Domain
from tenants.starter import APPROVERS, EDITORS, LEADERSHIP_TEAM

User = get_user_model()
IDENTIFIER = re.compile(r"[a-z0-9.-]+")
# The first five: two finalized, two developing, one only considering a portrait.
DEMO_SIZE = 5
DEMO_SLUGS = [slug for _, slug, _, _ in demo_content.DISTRICTS[:DEMO_SIZE]]


def seed():
    stdout = StringIO()
    call_command(
        "seed_demo", "--no-progress", f"--districts={DEMO_SIZE}", stdout=stdout, stderr=StringIO()
    )
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


def test_the_full_demo_has_a_dozen_districts_across_the_state():
    assert len(demo_content.DISTRICTS) == 12
    assert len({region for _, _, region, _ in demo_content.DISTRICTS}) >= 3


def test_seed_demo_builds_the_demo_state_and_a_rerun_changes_nothing(db, commit_callbacks):
    # The syncs to the read model run when each publish commits.
    with commit_callbacks():
        stdout = seed()

    # The state.
    home = StateHomePage.objects.get(locale__language_code="en")
    assert home.live
    site = Site.objects.get(is_default_site=True)
    assert site.hostname == settings.STATE_DOMAIN
    assert site.root_page_id == home.pk
    portrait = StatePortraitPage.objects.get(locale__language_code="en")
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
    assert len(districts) == DEMO_SIZE
    assert len({district.region for district in districts}) >= 2
    for district in districts:
        assert district.is_active
        assert schema_exists(district.schema_name)
        assert Domain.objects.filter(tenant=district, domain=district.primary_hostname).exists()
        assert district.base_url in stdout
        with tenant_context(district):
            admin = User.objects.get(username="admin")
            assert admin.is_superuser
            assert admin.check_password("portrait-demo")
            home = DistrictHomePage.objects.get(locale__language_code="en")
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

    assert_each_district_tells_its_own_story(with_portraits)
    assert_the_state_portrait_reads_as_a_continuum()
    assert_each_district_has_an_editor_an_approver_and_a_leader(districts, stdout)
    assert_the_state_and_two_districts_read_in_spanish(districts)

    before = snapshot()
    with commit_callbacks():
        seed()
    assert snapshot() == before


def assert_each_district_tells_its_own_story(districts):
    story_sets, competency_sets, pictures = set(), set(), []
    for district in districts:
        with tenant_context(district):
            stories = StoryPage.objects.live().filter(locale__language_code="en")
            story_sets.add(frozenset(story.title for story in stories.select_related("hero_image")))
            portrait = DistrictPortraitPage.objects.get(locale__language_code="en")
            competency_sets.add(tuple(block.value["name"] for block in portrait.competencies))
            for story in stories:
                with story.hero_image.file.open("rb") as picture:
                    pictures.append(hashlib.sha256(picture.read()).hexdigest())
    assert len(story_sets) == len(districts)  # no two districts show the same stories
    assert len(competency_sets) == len(districts)
    assert len(set(pictures)) == len(pictures)  # every hero picture is its own


def assert_the_state_portrait_reads_as_a_continuum():
    descriptors = []
    for block in StatePortraitPage.objects.get(locale__language_code="en").competencies:
        bands = [row["grade_band"] for row in block.value["descriptors"]]
        assert bands == ["k-2", "3-5", "6-8", "9-12"]
        descriptors += [row["descriptor"] for row in block.value["descriptors"]]
    assert len(set(descriptors)) == len(descriptors)
    assert all(len(text.split()) >= 8 for text in descriptors)  # what a learner does, not a tag


def assert_each_district_has_an_editor_an_approver_and_a_leader(districts, stdout):
    for username, group in [
        ("editor", EDITORS),
        ("approver", APPROVERS),
        ("leader", LEADERSHIP_TEAM),
    ]:
        assert f"    {username} " in stdout
        for district in districts:
            with tenant_context(district):
                user = User.objects.get(username=username)
                assert list(user.groups.values_list("name", flat=True)) == [group]
                assert user.check_password("portrait-demo") and not user.is_superuser


def assert_the_state_and_two_districts_read_in_spanish(districts):
    """Spanish versions of the home, the portrait and a story, every string translated."""
    from wagtail_localize.models import Translation

    spanish_sites = [None, *sorted(districts, key=lambda d: DEMO_SLUGS.index(d.slug))[:2]]
    for district in spanish_sites:
        context = tenant_context(district) if district else nullcontext()
        with context:
            assert SiteLanguages.load().spanish
            pages = Page.objects.live().filter(locale__language_code="es", alias_of__isnull=True)
            kinds = {page.specific_class.__name__ for page in pages}
            assert {"StoryPage"} <= kinds
            assert kinds & {"StateHomePage", "DistrictHomePage"}
            assert kinds & {"StatePortraitPage", "DistrictPortraitPage"}
            for translation in Translation.objects.select_related("source", "target_locale"):
                missing = translation.source.stringsegment_set.annotate_translation(
                    translation.target_locale
                ).filter(translation__isnull=True)
                # Only identifiers stay as they are: slugs (districts align by them), versions.
                left = [segment.string.data for segment in missing]
                assert all(IDENTIFIER.fullmatch(text) for text in left), left
    for district in districts[2:]:
        with tenant_context(district):
            assert not SiteLanguages.load().spanish
    assert_the_spanish_pages_the_accessibility_check_visits_are_in_spanish(districts)


def assert_the_spanish_pages_the_accessibility_check_visits_are_in_spanish(districts):
    hosts = {district.slug: district.primary_hostname for district in districts}
    spanish = [spec for spec in PAGES if spec.path.startswith("/es/")]
    assert len(spanish) >= 8
    for spec in spanish:
        host = settings.STATE_DOMAIN if spec.host == STATE else hosts[spec.host]
        response = Client(HTTP_HOST=host).get(spec.path)
        connection.set_schema_to_public()  # a district's request leaves its schema behind
        assert response.status_code == 200, spec
        text = response.content.decode()
        assert '<html lang="es">' in text, spec
        if "stories/" in spec.path and not spec.path.endswith("stories/"):
            assert 'class="translation-note"' not in text, spec  # the story itself is Spanish
