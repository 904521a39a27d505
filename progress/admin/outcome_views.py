"""Learner-outcome uploads in the district's admin: check every row, save all or nothing."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from progress.models import OutcomeCount, OutcomeUpload
from progress.outcome_csv import OutcomeFileRefused, read_outcome_csv, template_csv
from publishing.sync import sync_on_commit
from spreadsheets.writing import CONTENT_TYPES
from state.models import StateCompetency
from tenants.state import on_state_schema

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class OutcomeUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of counts"),
        help_text=_(
            "Columns: school_year, competency, grade_band, level, count. Counts only: a "
            "file with any other column (a student id, a name, a birth date) is refused."
        ),
    )


def _check(request, permission: str) -> None:
    if on_state_schema() or not request.user.has_perm(f"progress.{permission}"):
        raise PermissionDenied


def uploads_view(request):
    _check(request, "view_outcomeupload")
    form = OutcomeUploadForm()
    problems, refusal = [], None
    if request.method == "POST":
        _check(request, "add_outcomeupload")
        form = OutcomeUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > MAX_UPLOAD_BYTES:
                    raise OutcomeFileRefused("The file is larger than 2 MB; split it by year.")
                slugs = set(StateCompetency.objects.values_list("slug", flat=True))
                rows, problems = read_outcome_csv(upload.read(), slugs)
            except OutcomeFileRefused as error:
                refusal = str(error)
            else:
                if not problems:
                    _save(upload.name, rows, request.user)
                    messages.success(
                        request,
                        ngettext(
                            "%(count)d count from %(file)s is saved. Publish it to send it "
                            "to the state.",
                            "%(count)d counts from %(file)s are saved. Publish them to send "
                            "them to the state.",
                            len(rows),
                        )
                        % {"count": len(rows), "file": upload.name},
                    )
                    return redirect("progress_outcomes")
    uploads = OutcomeUpload.objects.all()
    for upload in uploads:
        upload.summary = _summary(upload)
    return TemplateResponse(
        request,
        "progress/outcome_uploads.html",
        {"form": form, "problems": problems, "refusal": refusal, "uploads": uploads},
        status=400 if (problems or refusal) else 200,
    )


def _save(file_name: str, rows, user) -> OutcomeUpload:
    with transaction.atomic():
        upload = OutcomeUpload.objects.create(file_name=file_name[:255], uploaded_by=user)
        OutcomeCount.objects.bulk_create(
            OutcomeCount(
                upload=upload,
                school_year=row.school_year,
                competency_slug=row.competency_slug,
                grade_band=row.grade_band,
                level=row.level,
                count=row.count,
            )
            for row in rows
        )
    return upload


def _summary(upload: OutcomeUpload) -> str:
    counts = upload.counts.all()
    years = sorted(set(counts.values_list("school_year", flat=True)))
    competencies = counts.values_list("competency_slug", flat=True).distinct().count()
    return f"{counts.count()} counts; {', '.join(years)}; {competencies} competencies"


def publish_upload_view(request, pk):
    _check(request, "change_outcomeupload")
    upload = get_object_or_404(OutcomeUpload, pk=pk)
    if request.method == "POST" and upload.published_at is None:
        upload.published_at = timezone.now()
        upload.save(update_fields=["published_at"])
        sync_on_commit()
        messages.success(
            request,
            _(
                "%(file)s is published. For each year and competency it holds, it "
                "replaces what you published before."
            )
            % {"file": upload.file_name},
        )
    return redirect("progress_outcomes")


def template_view(request):
    _check(request, "view_outcomeupload")
    slugs = list(StateCompetency.objects.values_list("slug", flat=True))
    year = timezone.now().year
    response = HttpResponse(
        template_csv(slugs, f"{year - 1}-{str(year)[2:]}"), content_type=CONTENT_TYPES["csv"]
    )
    response["Content-Disposition"] = 'attachment; filename="learner-outcomes-template.csv"'
    return response
