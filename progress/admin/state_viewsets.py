"""The state's admin: what the state writes about each framework. The structure itself comes
from files (load_framework), so nothing here adds or deletes a stage or a competency."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from state.progress.models import Competency, Condition, Stage
from tenants.permissions import StateOnlyPermissionPolicy

STRUCTURE_FROM_FILES = ("add", "delete")


class FrameworkTextViewSet(ModelViewSet):
    copy_view_enabled = False
    inspect_view_enabled = False

    @cached_property
    def permission_policy(self):
        return StateOnlyPermissionPolicy(self.model, forbidden_actions=STRUCTURE_FROM_FILES)

    def get_queryset(self, request):
        return self.model.objects.select_related("version__framework")


class CompetencyViewSet(FrameworkTextViewSet):
    model = Competency
    icon = "pick"
    menu_label = _("Competencies")
    list_display = [
        "name",
        Column("condition", label=_("Condition")),
        Column("version", label=_("Framework")),
        BooleanColumn("has_description", label=_("Described"), accessor="description"),
    ]
    list_filter = ["version", "condition__priority"]
    search_fields = ["name", "slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("condition")


class StageViewSet(FrameworkTextViewSet):
    model = Stage
    icon = "order"
    menu_label = _("Stages")
    list_display = ["name", Column("version", label=_("Framework")), "position"]
    list_filter = ["version"]


class ConditionViewSet(FrameworkTextViewSet):
    model = Condition
    icon = "folder-open-inverse"
    menu_label = _("Conditions")
    list_display = ["name", Column("version", label=_("Framework")), BooleanColumn("priority")]
    list_filter = ["version"]


class FrameworksGroup(ViewSetGroup):
    menu_label = _("Frameworks")
    menu_icon = "pick"
    menu_order = 260
    items = (
        CompetencyViewSet("framework_competencies"),
        ConditionViewSet("framework_conditions"),
        StageViewSet("framework_stages"),
    )
