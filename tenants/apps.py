from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Districts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from tenants import host_routes, page_cache, sync

        checks.register(page_cache.check_page_cache_middleware)

        sync.connect_publish_signals()
        page_cache.connect_invalidation_signals()
        host_routes.connect_route_signals()
