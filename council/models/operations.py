"""Running the council: its own settings, the mail outbox and the export log."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting

from tenants.permissions import StateOnlyPermissionPolicy


class CouncilSettings(BaseGenericSetting):
    """Choices about the council that the state's own settings do not cover."""

    minutes_due_days = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text=_("Days after a convening by which its minutes should be approved."),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
        help_text=_("Hours before a convening that registered people get a reminder."),
    )
    submissions_per_minute = models.PositiveSmallIntegerField(
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Public form submissions allowed per minute from one address."),
    )

    panels = [
        FieldPanel("minutes_due_days"),
        FieldPanel("reminder_hours"),
        FieldPanel("submissions_per_minute"),
    ]

    class Meta:
        verbose_name = _("council settings")

    @classmethod
    def get_permission_policy(cls):
        return StateOnlyPermissionPolicy(cls, forbidden_actions=("delete",))


class OutboundEmail(models.Model):
    """Mail written in the same transaction as what caused it, sent by a task later.

    A broker outage delays mail; it never loses it or the submission behind it."""

    kind = models.CharField(max_length=40)
    dedupe_key = models.CharField(max_length=120, unique=True)
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    calendar = models.TextField(blank=True, help_text=_("An .ics attachment, if any."))
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["created_at"], condition=models.Q(sent_at__isnull=True), name="unsent_mail"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}"


class ExportLog(models.Model):
    """Who downloaded which data, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150)
    what = models.CharField(max_length=40)
    subject = models.CharField(max_length=200)
    file_format = models.CharField(max_length=4)
    row_count = models.PositiveIntegerField()
    exported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-exported_at"]

    def __str__(self) -> str:
        return f"{self.what} of {self.subject} by {self.username}"
