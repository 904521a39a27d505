from django.apps import AppConfig


class StatewideConfig(AppConfig):
    """State-owned data in the public schema: the state's settings, the statewide portrait's
    competencies as districts see them, and the read model of what districts publish."""

    name = "statewide"
    verbose_name = "Statewide"
    default_auto_field = "django.db.models.BigAutoField"
