"""The tenant-aware page cache: whole pages for anonymous visitors, kept per schema.

The policy is one pair of predicates, `is_page_request` and `is_complete_public_answer`, and
both middlewares below apply it before wagtail-cache's own rules and hooks, which can only
narrow it: a page is stored and served only for an anonymous `GET` of a page (never the admin,
media, documents, `/graphql/`, a preview, or a request carrying `Authorization` or a session
cookie), and only a complete `200` answer that sets no cookie and is not marked private is
stored. A system check refuses wagtail-cache's middlewares in their place.

Its cache, the "pages" alias, builds every key from the schema and that schema's generation
(caching/generations.py), so a change in one schema forgets that schema's pages at once and
leaves every other district's. `clear()` never empties a shared Redis database.
"""

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Error
from django.db import connection
from django.urls import Resolver404, resolve
from django_redis.cache import RedisCache
from wagtailcache.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from wagtailcache.settings import wagtailcache_settings

from caching.generations import (  # noqa: F401 (the page cache's names, kept for callers)
    EVERY_SCHEMA,
    GENERATION_KEY_PREFIX,
    generation,
    invalidate,
    invalidate_state,
    pinned_generations,
)

NEVER_CACHED_PATH_PREFIXES = ("/admin/", "/support/", "/graphql/", "/documents/")
NEVER_CACHED_DIRECTIVES = ("private", "no-cache", "no-store")
_POLICY_ATTRIBUTE = "_is_page_request"


def is_page_request(request) -> bool:
    """The request side of the policy: an anonymous GET of a page, with nothing that could
    make its answer someone's own. Decided once per request."""
    decided = getattr(request, _POLICY_ATTRIBUTE, None)
    if decided is None:
        decided = _is_anonymous_page_get(request)
        setattr(request, _POLICY_ATTRIBUTE, decided)
    return decided


def _is_anonymous_page_get(request) -> bool:
    path = request.path_info
    if request.method != "GET" or path.startswith(_never_cached_paths()):
        return False
    # Credentials of any kind, valid or not: the answer may be the holder's own.
    if "Authorization" in request.headers or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return not _view_is_never_cached(request)


def _never_cached_paths() -> tuple[str, ...]:
    return (*NEVER_CACHED_PATH_PREFIXES, settings.MEDIA_URL, settings.STATIC_URL)


def is_complete_public_answer(response) -> bool:
    """The response side of the policy: a whole `200` that is the same for every visitor.
    Never a `304` (its empty body would be served to everyone), a `404` that may stop being
    one, a stream, a response that sets a cookie, or one marked private."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(directive in cache_control for directive in NEVER_CACHED_DIRECTIVES)
    )


class FetchPageCacheMiddleware(FetchFromCacheMiddleware):
    """wagtail-cache's inner middleware, asked only for what the policy allows."""

    def process_request(self, request):
        if not settings.WAGTAIL_CACHE:
            return None
        if not is_page_request(request):
            request._wagtailcache_update = False
            request._wagtailcache_skip = True
            return None
        cached = super().process_request(request)
        if cached is not None and not is_complete_public_answer(cached):
            request._wagtailcache_update = True  # an entry the policy refuses is not served
            return None
        return cached


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    """wagtail-cache's outer middleware: stores only what the policy allows, and holds each
    schema's generation for one request."""

    def __call__(self, request):
        with pinned_generations():
            return super().__call__(request)

    def process_response(self, request, response):
        if not settings.WAGTAIL_CACHE:
            return response
        if not (is_page_request(request) and is_complete_public_answer(response)):
            request._wagtailcache_skip = True  # wagtail-cache then stores nothing
        response = super().process_response(request, response)
        if response.get(wagtailcache_settings.WAGTAIL_CACHE_HEADER) in ("hit", "miss"):
            # wagtail-cache tells browsers to keep the page as long as it does; a publish
            # forgets the server's copy, so browsers must ask again instead.
            response["Cache-Control"] = "no-cache"
            del response["Expires"]
        return response


def check_page_cache_middleware(app_configs=None, **kwargs) -> list[Error]:
    """The policy holds only if its middlewares stand where wagtail-cache's would."""
    expected = {
        "caching.page_cache.UpdatePageCacheMiddleware",
        "caching.page_cache.FetchPageCacheMiddleware",
    }
    bypassing = {
        "wagtailcache.cache.UpdateCacheMiddleware",
        "wagtailcache.cache.FetchFromCacheMiddleware",
    }
    errors = []
    if bypassing & set(settings.MIDDLEWARE) or not expected <= set(settings.MIDDLEWARE):
        errors.append(
            Error(
                "The page cache must use caching.page_cache's two middlewares, not "
                "wagtail-cache's own: they apply the portal's caching policy.",
                id="tenants.E001",
            )
        )
    return errors


def page_cache_key(key: str, key_prefix: str, version: int) -> str:
    """KEY_FUNCTION of the "pages" cache: the schema and its generation come first."""
    if key.startswith(GENERATION_KEY_PREFIX):  # a counter, named by what it counts
        return f"{key_prefix}:{version}:{key}"
    schema_name = connection.schema_name
    return f"{schema_name}:{generation(schema_name)}:{key_prefix}:{version}:{key}"


def never_page_cached(view):
    """Marks a view whose pages are never cached, so the page cache does not even look them up
    (two Redis round trips saved): a form's page sets its visitor's CSRF cookie, so it could
    never be stored for an anonymous visitor anyway."""
    view.never_page_cached = True
    return view


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
    # progress (registry changes are caught by routing.host_routes).
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


# The state's directory, story feed and coverage pages read the read model.
invalidate_state_pages = invalidate_state
