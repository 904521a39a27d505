"""Which district a host name belongs to, kept in the default cache so that a request served
from the page cache runs no query at all.

Entries are kept under the state's generation (caching/generations.py): any save or delete of
a District or a Domain bumps it, so a route read before a change (a deactivation, a renamed
domain) is never used after it, in any worker. A bulk `update()` sends no signal: whoever runs
one calls `update_and_announce()` instead, or `districts_changed()` after it. The request's
connection is on the public schema here, so every key is the state's.
"""

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django_tenants.utils import get_public_schema_name

from caching.generations import generational_key
from caching.page_cache import invalidate_state_pages
from tenants.models import District, Domain
from tenants.signals import districts_updated


def district_for_host(hostname: str) -> District | None:
    """The district this host name routes to (active or not), or None if none does."""
    cache = caches["default"]
    # Named before the query: a change committed meanwhile bumps the generation, and this
    # entry is stored under the old one, never to be read.
    route_key = generational_key(f"district-route:{hostname}", get_public_schema_name())
    found = cache.get(route_key)
    if found is not None:
        return found[0]
    domain = Domain.objects.select_related("tenant").filter(domain=hostname).first()
    district = domain.tenant if domain else None
    cache.set(route_key, (district,))  # a tuple, so an unknown host is remembered too
    return district


def connect_route_signals() -> None:
    for model in (District, Domain):
        for signal in (post_save, post_delete):
            signal.connect(_on_route_change, sender=model, dispatch_uid=f"host_routes.{model}")
    districts_updated.connect(_on_route_change, dispatch_uid="host_routes.bulk")


def _on_route_change(sender, **kwargs) -> None:
    districts_changed()


def districts_changed() -> None:
    # Routes and the state's directory (each district's name, region, stage and whether it
    # is active) are both kept under the state's generation: one bump forgets them.
    invalidate_state_pages()
