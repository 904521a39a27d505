"""The history of each district's adoption stage: one row per change, whoever made it."""

from state.progress.models import AdoptionStageChange
from tenants.adoption import StageChange


def record_stage_change(change: StageChange) -> None:
    """Registered with tenants.adoption: every change of stage joins the history."""
    AdoptionStageChange.objects.create(
        district=change.district,
        stage=change.stage,
        previous_stage=change.previous_stage,
        source=change.source,
        changed_by=change.changed_by,
        note=change.note,
        changed_at=change.changed_at,
        report_key=change.report_key,
    )
