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
from django.db import connection, transaction
from django.urls import Resolver404, resolve
from django_tenants.utils import get_public_schema_name
from wagtailcache.cache import UpdateCacheMiddleware

from portal.redis_cache import RedisCache

GENERATION_KEY_PREFIX = "generation:"  # then a schema name, or EVERY_SCHEMA
EVERY_SCHEMA = "*"  # what every schema's pages show: the state's competencies and settings
NEVER_CACHED_PATH_PREFIXES = ("/admin/", "/support/")

# The generation each schema had when the current request first asked: {schema_name: "n.m"}.
_request_generations: ContextVar[dict[str, str] | None] = ContextVar(
    "page_cache_generations", default=None
)


def page_cache_key(key: str, key_prefix: str, version: int) -> str:
    """KEY_FUNCTION of the "pages" cache: the schema and its generation come first."""
    if key.startswith(GENERATION_KEY_PREFIX):  # a counter, named by what it counts
        return f"{key_prefix}:{version}:{key}"
    schema_name = connection.schema_name
    return f"{schema_name}:{generation(schema_name)}:{key_prefix}:{version}:{key}"


def generation(schema_name: str) -> str:
    """The schema's own counter and the one every schema shares, read in one round trip."""
    pinned = _request_generations.get()
    if pinned is not None and schema_name in pinned:
        return pinned[schema_name]
    cache = caches["pages"]
    keys = [GENERATION_KEY_PREFIX + schema_name, GENERATION_KEY_PREFIX + EVERY_SCHEMA]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # A lost counter restarts above any value it can have reached, never at an old one.
            cache.add(key, time.time_ns(), timeout=None)
            found[key] = cache.get(key)
    number = ".".join(str(found[key]) for key in keys)
    if pinned is not None:
        pinned[schema_name] = number
    return number


def invalidate(schema_name: str) -> None:
    """Drop every page cached for one schema (or, given EVERY_SCHEMA, for all of them), now
    and again when the transaction commits.

    Now, so this connection's next request sees the change; on commit, so a page rendered in
    between from the rows before the change is not kept."""
    _bump(schema_name)
    bump = partial(_bump, schema_name)
    # Once per schema per transaction, however many pages it publishes.
    if not any(_same_call(queued, bump) for _, queued, _ in connection.run_on_commit):
        transaction.on_commit(bump)


def _same_call(queued, call: partial) -> bool:
    return isinstance(queued, partial) and (queued.func, queued.args) == (call.func, call.args)


def _bump(scope: str) -> None:
    cache, key = caches["pages"], GENERATION_KEY_PREFIX + scope
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


def never_page_cached(view):
    """Marks a view whose pages are never cached, so the page cache does not even look them up
    (two Redis round trips saved): a form's page sets its visitor's CSRF cookie, so wagtail-cache
    could never store it for an anonymous visitor anyway."""
    view.never_page_cached = True
    return view


def is_request_cacheable(request, is_cacheable: bool) -> bool:
    """wagtail-cache hook: the admin and support links, and views marked `never_page_cached`,
    are never cached, whoever asks."""
    if not is_cacheable or request.path.startswith(NEVER_CACHED_PATH_PREFIXES):
        return False
    return not _view_is_never_cached(request)


def _view_is_never_cached(request) -> bool:
    # The page cache looks before Django resolves the view, so it resolves the path itself.
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return getattr(match.func, "never_page_cached", False)


class _ClearsOneSchema:
    """`clear()` (wagtail-cache's "Clear cache" button and command) forgets the current
    schema's pages only, instead of emptying a database that other caches share."""

    def clear(self) -> None:
        invalidate(connection.schema_name)


class RedisPageCache(_ClearsOneSchema, RedisCache):
    pass


class LocMemPageCache(_ClearsOneSchema, LocMemCache):
    pass


# State-owned rows that district pages show too (names of state competencies, the label).
SHOWN_IN_EVERY_SCHEMA = {"statewide.StateCompetency", "statewide.StateSettings"}


def connect_invalidation_signals() -> None:
    from django.apps import apps
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

    def on_save_or_delete(model, handler):
        for signal in (post_save, post_delete):
            signal.connect(handler, sender=model, dispatch_uid=f"page_cache.{model._meta.label}")

    # Site names and roots, and settings that templates read, change every page of a schema.
    for model in (Site, *_settings_models()):
        on_save_or_delete(model, _on_content_change)
    # The statewide app is the state's: its read model feeds the state's pages, and a few
    # of its rows appear on every district's pages too.
    for model in apps.get_app_config("statewide").get_models():
        shown_everywhere = model._meta.label in SHOWN_IN_EVERY_SCHEMA
        on_save_or_delete(model, _on_every_schema_change if shown_everywhere else _on_state_change)
    # The state's pages and its GraphQL answers also read the read model of published
    # progress (registry changes are caught by tenants.host_routes).
    for model in apps.get_app_config("progress_statewide").get_models():
        on_save_or_delete(model, _on_state_change)


def _settings_models():
    from django.apps import apps
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseGenericSetting | BaseSiteSetting)
        and model._meta.app_label != "statewide"
    ]


def _on_content_change(sender, **kwargs) -> None:
    invalidate(connection.schema_name)


def _on_state_change(sender, **kwargs) -> None:
    invalidate_state_pages()


def _on_every_schema_change(sender, **kwargs) -> None:
    invalidate(EVERY_SCHEMA)


def invalidate_state_pages() -> None:
    """The state's directory, story feed and coverage pages read the read model."""
    invalidate(get_public_schema_name())
