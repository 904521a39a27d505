"""Frameworks districts assess themselves against, as the state loads and describes them.

A framework's structure (stages, conditions, competencies) comes from a file and is kept per
version; what the state writes about it (descriptions, guiding questions, what each stage
looks like) is edited in the state admin and carried forward to each new version by slug.
Districts refer to these rows by framework slug, version number and item slug, never by key.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel


class FrameworkKind(models.TextChoices):
    STAGED = "staged", _("Staged (one of ordered stages)")
    BANDED = "banded", _("Banded (one of ordered percentage bands)")


class Framework(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=FrameworkKind.choices)
    description = models.TextField(
        blank=True, help_text=_("What the framework is for, in a sentence or two.")
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def current_version(self) -> "FrameworkVersion | None":
        return self.versions.order_by("-number").first()


class FrameworkVersion(models.Model):
    """One loaded structure of a framework. Loading a changed file makes a new version; the
    newest is the one new assessment rounds use."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    structure_digest = models.CharField(
        max_length=64, help_text=_("SHA-256 of the structure, to tell a re-run from a change.")
    )
    source = models.TextField(help_text=_("The file as it was loaded."))
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.framework} (version {self.number})"


class Stage(models.Model):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="stages")
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField()
    description = models.TextField(
        blank=True, help_text=_("What a district at this stage generally looks like.")
    )

    panels = [FieldPanel("description")]

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "slug"], name="one_stage_slug_per_version")
        ]

    def __str__(self) -> str:
        return self.name


class Condition(models.Model):
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="conditions"
    )
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    priority = models.BooleanField(
        default=False, help_text=_("A condition the framework asks districts to work on first.")
    )
    position = models.PositiveSmallIntegerField()
    description = models.TextField(blank=True)

    panels = [FieldPanel("description")]

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "slug"], name="one_condition_slug_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Competency(ClusterableModel):
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="competencies"
    )
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="competencies")
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(help_text=_("Order within the whole framework."))
    description = models.TextField(
        blank=True, help_text=_("A short description, shown to district teams as they rate.")
    )
    guiding_questions = models.TextField(
        blank=True, help_text=_("Questions a team can ask itself, one per line.")
    )

    panels = [
        FieldPanel("description"),
        FieldPanel("guiding_questions"),
        MultiFieldPanel(
            [InlinePanel("stage_descriptions", label=_("Stage"))],
            heading=_("What each stage looks like"),
        ),
    ]

    class Meta:
        ordering = ["version", "position"]
        verbose_name_plural = _("competencies")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "slug"], name="one_competency_slug_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def guiding_question_list(self) -> list[str]:
        return [line.strip() for line in self.guiding_questions.splitlines() if line.strip()]


class CompetencyStage(models.Model):
    """What a competency looks like at one stage, in the state's words."""

    competency = ParentalKey(
        Competency, on_delete=models.CASCADE, related_name="stage_descriptions"
    )
    stage_slug = models.SlugField(max_length=80)
    description = models.TextField()

    panels = [FieldPanel("stage_slug"), FieldPanel("description")]

    class Meta:
        ordering = ["competency", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "stage_slug"], name="one_description_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency} at {self.stage_slug}"

    def clean(self):
        competency = getattr(self, "competency", None)
        if competency is None or not competency.version_id:
            return
        slugs = list(
            Stage.objects.filter(version_id=competency.version_id).values_list("slug", flat=True)
        )
        if self.stage_slug not in slugs:
            raise ValidationError(
                {
                    "stage_slug": _("Use one of this framework's stages: %(stages)s.")
                    % {"stages": ", ".join(slugs)}
                }
            )
