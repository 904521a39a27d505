"""Learner-outcome counts a district uploads: aggregates only, never a row per learner."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GradeBand(models.TextChoices):
    K_2 = "K-2", _("Kindergarten to grade 2")
    G3_5 = "3-5", _("Grades 3 to 5")
    G6_8 = "6-8", _("Grades 6 to 8")
    G9_12 = "9-12", _("Grades 9 to 12")


class PerformanceLevel(models.TextChoices):
    BEGINNING = "beginning", _("Beginning")
    APPROACHING = "approaching", _("Approaching")
    MEETING = "meeting", _("Meeting")
    EXCEEDING = "exceeding", _("Exceeding")


class OutcomeUpload(models.Model):
    file_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.uploaded_at:%Y-%m-%d})"


class OutcomeCount(models.Model):
    upload = models.ForeignKey(OutcomeUpload, on_delete=models.CASCADE, related_name="counts")
    school_year = models.CharField(max_length=9)
    competency_slug = models.SlugField(max_length=80)
    grade_band = models.CharField(max_length=10, choices=GradeBand.choices)
    level = models.CharField(max_length=20, choices=PerformanceLevel.choices)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["upload", "school_year", "competency_slug", "grade_band", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["upload", "school_year", "competency_slug", "grade_band", "level"],
                name="one_uploaded_count_per_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.school_year} {self.competency_slug} {self.grade_band} {self.level}"
