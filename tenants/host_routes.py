"""Which district a host name belongs to, kept in the default cache so that a request served
from the page cache runs no query at all.

Every entry records the routing *generation* it was read under; any save or delete of a
District or a Domain bumps the generation, so an entry read before a change (a deactivation,
a renamed domain) is never used after it, in any worker (`District.objects.update()` bumps it
too). Other bulk changes to domains send no signal and take effect within ROUTE_SECONDS.
The request's connection is on the public schema here, so every key is the state's.
"""

import time
from contextlib import nullcontext

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import District, Domain
from tenants.page_cache import invalidate_state_pages

GENERATION_KEY = "district-routes-generation"
ROUTE_SECONDS = 60


def district_for_host(hostname: str) -> District | None:
    """The district this host name routes to (active or not), or None if none does."""
    cache = caches["default"]
    route_key = f"district-route:{hostname}"
    found = cache.get_many([GENERATION_KEY, route_key])  # one round trip
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = _start_generation(cache)
    elif route_key in found and found[route_key][0] == generation:
        return found[route_key][1]
    domain = Domain.objects.select_related("tenant").filter(domain=hostname).first()
    district = domain.tenant if domain else None
    # Stored under the generation read before the query: a change committed meanwhile has
    # bumped it, and this entry will not be believed.
    cache.set(route_key, (generation, district), ROUTE_SECONDS)
    return district


def _start_generation(cache) -> int:
    # A lost counter restarts above any value it can have reached, never at an old one.
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY)


def forget_host_routes() -> None:
    """Now, for this connection's next request; again on commit, for everyone else's."""
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    public = get_public_schema_name()
    # The default cache's keys carry the connection's schema; routes are the state's.
    on_public = connection.schema_name == public
    with nullcontext() if on_public else schema_context(public):
        cache = caches["default"]
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            _start_generation(cache)


def connect_route_signals() -> None:
    for model in (District, Domain):
        for signal in (post_save, post_delete):
            signal.connect(_on_route_change, sender=model, dispatch_uid=f"host_routes.{model}")


def _on_route_change(sender, **kwargs) -> None:
    districts_changed()


def districts_changed() -> None:
    forget_host_routes()
    # The state's directory shows each district's name, region, stage and whether it is active.
    invalidate_state_pages()
