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
        from progress.adoption import record_stage_change
        from progress.sync import sync_district_progress
        from publishing.sync import register_district_sync
        from tenants.adoption import register_stage_recorder

        register_district_sync(sync_district_progress)
        register_stage_recorder(record_stage_change)
