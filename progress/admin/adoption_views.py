"""The district tells the state how far its portrait has come."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from progress.models import AdoptionStageReport
from publishing.sync import sync_on_commit
from tenants.state import on_state_schema


class AdoptionStageReportForm(forms.ModelForm):
    class Meta:
        model = AdoptionStageReport
        fields = ["stage", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


def adoption_view(request):
    if on_state_schema() or not request.user.has_perm("progress.add_adoptionstagereport"):
        raise PermissionDenied
    district = request.tenant
    form = AdoptionStageReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            report = form.save(commit=False)
            report.reported_by = request.user
            report.save()
            sync_on_commit()
        messages.success(
            request,
            _("The state will see your portrait as “%(stage)s”.")
            % {"stage": report.get_stage_display()},
        )
        return redirect("progress_adoption")
    return TemplateResponse(
        request,
        "progress/adoption_stage.html",
        {
            "form": form,
            "current": district.get_adoption_stage_display(),
            "reports": AdoptionStageReport.objects.select_related("reported_by")[:50],
        },
    )
