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
        verbose_name=_("minutes due days"),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
        help_text=_("Hours before a convening that registered people get a reminder."),
        verbose_name=_("reminder hours"),
    )
    submissions_per_minute = models.PositiveSmallIntegerField(
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Public form submissions allowed per minute from one address."),
        verbose_name=_("submissions per minute"),
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

    kind = models.CharField(max_length=40, verbose_name=_("kind"))
    dedupe_key = models.CharField(max_length=120, unique=True, verbose_name=_("deduplication key"))
    to = models.EmailField(verbose_name=_("to"))
    subject = models.CharField(max_length=200, verbose_name=_("subject"))
    body = models.TextField(verbose_name=_("body"))
    calendar = models.TextField(
        blank=True, help_text=_("An .ics attachment, if any."), verbose_name=_("calendar")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["created_at"], condition=models.Q(sent_at__isnull=True), name="unsent_mail"
            )
        ]

    def __str__(self) -> str:
        return _("%(kind)s to %(to)s") % {"kind": self.kind, "to": self.to}


class ExportLog(models.Model):
    """Who downloaded which data, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(max_length=150, verbose_name=_("username"))
    what = models.CharField(max_length=40, verbose_name=_("what"))
    subject = models.CharField(max_length=200, verbose_name=_("subject"))
    file_format = models.CharField(max_length=4, verbose_name=_("file format"))
    row_count = models.PositiveIntegerField(verbose_name=_("row count"))
    exported_at = models.DateTimeField(default=timezone.now, verbose_name=_("exported at"))

    class Meta:
        ordering = ["-exported_at"]

    def __str__(self) -> str:
        return _("%(what)s of %(subject)s by %(user)s") % {
            "what": self.what,
            "subject": self.subject,
            "user": self.username,
        }
