from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import AdoptionStage


class AdoptionStageReport(models.Model):
    """The district telling the state how far its portrait has come. The sync path carries
    each report to the district's row and the state's history."""

    stage = models.CharField(
        max_length=20,
        choices=[c for c in AdoptionStage.choices if c[0] != AdoptionStage.UNREPORTED],
    )
    note = models.TextField(blank=True, help_text=_("Optional: what happened, for the state."))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} ({self.reported_at:%Y-%m-%d})"
