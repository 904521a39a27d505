"""`rebuild_directory`: the state's read model caught up from every active district's schema."""

import re
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from django_tenants.utils import tenant_context

from portrait.models import DistrictHomePage
from publishing.sync import record_listing
from tenants.models import District, DistrictListing


def change_home_behind_the_syncs_back(district, title, published_at):
    """A queryset update sends no publish signal, so no sync runs."""
    with tenant_context(district):
        changed = DistrictHomePage.objects.update(
            title=title, draft_title=title, last_published_at=published_at
        )
    assert changed == 1


def rebuild(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("rebuild_directory", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_rebuild_brings_every_active_listing_up_to_date(db, alpha, bravo):
    for district in (alpha, bravo):
        record_listing(district)
    published_at = timezone.now() - timedelta(days=3)
    change_home_behind_the_syncs_back(alpha, "Alpha, renamed", published_at)
    change_home_behind_the_syncs_back(bravo, "Bravo, renamed", published_at)
    stale = DistrictListing.objects.get(district=alpha)
    assert stale.home_title != "Alpha, renamed"
    before = timezone.now()

    stdout, _ = rebuild("--no-progress")

    for district, title in ((alpha, "Alpha, renamed"), (bravo, "Bravo, renamed")):
        listing = DistrictListing.objects.get(district=district)
        assert listing.home_title == title
        assert listing.home_published_at == published_at
        assert listing.synced_at >= before
    count = int(re.search(r"for (\d+) district", stdout)[1])
    assert count == District.objects.active().count()


def test_rebuild_writes_a_listing_for_a_district_that_had_none(db, alpha):
    DistrictListing.objects.filter(district=alpha).delete()

    rebuild("--no-progress")

    assert DistrictListing.objects.get(district=alpha).home_title == "Alpha School District"


def test_an_inactive_district_is_skipped(db, alpha, bravo):
    for district in (alpha, bravo):
        record_listing(district)
    synced_before = DistrictListing.objects.get(district=bravo).synced_at
    title_before = DistrictListing.objects.get(district=bravo).home_title
    District.objects.filter(pk=bravo.pk).update_and_announce(is_active=False)
    change_home_behind_the_syncs_back(bravo, "Bravo, while inactive", timezone.now())
    change_home_behind_the_syncs_back(alpha, "Alpha, while Bravo sleeps", timezone.now())

    stdout, _ = rebuild("--no-progress")

    listing = DistrictListing.objects.get(district=bravo)
    assert listing.home_title == title_before
    assert listing.synced_at == synced_before
    assert DistrictListing.objects.get(district=alpha).home_title == "Alpha, while Bravo sleeps"
    count = int(re.search(r"for (\d+) district", stdout)[1])
    assert count == District.objects.active().count()
    assert count == District.objects.count() - District.objects.filter(is_active=False).count()


def test_the_progress_bar_goes_to_stderr_unless_hidden(db, alpha):
    _, stderr = rebuild()
    _, hidden = rebuild("--no-progress")

    assert "Rebuilding" in stderr
    assert "100%" in stderr
    assert "Rebuilding" not in hidden
