"""What districts have published about their progress, as the state reads it.

Written only by the district sync (progress.sync) and by state staff's adoption-stage changes;
statewide pages, the dashboard and GraphQL read these tables and never a district's schema.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import AdoptionStage


class PublishedAssessment(models.Model):
    """A district's published self-assessment round: the consensus, never individual ratings."""

    district = models.ForeignKey(
        "tenants.District", on_delete=models.CASCADE, related_name="published_assessments"
    )
    round_key = models.PositiveBigIntegerField(help_text=_("The round's id in the district."))
    name = models.CharField(max_length=200)
    framework_slug = models.SlugField(max_length=80)
    framework_version = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    is_latest = models.BooleanField(
        default=False, help_text=_("The district's newest published round on this framework.")
    )
    synced_at = models.DateTimeField()

    class Meta:
        ordering = ["district", "framework_slug", "-published_at"]
        constraints = [
            models.UniqueConstraint(fields=["district", "round_key"], name="one_listing_per_round"),
            models.UniqueConstraint(
                fields=["district", "framework_slug"],
                condition=models.Q(is_latest=True),
                name="one_latest_round_per_framework",
            ),
        ]
        indexes = [
            models.Index(
                fields=["framework_slug", "district"],
                condition=models.Q(is_latest=True),
                name="latest_assessments",
            )
        ]
        permissions = [
            (
                "view_district_detail",
                "Can read each district's published detail through the API and dashboard",
            )
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.name}"


class PublishedRating(models.Model):
    """A consensus stage for one competency in a published round. District, framework and
    whether the round is the latest are copied from the round, so that the statewide
    distribution reads one index rather than every round ever published."""

    assessment = models.ForeignKey(
        PublishedAssessment, on_delete=models.CASCADE, related_name="ratings"
    )
    district = models.ForeignKey("tenants.District", on_delete=models.CASCADE, related_name="+")
    framework_slug = models.SlugField(max_length=80)
    is_latest = models.BooleanField()
    competency_slug = models.SlugField(max_length=80)
    stage_slug = models.SlugField(max_length=80)

    class Meta:
        ordering = ["assessment", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competency_slug"], name="one_rating_per_competency"
            )
        ]
        indexes = [
            models.Index(
                fields=["framework_slug", "district", "competency_slug", "stage_slug"],
                condition=models.Q(is_latest=True),
                name="latest_ratings",
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency_slug}: {self.stage_slug}"


class PublishedOutcomeCount(models.Model):
    """How many learners a district reported at one performance level. Raw: every reader goes
    through progress.outcomes.suppressed_outcome_table, which applies the minimum cell size."""

    district = models.ForeignKey(
        "tenants.District", on_delete=models.CASCADE, related_name="published_outcomes"
    )
    school_year = models.CharField(max_length=9)
    competency_slug = models.SlugField(max_length=80)
    grade_band = models.CharField(max_length=10)
    level = models.CharField(max_length=20)
    count = models.PositiveIntegerField()
    synced_at = models.DateTimeField()

    class Meta:
        ordering = ["district", "school_year", "competency_slug", "grade_band", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "school_year", "competency_slug", "grade_band", "level"],
                name="one_count_per_cell",
            )
        ]
        indexes = [
            models.Index(fields=["competency_slug", "school_year"], name="outcomes_by_competency")
        ]
        permissions = [
            ("view_unsuppressed_counts", "Can read learner counts below the minimum cell size")
        ]

    def __str__(self) -> str:
        return f"{self.district} {self.school_year} {self.competency_slug} {self.grade_band}"


class ChangeSource(models.TextChoices):
    STATE = "state", _("State staff")
    DISTRICT = "district", _("The district")


class AdoptionStageChange(models.Model):
    """One change of a district's adoption stage, by whoever made it."""

    district = models.ForeignKey(
        "tenants.District", on_delete=models.CASCADE, related_name="adoption_changes"
    )
    stage = models.CharField(max_length=20, choices=AdoptionStage.choices)
    previous_stage = models.CharField(max_length=20, choices=AdoptionStage.choices)
    source = models.CharField(max_length=10, choices=ChangeSource.choices)
    changed_by = models.CharField(
        max_length=150, help_text=_("A name, not a key: accounts live in different schemas.")
    )
    note = models.TextField(blank=True)
    changed_at = models.DateTimeField()
    report_key = models.PositiveBigIntegerField(
        null=True, blank=True, help_text=_("The district's report id, for changes it made.")
    )

    class Meta:
        ordering = ["district", "-changed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "report_key"],
                condition=models.Q(report_key__isnull=False),
                name="one_change_per_district_report",
            )
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.get_previous_stage_display()} → {self.get_stage_display()}"


class FrameworkProgressCount(models.Model):
    """How many active districts of a region have their latest published round on a framework
    put a competency at a stage. A summary of PublishedRating kept by the district sync and by
    district changes (state.progress.progress_summary), so that the statewide
    distribution reads a number of rows that does not grow with the number of districts."""

    framework_slug = models.SlugField(max_length=80)
    region = models.CharField(max_length=100, blank=True, help_text=_("As the district names it."))
    competency_slug = models.SlugField(max_length=80)
    stage_slug = models.SlugField(max_length=80)
    district_count = models.IntegerField()

    class Meta:
        ordering = ["framework_slug", "region", "competency_slug", "stage_slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework_slug", "region", "competency_slug", "stage_slug"],
                name="one_progress_count_per_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.framework_slug} {self.region} {self.competency_slug}: {self.district_count}"
