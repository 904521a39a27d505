"""The one direction data flows: a district publishes, and the state's read model follows.

A publish, unpublish or delete in a district schema starts `sync_district_listing` once the
transaction commits. If the broker cannot take the task, nothing is lost: the nightly
`rebuild_directory` (or the command of that name) brings the read model up to date.
"""

import logging
from collections.abc import Callable, Iterable
from functools import partial

from django.db import connection
from django.db.models.signals import post_delete
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from caching.page_cache import invalidate_state_pages
from tenants.models import District, DistrictListing
from tenants.on_commit import on_commit_once
from tenants.signals import district_sync_requested
from tenants.template_schema import template_schema_name

logger = logging.getLogger(__name__)

DistrictSync = Callable[[District], None]
_district_syncs: list[DistrictSync] = []


def register_district_sync(sync: DistrictSync) -> DistrictSync:
    """Add a step to every district sync: read what the district has published, in its
    schema, and write the state's rows for it. Steps must be safe to run again."""
    if sync not in _district_syncs:
        _district_syncs.append(sync)
    return sync


def connect_publish_signals() -> None:
    page_published.connect(_on_page_change, dispatch_uid="publishing.sync.published")
    page_unpublished.connect(_on_page_change, dispatch_uid="publishing.sync.unpublished")
    # Deleting any page type deletes its base Page row, so this fires once per page.
    post_delete.connect(_on_page_change, sender=Page, dispatch_uid="publishing.sync.deleted")


def _on_page_change(sender, instance, **kwargs) -> None:
    schema_name = connection.schema_name
    if schema_name in (get_public_schema_name(), template_schema_name()):
        return
    sync_on_commit(schema_name)


def sync_on_commit(schema_name: str | None = None) -> None:
    """The one way a district's publish reaches the read model: once its transaction commits,
    one sync per district however many things it published (pages, rounds, uploads, reports).
    """
    # Named now: by commit time the connection may have left the district.
    schema_name = schema_name or connection.schema_name
    on_commit_once(("district-sync", schema_name), partial(request_district_sync, schema_name))


def request_district_sync(schema_name: str) -> bool:
    """Queue a sync of one district; False (and a warning) if the broker is down."""
    try:
        district_sync_requested.send(sender=District, schema_name=schema_name)
    except Exception:  # the broker's errors vary by transport; the rebuild catches up
        logger.warning(
            "Could not queue the directory sync for %s; the next rebuild will catch up.",
            schema_name,
            exc_info=True,
        )
        return False
    return True


def record_listing(district: District) -> DistrictListing:
    """Read what the district has published, in its own schema; write the state's rows."""
    with tenant_context(district):
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        home = site.root_page if site else None
        title = home.title if home and home.live else ""
        published_at = home.last_published_at if home and home.live else None
    for sync in _district_syncs:
        sync(district)
    with schema_context(get_public_schema_name()):
        # Written last: synced_at says every step above has finished.
        listing, _ = DistrictListing.objects.update_or_create(
            district=district,
            defaults={
                "home_title": title,
                "home_published_at": published_at,
                "synced_at": timezone.now(),
            },
        )
    # The state's directory, story feed and coverage pages are cached; they read these rows.
    invalidate_state_pages()
    return listing


def rebuild_listings(districts: Iterable[District], progress=None) -> int:
    """Rebuild the read model for the given districts; `progress` is called after each."""
    count = 0
    for district in districts:
        record_listing(district)
        count += 1
        if progress is not None:
            progress(district)
    return count
