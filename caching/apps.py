from django.apps import AppConfig


class CachingConfig(AppConfig):
    """The one caching policy: per-schema generations and the page cache built on them."""

    name = "caching"

    def ready(self):
        from django.core import checks

        from caching import page_cache

        checks.register(page_cache.check_page_cache_middleware)
        page_cache.connect_invalidation_signals()
