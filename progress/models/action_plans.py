"""Action plans a district team keeps for its priority competencies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from state.progress.models import Competency


class PlanStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    DONE = "done", _("Done")


class ActionPlan(ClusterableModel):
    round = models.ForeignKey(
        "progress.AssessmentRound", on_delete=models.CASCADE, related_name="action_plans"
    )
    competency_slug = models.SlugField(
        max_length=80,
        verbose_name=_("competency"),
        help_text=_("A priority competency of the round."),
    )
    goal = models.TextField(help_text=_("What the team wants to be true when the plan is done."))
    people_responsible = models.TextField(help_text=_("Who leads the plan and who takes part."))
    listen_plan = models.TextField(
        "communication: listen",
        blank=True,
        help_text=_("How the team will hear from learners, staff, families and partners."),
    )
    share_plan = models.TextField(
        "communication: share",
        blank=True,
        help_text=_("How the team will tell the community what it is doing and learning."),
    )
    success_criteria = models.TextField(help_text=_("How the team will know the plan worked."))
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    review_on = models.DateField("review progress on", help_text=_("When the team looks again."))
    status = models.CharField(
        max_length=20, choices=PlanStatus.choices, default=PlanStatus.NOT_STARTED
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("round"),
        FieldPanel("competency_slug"),
        FieldPanel("goal"),
        FieldPanel("people_responsible"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])],
            heading=_("Timeline"),
        ),
        InlinePanel("steps", heading=_("Action steps"), label=_("Step"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("listen_plan"), FieldPanel("share_plan")], heading=_("Communication plan")
        ),
        FieldPanel("success_criteria"),
        FieldRowPanel([FieldPanel("review_on"), FieldPanel("status")]),
    ]

    class Meta:
        ordering = ["review_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "competency_slug"], name="one_plan_per_round_competency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency_name} ({self.round})"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The plan cannot end before it starts: check the two dates.")}
            )

    @property
    def competency_name(self) -> str:
        competency = Competency.objects.filter(
            version__framework__slug=self.round.framework_slug,
            version__number=self.round.framework_version,
            slug=self.competency_slug,
        ).first()
        return competency.name if competency else self.competency_slug


class ActionStep(Orderable):
    plan = ParentalKey(ActionPlan, on_delete=models.CASCADE, related_name="steps")
    description = models.TextField()
    responsible = models.CharField("who", max_length=200, blank=True)
    due_on = models.DateField("by", null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=PlanStatus.choices, default=PlanStatus.NOT_STARTED
    )

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("responsible"), FieldPanel("due_on"), FieldPanel("status")]),
    ]

    def __str__(self) -> str:
        return self.description[:60]
