"""Districts (the tenants), their host names, and what the state keeps about each."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from tenants.signals import districts_updated_in_bulk
from tenants.template_schema import clone_template

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$"
RESERVED_SLUGS = {"www", "admin", "api", "static", "media", "template", "public", "state"}


class AdoptionStage(models.TextChoices):
    """How far a district's portrait of a learner has come, in stage order."""

    NOT_CONSIDERING = "not_considering", _("Not considering")
    CONSIDERING = "considering", _("Considering")
    DEVELOPING = "developing", _("Developing")
    FINALIZED = "finalized", _("Finalized")
    UNREPORTED = "unreported", _("Unreported")


def validate_district_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved; choose another short name."),
            code="reserved",
            params={"slug": value},
        )


def schema_name_for(slug: str) -> str:
    return "district_" + re.sub(r"[^a-z0-9]", "_", slug)


class DistrictQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def regions(self) -> list[str]:
        """The regions these districts name, each once, in order."""
        return list(
            self.exclude(region="").order_by("region").values_list("region", flat=True).distinct()
        )

    def update(self, **kwargs):
        # A bulk deactivation sends no post_save; cached host routes must still forget it now.
        rows = super().update(**kwargs)
        districts_updated_in_bulk.send(sender=self.model)
        return rows


class District(TenantMixin):
    """A school district: one PostgreSQL schema and one Wagtail site of its own."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=50,
        unique=True,
        validators=[
            RegexValidator(
                SLUG_PATTERN,
                "Use lower-case letters, digits and hyphens, starting and ending with a letter "
                "or digit (it becomes part of the district's web address).",
            ),
            validate_district_slug,
        ],
        help_text=_("Short name used in the district's web address, e.g. “riverside”."),
    )
    region = models.CharField(max_length=100, blank=True)
    adoption_stage = models.CharField(
        max_length=20, choices=AdoptionStage.choices, default=AdoptionStage.UNREPORTED
    )
    is_active = models.BooleanField(
        default=True,
        help_text=_("Inactive districts' sites answer “not found” and leave statewide views."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # A district is never dropped by deleting its row by accident: deactivate it instead.
    auto_drop_schema = False

    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        permissions = [
            ("open_support_link", "Can open a district's admin through a support link"),
        ]

    def __str__(self) -> str:
        return self.name

    is_state = False

    def save(self, *args, **kwargs):
        if not self.schema_name:
            self.schema_name = schema_name_for(self.slug)
        super().save(*args, **kwargs)

    def create_schema(self, check_if_exists=False, sync_schema=True, verbosity=1):
        """Clone the template schema: structure, migration records and starter pages, no users."""
        clone_template(self.schema_name)

    @property
    def primary_hostname(self) -> str:
        return f"{self.slug}.{settings.STATE_DOMAIN}"

    @property
    def base_url(self) -> str:
        return site_url(self.primary_hostname)


def site_url(hostname: str) -> str:
    port = settings.PUBLIC_PORT
    default_port = {"http": "80", "https": "443"}[settings.PUBLIC_SCHEME]
    suffix = f":{port}" if port and port != default_port else ""
    return f"{settings.PUBLIC_SCHEME}://{hostname}{suffix}"


class DomainQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # A bulk change sends no post_save; cached host routes must still forget it now.
        rows = super().update(**kwargs)
        districts_updated_in_bulk.send(sender=self.model)
        return rows


class Domain(DomainMixin):
    """A host name that routes to a district: its own sub-domain and any custom domains."""

    objects = DomainQuerySet.as_manager()

    class Meta:
        ordering = ["-is_primary", "domain"]

    def __str__(self) -> str:
        return self.domain


class DistrictListing(models.Model):
    """The state's read model of a district's published site, written by the sync task."""

    district = models.OneToOneField(
        District, on_delete=models.CASCADE, primary_key=True, related_name="listing"
    )
    home_title = models.CharField(max_length=255, blank=True)
    home_published_at = models.DateTimeField(null=True, blank=True)
    synced_at = models.DateTimeField()

    class Meta:
        ordering = ["district__name"]

    def __str__(self) -> str:
        return f"{self.district} (synced {self.synced_at:%Y-%m-%d %H:%M})"


class SupportLink(models.Model):
    """A signed, short-lived, single-use link that lets state staff into a district's admin."""

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="support_links")
    issued_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="support_links"
    )
    reason = models.CharField(max_length=255)
    issued_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"Support link for {self.district} issued to {self.issued_to}"


class SchemaMigrationRecord(models.Model):
    """What one run of `migrate_schemas` applied in one district schema, and how it ended."""

    run_started_at = models.DateTimeField(db_index=True)
    schema_name = models.CharField(max_length=63, db_index=True)
    applied = models.JSONField(default=list, help_text=_("app.migration names, in order."))
    succeeded = models.BooleanField()
    error = models.TextField(blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        ordering = ["-run_started_at", "schema_name"]

    def __str__(self) -> str:
        outcome = "migrated" if self.succeeded else "failed"
        return f"{self.schema_name} {outcome} ({len(self.applied)} applied)"
