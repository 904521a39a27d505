"""The council in the state's Wagtail admin. Every viewset uses the state's permission policy,
so no district's admin lists, opens or changes council data."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from council import emails
from council import registration as seats
from council.models import (
    Convening,
    ExportLog,
    Invitation,
    MemberProfile,
    Minutes,
    Outcome,
    Prompt,
    Theme,
)
from council.staff import tools
from council.staff.guards import StateOnlyViewSetMixin, StateToolMenuItem
from state.models import StateCompetency


class LinkColumn(Column):
    """A link to one of the council's own admin pages for the row."""

    def __init__(self, name, url_name, text, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name, self.text = url_name, text

    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}<span class="w-sr-only"> {}</span></a>',
            reverse(self.url_name, args=[instance.pk]),
            self.text,
            _("for %(item)s") % {"item": instance},
        )


class NoticeColumn(Column):
    def get_value(self, instance):
        return _("Published") if instance.is_noticed else _("Not yet")


class ConveningEditView(generic.EditView):
    def save_instance(self):
        convening = super().save_instance()
        # A raised capacity seats the waitlist in order, before any newcomer.
        seats.fill_free_seats(convening.pk)
        return convening


class ConveningViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = Convening
    icon = "date"
    menu_label = _("Convenings")
    edit_view_class = ConveningEditView
    list_display = [
        "title",
        DateColumn("starts_at", label=_("Starts")),
        Column("format", label=_("Format"), accessor="get_format_display"),
        NoticeColumn("notice", label=_("Notice")),
        LinkColumn(
            "desk", "council_admin:convening_desk", _("Registrations and actions"), label=_("Run")
        ),
    ]
    list_filter = ["format", "registration_open"]
    search_fields = ["title", "summary"]
    copy_view_enabled = False


class PromptForm(WagtailAdminModelForm):
    """The competency is chosen from the state's, by slug (districts align by slug too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency_slug"] = forms.ChoiceField(
            choices=[("", _("None"))]
            + [(c.slug, c.name) for c in StateCompetency.objects.order_by("position", "name")],
            required=False,
            label=_("Competency"),
            help_text=_("For a prompt about one competency of the draft."),
        )


class PromptViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = Prompt
    icon = "comment"
    menu_label = _("Prompts")
    list_display = [
        "title",
        Column("mode", label=_("Mode"), accessor="get_mode_display"),
        Column("about", label=_("About")),
        BooleanColumn("is_published", label=_("Published")),
        LinkColumn("desk", "council_admin:prompt_desk", _("Answers and themes"), label=_("Work")),
    ]
    list_filter = ["mode", "subject", "is_published"]
    search_fields = ["title"]
    copy_view_enabled = False
    edit_handler = ObjectList(Prompt.panels, base_form_class=PromptForm)


class MinutesEditView(generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        minutes = Minutes.objects.filter(pk=kwargs.get("pk")).first()
        if minutes is not None and minutes.is_approved:
            # Approved minutes are the record: they are not edited afterwards.
            messages.error(request, _("These minutes are approved and can no longer be changed."))
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MinutesViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = Minutes
    icon = "doc-full"
    menu_label = _("Minutes")
    edit_view_class = MinutesEditView
    forbidden_actions = ("delete",)
    list_display = [
        "convening",
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("approved_at", label=_("Approved")),
    ]
    copy_view_enabled = False


class ThemeViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    form_fields = ["prompt", "name", "description"]
    list_display = ["name", "prompt"]
    copy_view_enabled = False


class OutcomeViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = Outcome
    icon = "tick-inverse"
    menu_label = _("You said, we did")
    list_display = [
        "theme",
        Column("status", label=_("Status"), accessor="get_status_display"),
        BooleanColumn("is_published", label=_("Published")),
        DateColumn("updated_at", label=_("Updated")),
    ]
    list_filter = ["status", "is_published"]
    copy_view_enabled = False


class InvitationForm(WagtailAdminModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "region", "voice", "language"]


class InvitationCreateView(generic.CreateView):
    def save_instance(self):
        invitation = self.form.save(commit=False)
        token = invitation.issue_token()
        invitation.invited_by = self.request.user
        invitation.save()
        emails.queue_invitation(invitation, token)
        return invitation


class InvitationViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    add_view_class = InvitationCreateView
    form_fields = ["email", "region", "voice", "language"]
    list_display = [
        "email",
        Column("status", label=_("Status")),
        DateColumn("created_at", label=_("Sent")),
    ]
    search_fields = ["email"]
    edit_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return InvitationForm


class MemberViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = MemberProfile
    icon = "group"
    menu_label = _("Members")
    add_view_enabled = False
    copy_view_enabled = False
    form_fields = ["display_name", "region", "voice", "is_active"]
    list_display = [
        "display_name",
        "region",
        Column("voice", label=_("Voice"), accessor="get_voice_display"),
        BooleanColumn("is_active", label=_("Active")),
    ]
    list_filter = ["region", "voice", "is_active"]
    search_fields = ["display_name", "user__email"]


class ExportLogViewSet(StateOnlyViewSetMixin, ModelViewSet):
    model = ExportLog
    icon = "download"
    menu_label = _("Export log")
    forbidden_actions = ("add", "change", "delete")
    add_view_enabled = False
    edit_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["username", "what", "subject", "file_format", "row_count", "exported_at"]
    list_filter = ["what", "file_format"]

    def get_form_class(self, for_update=False):
        return None


class ToolViewSet(ViewSet):
    """A council tool with a menu entry; its views check their own permissions."""

    permission = ""
    url_name = ""

    def get_menu_item(self, order=None):
        return StateToolMenuItem(
            label=self.menu_label,
            url=reverse(self.url_name),
            name=self.name,
            icon_name=self.menu_icon,
            order=order if order is not None else self.menu_order,
            permission=self.permission,
        )


class OverviewViewSet(ToolViewSet):
    menu_label = _("What is due")
    menu_icon = "time"
    permission = "council.view_convening"
    url_name = "council_admin:overview"


class CheckInViewSet(ToolViewSet):
    menu_label = _("Check-in desk")
    menu_icon = "success"
    permission = "council.change_registration"
    url_name = "council_admin:check_in"


class ModerationViewSet(ToolViewSet):
    menu_label = _("Moderation")
    menu_icon = "warning"
    permission = "council.change_thought"
    url_name = "council_admin:moderation"


class CouncilGroup(ViewSetGroup):
    menu_label = _("Council")
    menu_icon = "group"
    menu_order = 160
    items = (
        OverviewViewSet("council_overview"),
        ConveningViewSet("council_convenings"),
        CheckInViewSet("council_check_in"),
        MinutesViewSet("council_minutes"),
        PromptViewSet("council_prompts"),
        ThemeViewSet("council_themes"),
        ModerationViewSet("council_moderation"),
        OutcomeViewSet("council_outcomes"),
        InvitationViewSet("council_invitations"),
        MemberViewSet("council_members"),
        ExportLogViewSet("council_exports"),
    )


admin_urls = [path("council/", include((tools.urlpatterns, "council_admin")))]
