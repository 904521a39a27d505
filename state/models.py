"""The public schema's statewide tables. Districts never write them directly: the sync path
does, after a district publishes (see publishing.sync)."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.search import index

from tenants.permissions import StateOnlyPermissionPolicy


class PortraitLabel(models.TextChoices):
    LEARNER = "Portrait of a Learner"
    GRADUATE = "Portrait of a Graduate"


class StateSettings(BaseGenericSetting):
    """Choices the state makes once for the whole portal."""

    portrait_label = models.CharField(
        max_length=40,
        choices=PortraitLabel.choices,
        default=PortraitLabel.LEARNER,
        help_text=_("What the portal calls a portrait, on the state site and every district's."),
    )
    minimum_cell_size = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(2), MaxValueValidator(100)],
        help_text=_("Counts of learners or respondents below this are never shown publicly."),
    )
    minimum_district_count = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(2), MaxValueValidator(50)],
        help_text=_(
            "Figures about districts' self-assessments (how many stand at each stage) "
            "are shown publicly only for groups of at least this many districts."
        ),
    )
    notice_lead_working_days = models.PositiveSmallIntegerField(
        default=3,
        validators=[MaxValueValidator(30)],
        help_text=_("Working days between a convening's public notice and the convening."),
    )
    two_factor_for_state_staff = models.BooleanField(
        default=False,
        verbose_name=_("Require two-factor sign-in for state staff"),
        help_text=_(
            "Everyone who signs in to the state's admin with a password must also "
            "enter a code from an authenticator app."
        ),
    )
    two_factor_for_district_administrators = models.BooleanField(
        default=False,
        verbose_name=_("Require two-factor sign-in for district administrators"),
        help_text=_(
            "Each district's administrators must also enter a code from an "
            "authenticator app when they sign in to their district's admin."
        ),
    )

    agency_name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_(
            "The state's name as the portal shows it, for example "
            "“Example State Department of Education”. Districts link back to it by this name."
        ),
    )
    district_boundaries = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "School district boundaries as GeoJSON (as NCES EDGE publishes them), "
            "matched to districts by name. The state's front page then shows a map "
            "of adoption stages."
        ),
    )

    panels = [
        FieldPanel("agency_name"),
        FieldPanel("portrait_label"),
        FieldPanel("minimum_cell_size"),
        FieldPanel("minimum_district_count"),
        FieldPanel("notice_lead_working_days"),
        FieldPanel("district_boundaries"),
        MultiFieldPanel(
            [
                FieldPanel("two_factor_for_state_staff"),
                FieldPanel("two_factor_for_district_administrators"),
            ],
            heading=_("Two-factor sign-in"),
        ),
    ]

    class Meta:
        verbose_name = _("state settings")

    @classmethod
    def get_permission_policy(cls):
        return StateOnlyPermissionPolicy(cls, forbidden_actions=("delete",))

    @classmethod
    def current(cls) -> "StateSettings":
        """The state's settings, from any schema (the table lives only in public)."""
        return cls.load()


class StateCompetency(models.Model):
    """A competency of the published state portrait, as districts align to it: by slug."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    definition = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    # Where the state translated its portrait: {"es": {"name": ..., "definition": ...}}.
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = _("state competencies")

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str | None) -> str:
        """The name in that language where the state translated it, in English otherwise."""
        return self.translations.get(language or "", {}).get("name") or self.name

    def definition_in(self, language: str | None) -> str:
        return self.translations.get(language or "", {}).get("definition") or self.definition

    @classmethod
    def names(cls, language: str | None) -> dict[str, str]:
        """Each competency's name by slug, in the reader's language where there is one."""
        return {competency.slug: competency.name_in(language) for competency in cls.objects.all()}


class PortraitListing(index.Indexed, models.Model):
    """One district's published portrait, as the state's pages and GraphQL read it."""

    district = models.OneToOneField(
        "tenants.District", on_delete=models.CASCADE, related_name="portrait_listing"
    )
    title = models.CharField(max_length=255)
    url = models.URLField(max_length=500)
    vision_summary = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True)
    last_revisited = models.DateField(null=True)
    synced_at = models.DateTimeField()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("vision_summary"),
        index.RelatedFields("district", [index.SearchField("name")]),
        index.FilterField("district"),
    ]

    def __str__(self) -> str:
        return self.title


class PortraitTranslationListing(models.Model):
    """A published translation of a district's portrait (its original is the PortraitListing),
    shown to readers of that language."""

    district = models.ForeignKey(
        "tenants.District", on_delete=models.CASCADE, related_name="portrait_translations"
    )
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=255)
    url = models.URLField(max_length=500)
    vision_summary = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["district", "language"], name="one_portrait_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.title


class PortraitCompetencyListing(models.Model):
    """A competency of a district's published portrait and the state competencies it serves."""

    district = models.ForeignKey(
        "tenants.District", on_delete=models.CASCADE, related_name="portrait_competencies"
    )
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=120)
    aligned_slugs = ArrayField(models.SlugField(max_length=80), default=list)

    class Meta:
        ordering = ["district", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "position"], name="one_competency_per_position"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PortraitAlignment(models.Model):
    """That a district's published portrait carries a competency aligned to a state one.
    Coverage and the directory's filter count these rows."""

    district = models.ForeignKey(
        "tenants.District", on_delete=models.CASCADE, related_name="portrait_alignments"
    )
    state_competency_slug = models.SlugField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["district", "state_competency_slug"], name="one_alignment_per_pair"
            )
        ]
        indexes = [models.Index(fields=["state_competency_slug"])]

    def __str__(self) -> str:
        return self.state_competency_slug


class StoryListing(index.Indexed, models.Model):
    """A published story of vision in practice, from a district or from the state itself."""

    district = models.ForeignKey(
        "tenants.District",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="story_listings",
        help_text=_("Empty for the state's own stories."),
    )
    page_id = models.PositiveIntegerField()
    language = models.CharField(max_length=8, default="en")
    # Shared by a story and its translations (Wagtail's translation key).
    translation_key = models.UUIDField(null=True, blank=True)
    title = models.CharField(max_length=255)
    url = models.URLField(max_length=500)
    summary = models.TextField(blank=True)
    image_url = models.CharField(max_length=500, blank=True)
    image_alt = models.CharField(max_length=255, blank=True)
    published_at = models.DateTimeField()
    state_competency_slugs = ArrayField(models.SlugField(max_length=80), default=list)
    condition_slugs = ArrayField(models.SlugField(max_length=80), default=list)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.FilterField("district"),
        index.FilterField("published_at"),
        index.FilterField("language"),
    ]

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["district", "page_id"], name="one_listing_per_story"),
            models.UniqueConstraint(
                fields=["page_id"],
                condition=models.Q(district__isnull=True),
                name="one_listing_per_state_story",
            ),
        ]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="story_feed_order"),
            GinIndex(fields=["state_competency_slugs"], name="story_competencies"),
            GinIndex(fields=["condition_slugs"], name="story_conditions"),
        ]

    def __str__(self) -> str:
        return self.title
