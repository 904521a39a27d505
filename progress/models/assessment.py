"""A district team's self-assessment against a framework, round by round.

Everything here stays in the district's schema. Publishing a round sends only its consensus
(competency and stage) to the state's read model; individual ratings, evidence, rationales
and notes never leave the district.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.sync import sync_on_commit
from state.progress.models import FrameworkVersion


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PUBLISHED = "published", _("Published")


class AssessmentRoundQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=RoundStatus.PUBLISHED)


class AssessmentRound(models.Model):
    name = models.CharField(
        max_length=200, help_text=_("For example, “Fall 2025 self-assessment”.")
    )
    framework_slug = models.SlugField(max_length=80)
    framework_version = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    notes = models.TextField(blank=True, help_text=_("The team's own notes; never published."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = AssessmentRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == RoundStatus.PUBLISHED

    def framework_version_object(self):
        """The state's framework version this round is rated on (read from the public schema)."""
        return FrameworkVersion.objects.select_related("framework").get(
            framework__slug=self.framework_slug, number=self.framework_version
        )

    def publish(self) -> None:
        """Freeze the round and send its consensus to the state once the transaction commits."""
        if self.is_published:
            raise ValidationError(_("This round is already published."))
        if not self.consensus.exists():
            raise ValidationError(
                _("Agree on a consensus stage for at least one competency first.")
            )
        self.status = RoundStatus.PUBLISHED
        self.published_at = timezone.now()
        self.save(update_fields=["status", "published_at"])
        sync_on_commit()


class IndividualRating(models.Model):
    """One team member's own rating of one competency, with the evidence behind it."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="ratings")
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress_ratings"
    )
    competency_slug = models.SlugField(max_length=80)
    stage_slug = models.SlugField(max_length=80, blank=True)
    evidence_notes = models.TextField(blank=True)
    evidence_links = models.TextField(blank=True, help_text=_("One web address per line."))
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "rater", "competency_slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "rater", "competency_slug"], name="one_rating_per_rater"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rater} on {self.competency_slug}: {self.stage_slug or 'not rated'}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


class ConsensusRating(models.Model):
    """The stage the team agrees for a competency, and why."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="consensus")
    competency_slug = models.SlugField(max_length=80)
    stage_slug = models.SlugField(max_length=80)
    rationale = models.TextField(blank=True, help_text=_("Why the team agreed on this stage."))
    is_priority = models.BooleanField(
        default=False, help_text=_("The team will keep an action plan for this competency.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "competency_slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "competency_slug"], name="one_consensus_per_competency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency_slug}: {self.stage_slug}"
