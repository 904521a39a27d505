from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Districts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These modules import models, which the app registry holds only once it is ready;
        # tasks is imported for its receiver, which queues the sync a district asks for.
        from tenants import host_routes, page_cache, sync, tasks  # noqa: F401

        checks.register(page_cache.check_page_cache_middleware)

        sync.connect_publish_signals()
        page_cache.connect_invalidation_signals()
        host_routes.connect_route_signals()
