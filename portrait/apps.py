from django.apps import AppConfig


class PortraitConfig(AppConfig):
    name = "portrait"
    verbose_name = "Portraits and stories"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portrait import signals

        signals.connect()
