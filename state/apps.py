from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatewideConfig(AppConfig):
    """State-owned data in the public schema: the state's settings, the statewide portrait's
    competencies as districts see them, and the read model of what districts publish."""

    name = "state"
    label = "statewide"
    verbose_name = _("Statewide")
    default_auto_field = "django.db.models.BigAutoField"
