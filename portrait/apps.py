from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortraitConfig(AppConfig):
    name = "portrait"
    verbose_name = _("Portraits and stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portrait import signals

        signals.connect()
