"""The district's admin: rounds and action plans as Wagtail viewsets."""

from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from progress.admin import assessment_views
from progress.admin.assessment_forms import AssessmentRoundForm
from progress.admin.policies import DistrictOnlyPermissionPolicy
from progress.models import ActionPlan, AssessmentRound
from state.progress.models import Competency


class RoundCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class RoundWorkColumn(Column):
    def get_value(self, instance):
        links = [
            ("progress_rounds:ratings", "Your ratings"),
            ("progress_rounds:consensus", "Consensus"),
        ]
        if not instance.is_published:
            links.append(("progress_rounds:publish", "Publish"))
        return format_html_join(
            " · ",
            '<a href="{}">{}<span class="w-sr-only"> for {}</span></a>',
            ((reverse(name, args=[instance.pk]), label, instance.name) for name, label in links),
        )


class AssessmentRoundViewSet(ModelViewSet):
    model = AssessmentRound
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("framework"), FieldPanel("notes")],
        base_form_class=AssessmentRoundForm,
    )
    add_view_class = RoundCreateView
    icon = "tasks"
    menu_label = _("Assessment rounds")
    copy_view_enabled = False
    list_display = [
        "name",
        Column("framework_slug", label=_("Framework")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("published_at", label=_("Published")),
        RoundWorkColumn("work", label=_("Work on it")),
    ]
    list_filter = ["status", "framework_slug"]

    @cached_property
    def permission_policy(self):
        return DistrictOnlyPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/ratings/", assessment_views.ratings_view, name="ratings"),
            path("<int:pk>/consensus/", assessment_views.consensus_view, name="consensus"),
            path("<int:pk>/publish/", assessment_views.publish_view, name="publish"),
        ]


class ActionPlanForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        versions = AssessmentRound.objects.values_list("framework_slug", "framework_version")
        competencies = Competency.objects.none()
        for slug, number in set(versions):
            competencies |= Competency.objects.filter(
                version__framework__slug=slug, version__number=number
            )
        choices = sorted({(c.slug, c.name) for c in competencies}, key=lambda pair: pair[1])
        self.fields["competency_slug"] = forms.ChoiceField(
            label=_("Competency"), choices=[("", "Choose a competency")] + choices
        )

    def clean(self):
        data = super().clean()
        round_, slug = data.get("round"), data.get("competency_slug")
        if round_ and slug:
            known = Competency.objects.filter(
                version__framework__slug=round_.framework_slug,
                version__number=round_.framework_version,
                slug=slug,
            )
            if not known.exists():
                self.add_error(
                    "competency_slug", _("This competency is not in the round's framework.")
                )
        return data


class ActionPlanViewSet(ModelViewSet):
    model = ActionPlan
    icon = "list-ul"
    menu_label = _("Action plans")
    copy_view_enabled = False
    list_display = [
        Column("competency_name", label=_("Competency")),
        "round",
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("review_on", label=_("Review on")),
    ]
    list_filter = ["status", "round"]

    @cached_property
    def permission_policy(self):
        return DistrictOnlyPermissionPolicy(self.model)

    @cached_property
    def edit_handler(self):
        return ObjectList(ActionPlan.panels, base_form_class=ActionPlanForm)

    def get_queryset(self, request):
        return ActionPlan.objects.select_related("round")


class SelfAssessmentGroup(ViewSetGroup):
    menu_label = _("Self-assessment")
    menu_icon = "tasks"
    menu_order = 250
    items = (
        AssessmentRoundViewSet("progress_rounds"),
        ActionPlanViewSet("progress_action_plans"),
    )
