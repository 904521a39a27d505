from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressStatewideConfig(AppConfig):
    """The state's side of progress, in the public schema only: frameworks and what the state
    writes about them, the read model of what districts publish, and API tokens."""

    name = "state.progress"
    label = "progress_statewide"
    verbose_name = _("Statewide progress")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from state.progress import progress_summary
        from tenants.models import District
        from tenants.signals import districts_updated

        post_save.connect(
            progress_summary.on_district_saved, sender=District, dispatch_uid="progress_summary"
        )
        post_delete.connect(
            progress_summary.on_district_deleted, sender=District, dispatch_uid="progress_summary"
        )
        districts_updated.connect(
            progress_summary.on_districts_updated, dispatch_uid="progress_summary"
        )
