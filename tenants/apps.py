from django.apps import AppConfig


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = "Districts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from tenants import sync

        sync.connect_publish_signals()
