from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    """A district's own progress work, in its schema: self-assessment rounds, action plans,
    learner-outcome uploads and adoption-stage reports."""

    name = "progress"
    verbose_name = _("Progress")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These modules import models, which exist only once the app registry is ready.
        from progress.adoption import record_state_change
        from progress.sync import sync_district_progress
        from tenants.signals import adoption_stage_changed
        from tenants.sync import register_district_sync

        register_district_sync(sync_district_progress)
        adoption_stage_changed.connect(record_state_change, dispatch_uid="progress.adoption")
