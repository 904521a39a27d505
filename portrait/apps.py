from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortraitConfig(AppConfig):
    name = "portrait"
    verbose_name = _("Portraits and stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These modules import models, which exist only once the app registry is ready.
        from portrait import signals, starter
        from tenants.starter import register_starter_pages

        signals.connect()
        register_starter_pages(starter.lay_district_pages)
