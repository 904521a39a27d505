"""The district sync step for progress: what a district has published, into the state's
read model. Registered with publishing.sync, so every publish sync and `rebuild_directory` run
it. Only consensus stages, published counts and adoption reports cross; it is idempotent."""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from progress.models import AdoptionStageReport, AssessmentRound, ConsensusRating, OutcomeCount
from state.progress.models import (
    AdoptionStageChange,
    PublishedAssessment,
    PublishedOutcomeCount,
    PublishedRating,
)
from state.progress.progress_summary import district_ratings_replaced
from tenants.adoption import BY_DISTRICT, change_adoption_stage
from tenants.models import District


def sync_district_progress(district: District) -> None:
    with tenant_context(district):
        rounds = list(
            AssessmentRound.objects.published().values(
                "pk", "name", "framework_slug", "framework_version", "published_at"
            )
        )
        consensus = list(
            ConsensusRating.objects.filter(round__status="published").values_list(
                "round_id", "competency_slug", "stage_slug"
            )
        )
        counts = _latest_published_counts()
        reports = list(
            AdoptionStageReport.objects.order_by("reported_at", "id").values_list(
                "pk", "stage", "note", "reported_by__username", "reported_at"
            )
        )
    with schema_context(get_public_schema_name()), transaction.atomic():
        now = timezone.now()
        with district_ratings_replaced(district.pk):
            _write_assessments(district, rounds, consensus, now)
        PublishedOutcomeCount.objects.filter(district=district).delete()
        PublishedOutcomeCount.objects.bulk_create(
            PublishedOutcomeCount(district=district, synced_at=now, **cell) for cell in counts
        )
        _write_adoption_reports(district, reports)


def _latest_published_counts() -> list[dict]:
    """For each school year and competency, the counts of the newest published upload that
    has them: a later upload corrects an earlier one."""
    rows = OutcomeCount.objects.filter(upload__published_at__isnull=False).order_by(
        "-upload__published_at", "-upload_id"
    )
    chosen_upload: dict[tuple[str, str], int] = {}
    cells = []
    fields = ("upload_id", "school_year", "competency_slug", "grade_band", "level", "count")
    for upload_id, year, competency, band, level, count in rows.values_list(*fields):
        key = (year, competency)
        if chosen_upload.setdefault(key, upload_id) != upload_id:
            continue
        cells.append(
            {
                "school_year": year,
                "competency_slug": competency,
                "grade_band": band,
                "level": level,
                "count": count,
            }
        )
    return cells


def _write_assessments(district, rounds, consensus, now) -> None:
    PublishedAssessment.objects.filter(district=district).exclude(
        round_key__in=[r["pk"] for r in rounds]
    ).delete()
    newest: dict[str, dict] = {}
    for round_ in sorted(rounds, key=lambda r: (r["published_at"], r["pk"])):
        newest[round_["framework_slug"]] = round_
    # Cleared first so that the partial unique index never sees two latest rows at once.
    PublishedAssessment.objects.filter(district=district).update(is_latest=False)
    by_round: dict[int, PublishedAssessment] = {}
    for round_ in rounds:
        assessment, _ = PublishedAssessment.objects.update_or_create(
            district=district,
            round_key=round_["pk"],
            defaults={
                "name": round_["name"],
                "framework_slug": round_["framework_slug"],
                "framework_version": round_["framework_version"],
                "published_at": round_["published_at"],
                "is_latest": newest[round_["framework_slug"]]["pk"] == round_["pk"],
                "synced_at": now,
            },
        )
        by_round[round_["pk"]] = assessment
    PublishedRating.objects.filter(assessment__district=district).delete()
    stages_by_round = defaultdict(list)
    for round_id, competency, stage in consensus:
        stages_by_round[round_id].append((competency, stage))
    PublishedRating.objects.bulk_create(
        PublishedRating(
            assessment=by_round[round_id],
            district=district,
            framework_slug=by_round[round_id].framework_slug,
            is_latest=by_round[round_id].is_latest,
            competency_slug=c,
            stage_slug=s,
        )
        for round_id, pairs in stages_by_round.items()
        if round_id in by_round
        for c, s in pairs
    )


def _write_adoption_reports(district, reports) -> None:
    known = set(
        AdoptionStageChange.objects.filter(district=district, report_key__isnull=False).values_list(
            "report_key", flat=True
        )
    )
    for key, stage, note, username, reported_at in reports:
        if key not in known:
            change_adoption_stage(
                district,
                stage,
                source=BY_DISTRICT,
                changed_by=username or "",
                note=note,
                changed_at=reported_at,
                report_key=key,
            )
