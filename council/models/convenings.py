"""Convenings of the council: notice, agenda, registration, check-in and minutes."""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from council.languages import (
    EnglishWithSpanishCharField,
    EnglishWithSpanishTextField,
    TranslatedModelMixin,
    language_field,
)
from council.links import council_path
from council.panels import title_and_slug_panels

# Codes are read aloud and typed at the door: no 0/O or 1/I/L.
CHECK_IN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_check_in_code() -> str:
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(8))


def new_manage_token() -> str:
    return secrets.token_urlsafe(24)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


class ConveningFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class ConveningQuerySet(models.QuerySet):
    def noticed(self):
        """Convenings whose public notice is out: the only ones the public sees."""
        return self.filter(notice_published_at__isnull=False)

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


class Convening(TranslatedModelMixin, ClusterableModel):
    title = EnglishWithSpanishCharField(max_length=200, verbose_name=_("title"))
    title_es = models.CharField(_("title in Spanish"), max_length=200, blank=True)
    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("slug"))
    summary = EnglishWithSpanishTextField(
        blank=True, help_text=_("One or two sentences for the listing."), verbose_name=_("summary")
    )
    summary_es = models.TextField(_("summary in Spanish"), blank=True)
    format = models.CharField(
        max_length=12, choices=ConveningFormat.choices, verbose_name=_("format")
    )
    starts_at = models.DateTimeField(verbose_name=_("starts at"))
    ends_at = models.DateTimeField(verbose_name=_("ends at"))
    venue_name = models.CharField(max_length=200, blank=True, verbose_name=_("venue name"))
    venue_address = models.TextField(blank=True, verbose_name=_("venue address"))
    join_url = models.URLField(
        blank=True,
        help_text=_("Link for online attendance; shown to registered people only."),
        verbose_name=_("join url"),
    )
    accessibility_services = EnglishWithSpanishTextField(
        blank=True,
        help_text=_(
            "Services offered to everyone, e.g. captions, ASL interpretation, "
            "step-free access. Registrants can request more."
        ),
        verbose_name=_("accessibility services"),
    )
    accessibility_services_es = models.TextField(_("accessibility services in Spanish"), blank=True)
    capacity = models.PositiveIntegerField(
        validators=[MinValueValidator(1)],
        help_text=_("Seats; later registrants join a waitlist."),
        verbose_name=_("capacity"),
    )
    registration_open = models.BooleanField(default=True, verbose_name=_("registration open"))
    notice_published_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("notice published at")
    )
    recording_url = models.URLField(blank=True, verbose_name=_("recording url"))
    reminder_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("reminder sent at")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    objects = ConveningQuerySet.as_manager()

    panels = [
        *title_and_slug_panels(),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("title_es"),
                FieldPanel("summary_es"),
                FieldPanel("accessibility_services_es"),
            ],
            heading=_("In Spanish"),
        ),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("join_url"),
                FieldPanel("accessibility_services"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_open")], heading=_("Registration")
        ),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
        InlinePanel("materials", heading=_("Materials"), label=_("Material")),
        FieldPanel("recording_url"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="convening_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A convening must end after it starts.")
        in_room = self.format in (ConveningFormat.IN_PERSON, ConveningFormat.HYBRID)
        if in_room and not self.venue_name:
            errors["venue_name"] = _("Give the place for an in-person or hybrid convening.")
        if self.format in (ConveningFormat.ONLINE, ConveningFormat.HYBRID) and not self.join_url:
            errors["join_url"] = _("Give the join link for an online or hybrid convening.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return council_path("convening", self.slug)

    @property
    def is_noticed(self) -> bool:
        return self.notice_published_at is not None

    def notice_deadline(self, lead_working_days: int) -> date:
        """The last day the notice can go out and still give the state's lead time."""
        local_start = timezone.localdate(self.starts_at)
        deadline = local_start
        remaining = lead_working_days
        while remaining > 0:
            deadline -= timedelta(days=1)
            if deadline.weekday() < 5:
                remaining -= 1
        return deadline

    def seats_taken(self) -> int:
        return self.registrations.filter(status=RegistrationStatus.REGISTERED).count()


class AgendaItemKind(models.TextChoices):
    ACTION = "action", _("Action")
    INFORMATION = "information", _("Information")
    PUBLIC_COMMENT = "public_comment", _("Public comment")


class AgendaItem(TranslatedModelMixin, Orderable):
    convening = ParentalKey(
        Convening,
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("convening"),
    )
    starts_at = models.TimeField(help_text=_("Local time."), verbose_name=_("starts at"))
    title = EnglishWithSpanishCharField(max_length=200, verbose_name=_("title"))
    title_es = models.CharField(_("title in Spanish"), max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=AgendaItemKind.choices, verbose_name=_("kind"))
    duration_minutes = models.PositiveSmallIntegerField(
        default=15, verbose_name=_("duration in minutes")
    )
    presenter = models.CharField(max_length=120, blank=True, verbose_name=_("presenter"))
    description = EnglishWithSpanishTextField(blank=True, verbose_name=_("description"))
    description_es = models.TextField(_("description in Spanish"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
        FieldPanel("title"),
        FieldPanel("title_es"),
        FieldPanel("kind"),
        FieldPanel("presenter"),
        FieldPanel("description"),
        FieldPanel("description_es"),
    ]

    def __str__(self) -> str:
        return self.title


class Material(Orderable):
    convening = ParentalKey(
        Convening, on_delete=models.CASCADE, related_name="materials", verbose_name=_("convening")
    )
    title = models.CharField(max_length=200, verbose_name=_("title"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )
    url = models.URLField(
        blank=True,
        help_text=_("Or a link, if the material lives elsewhere."),
        verbose_name=_("url"),
    )

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("url")]

    def clean(self):
        if not self.document_id and not self.url:
            raise ValidationError(_("Attach a document or give a link."))

    @property
    def href(self) -> str:
        return self.document.url if self.document_id else self.url

    def __str__(self) -> str:
        return self.title


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    convening = models.ForeignKey(
        Convening,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("convening"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("user"),
    )
    name = models.CharField(max_length=120, verbose_name=_("name"))
    email = models.EmailField(verbose_name=_("email"))
    region = models.CharField(max_length=100, blank=True, verbose_name=_("region"))
    voice = models.CharField(max_length=20, blank=True, verbose_name=_("voice"))
    attendance_mode = models.CharField(
        max_length=12,
        choices=[
            (ConveningFormat.IN_PERSON, _("In person")),
            (ConveningFormat.ONLINE, _("Online")),
        ],
        verbose_name=_("attendance mode"),
    )
    accommodation_request = models.TextField(blank=True, verbose_name=_("accommodation request"))
    status = models.CharField(
        max_length=12, choices=RegistrationStatus.choices, verbose_name=_("status")
    )
    language = language_field()
    check_in_code = models.CharField(
        max_length=8, unique=True, default=new_check_in_code, verbose_name=_("check in code")
    )
    manage_token = models.CharField(
        max_length=40, unique=True, default=new_manage_token, verbose_name=_("manage token")
    )
    idempotency_key = models.UUIDField(unique=True, verbose_name=_("idempotency key"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    promoted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("promoted at"))
    cancelled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("cancelled at"))
    checked_in_at = models.DateTimeField(null=True, blank=True, verbose_name=_("checked in at"))

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                "convening",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="one_live_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["convening", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return council_path("registration", self.manage_token)


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class Minutes(ClusterableModel):
    convening = models.OneToOneField(
        Convening, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("convening")
    )
    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"], verbose_name=_("body")
    )
    status = models.CharField(
        max_length=10,
        choices=MinutesStatus.choices,
        default=MinutesStatus.DRAFT,
        editable=False,
        verbose_name=_("status"),
    )
    attendance_count = models.PositiveIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("attendance count")
    )
    attendees = models.TextField(
        blank=True,
        editable=False,
        help_text=_("Names of those checked in, fixed on approval."),
        verbose_name=_("attendees"),
    )
    approved_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("approved at")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        verbose_name=_("approved by"),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    panels = [
        FieldPanel("convening"),
        FieldPanel("body"),
        InlinePanel("votes", heading=_("Votes"), label=_("Vote")),
    ]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return _("Minutes of %(convening)s") % {"convening": self.convening}

    @property
    def is_approved(self) -> bool:
        return self.status == MinutesStatus.APPROVED


class Vote(Orderable):
    minutes = ParentalKey(
        Minutes, on_delete=models.CASCADE, related_name="votes", verbose_name=_("minutes")
    )
    motion = models.CharField(max_length=300, verbose_name=_("motion"))
    in_favour = models.PositiveSmallIntegerField(default=0, verbose_name=_("in favor"))
    against = models.PositiveSmallIntegerField(default=0, verbose_name=_("against"))
    abstaining = models.PositiveSmallIntegerField(default=0, verbose_name=_("abstaining"))
    carried = models.BooleanField(verbose_name=_("carried"))

    panels = [
        FieldPanel("motion"),
        FieldRowPanel([FieldPanel("in_favour"), FieldPanel("against"), FieldPanel("abstaining")]),
        FieldPanel("carried"),
    ]

    def __str__(self) -> str:
        return self.motion
