from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressStatewideConfig(AppConfig):
    """The state's side of progress, in the public schema only: frameworks and what the state
    writes about them, the read model of what districts publish, and API tokens."""

    name = "progress.statewide"
    label = "progress_statewide"
    verbose_name = _("Statewide progress")
    default_auto_field = "django.db.models.BigAutoField"
