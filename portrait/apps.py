from django.apps import AppConfig


class PortraitConfig(AppConfig):
    name = "portrait"
    verbose_name = "Portrait of a learner"
    default_auto_field = "django.db.models.BigAutoField"
