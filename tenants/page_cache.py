"""The tenant-aware page cache: whole responses for anonymous visitors, kept per schema.

wagtail-cache's middleware decides what may be cached (anonymous GET and HEAD, no preview, no
cookie set by the response, no `private` or `no-cache`). Its cache, the "pages" alias, builds
every key from the schema and that schema's *generation*: a counter kept in the same cache
under a key naming the schema (so reading it never switches the connection's schema).
Invalidating a schema bumps its counter, one atomic INCR, so everything cached under the old
number is never read again and expires with its timeout. No key is deleted by pattern, no
other district's entries are touched, and `clear()` never empties a shared Redis database.

Each request reads the generation once and keeps it (`UpdatePageCacheMiddleware`), so a page
rendered from rows older than a publish is stored under the old number, not the new one.

LocMem suits a single process only (runserver, tests): each worker would keep its own pages
and counters, and a publish handled by one worker would not reach the others. With REDIS_URL
set, every worker shares one cache and invalidation reaches them all.
"""

import time
from contextvars import ContextVar
from functools import partial

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name
from wagtailcache.cache import UpdateCacheMiddleware

GENERATION_KEY_PREFIX = "generation:"  # then the schema name: one counter per schema
NEVER_CACHED_PATH_PREFIXES = ("/admin/", "/support/")

# The generation each schema had when the current request first asked: {schema_name: number}.
_request_generations: ContextVar[dict[str, int] | None] = ContextVar(
    "page_cache_generations", default=None
)


def page_cache_key(key: str, key_prefix: str, version: int) -> str:
    """KEY_FUNCTION of the "pages" cache: the schema and its generation come first."""
    if key.startswith(GENERATION_KEY_PREFIX):  # a counter, named by its schema
        return f"{key_prefix}:{version}:{key}"
    schema_name = connection.schema_name
    return f"{schema_name}:{generation(schema_name)}:{key_prefix}:{version}:{key}"


def generation(schema_name: str) -> int:
    pinned = _request_generations.get()
    if pinned is not None and schema_name in pinned:
        return pinned[schema_name]
    cache, key = caches["pages"], GENERATION_KEY_PREFIX + schema_name
    number = cache.get(key)
    if number is None:
        # A lost counter restarts above any value it can have reached, never at an old one.
        cache.add(key, time.time_ns(), timeout=None)
        number = cache.get(key)
    if pinned is not None:
        pinned[schema_name] = number
    return number


def invalidate(schema_name: str) -> None:
    """Drop every page cached for one schema, now and again when the transaction commits.

    Now, so this connection's next request sees the change; on commit, so a page rendered in
    between from the rows before the change is not kept."""
    _bump(schema_name)
    bump = partial(_bump, schema_name)
    # Once per schema per transaction, however many pages it publishes.
    if not any(_same_call(queued, bump) for _, queued, _ in connection.run_on_commit):
        transaction.on_commit(bump)


def _same_call(queued, call: partial) -> bool:
    return isinstance(queued, partial) and (queued.func, queued.args) == (call.func, call.args)


def _bump(schema_name: str) -> None:
    cache, key = caches["pages"], GENERATION_KEY_PREFIX + schema_name
    try:
        cache.incr(key)
    except ValueError:  # no counter yet, so nothing cached under one either
        cache.add(key, time.time_ns(), timeout=None)


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    """wagtail-cache's outer middleware, holding each schema's generation for one request."""

    def __call__(self, request):
        token = _request_generations.set({})
        try:
            return super().__call__(request)
        finally:
            _request_generations.reset(token)


def is_request_cacheable(request, is_cacheable: bool) -> bool:
    """wagtail-cache hook: the admin and support links are never cached, whoever asks."""
    return is_cacheable and not request.path.startswith(NEVER_CACHED_PATH_PREFIXES)


class _ClearsOneSchema:
    """`clear()` (wagtail-cache's "Clear cache" button and command) forgets the current
    schema's pages only, instead of emptying a database that other caches share."""

    def clear(self) -> None:
        invalidate(connection.schema_name)


class RedisPageCache(_ClearsOneSchema, RedisCache):
    pass


class LocMemPageCache(_ClearsOneSchema, LocMemCache):
    pass


def connect_invalidation_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, Site
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_content_change, dispatch_uid=f"page_cache.{id(signal)}")
    post_delete.connect(_on_content_change, sender=Page, dispatch_uid="page_cache.page_deleted")
    # Site names and roots, and settings that templates read, change every page.
    for model in (Site, *_settings_models()):
        post_save.connect(_on_content_change, sender=model, dispatch_uid=f"page_cache.{model}")
        post_delete.connect(_on_content_change, sender=model, dispatch_uid=f"page_cache.{model}-")


def _settings_models():
    from django.apps import apps
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseGenericSetting | BaseSiteSetting)
    ]


def _on_content_change(sender, **kwargs) -> None:
    invalidate(connection.schema_name)


def invalidate_state_pages() -> None:
    """The state's directory, story feed and coverage pages read the read model."""
    invalidate(get_public_schema_name())
