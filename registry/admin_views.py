"""The district registry in the state site's Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from support.links import issue_support_link
from tenants.adoption import BY_STATE, change_adoption_stage
from tenants.models import District, DistrictListing
from tenants.permissions import StateOnlyPermissionPolicy
from tenants.provisioning import DistrictSpec, provision_district
from tenants.state import on_state_schema


class DistrictForm(WagtailAdminModelForm):
    admin_email = forms.EmailField(
        required=False,
        max_length=150,  # it becomes the administrator's user name
        label=_("First administrator's email"),
        help_text=_(
            "Optional. This person gets an administrator account and a one-time link "
            "to choose a password."
        ),
    )

    class Meta:
        model = District
        fields = ["name", "slug", "region", "adoption_stage", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The slug names the schema and the host name: it is fixed once the district exists.
            self.fields["slug"].disabled = True
            self.fields["slug"].help_text = _("Fixed once the district exists.")
            del self.fields["admin_email"]


class DistrictCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        provisioned = provision_district(
            DistrictSpec(data["name"], data["slug"], data["region"], data["adoption_stage"]),
            admin_email=data.get("admin_email") or None,
        )
        log(instance=provisioned.district, action="wagtail.create", content_changed=True)
        if provisioned.set_password_url:
            messages.info(
                self.request,
                _("Set-password link for %(email)s (mailed to them too; it works once): %(url)s")
                % {"email": data["admin_email"], "url": provisioned.set_password_url},
            )
        return provisioned.district


class DistrictEditView(generic.EditView):
    def save_instance(self):
        stage = self.form.cleaned_data["adoption_stage"]
        with transaction.atomic():
            # The other fields save as the form has them; the stage changes through its service.
            self.object.adoption_stage = District.objects.values_list(
                "adoption_stage", flat=True
            ).get(pk=self.object.pk)
            district = super().save_instance()
            change_adoption_stage(
                district, stage, source=BY_STATE, changed_by=self.request.user.get_username()
            )
        district.refresh_from_db()
        return district


class SupportLinkForm(forms.Form):
    reason = forms.CharField(
        max_length=255,
        label=_("Why do you need to enter this district's admin?"),
        help_text=_("Recorded in the state's log and in the district's own history."),
    )


def support_link_view(request, pk):
    """Ask for a reason, then send the staff member to a fresh support link."""
    if not on_state_schema() or not request.user.has_perm("tenants.open_support_link"):
        raise PermissionDenied
    district = get_object_or_404(District, pk=pk, is_active=True)
    form = SupportLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect(issue_support_link(district, request.user, form.cleaned_data["reason"]))
    return TemplateResponse(
        request, "tenants/support_link_form.html", {"district": district, "form": form}
    )


class LastSyncedColumn(DateColumn):
    def get_value(self, instance):
        try:
            return instance.listing.synced_at
        except DistrictListing.DoesNotExist:
            return None


class SiteLinkColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{0}/">{0}</a>', instance.base_url)


class SupportLinkColumn(Column):
    def get_value(self, instance):
        if not instance.is_active:
            return ""
        url = reverse("districts:support_link", args=[instance.pk])
        return format_html(
            '<a href="{}">Open admin<span class="w-sr-only"> of {}</span></a>', url, instance.name
        )


class DistrictViewSet(ModelViewSet):
    model = District
    add_view_class = DistrictCreateView
    edit_view_class = DistrictEditView
    icon = "site"
    menu_label = _("Districts")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        "name",
        "region",
        Column("adoption_stage", label=_("Adoption stage"), accessor="get_adoption_stage_display"),
        BooleanColumn("is_active", label=_("Active")),
        LastSyncedColumn("last_synced", label=_("Last synced")),
        SiteLinkColumn("site", label=_("Site")),
        SupportLinkColumn("support", label=_("Support")),
    ]
    list_filter = ["region", "adoption_stage", "is_active"]
    search_fields = ["name", "slug", "region"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "slug", "schema_name", "region", "adoption_stage", "is_active"]

    @cached_property
    def permission_policy(self):
        # The registry is the state's; a district is deactivated, never deleted.
        return StateOnlyPermissionPolicy(self.model, forbidden_actions=("delete",))

    def get_form_class(self, for_update=False):
        return DistrictForm

    def get_queryset(self, request):
        return District.objects.select_related("listing")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/support/", support_link_view, name="support_link"),
        ]


district_viewset = DistrictViewSet("districts")
