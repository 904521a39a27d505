"""The one way a district's adoption stage changes, whichever entry point asks: the state's
registry, a district import, the GraphQL mutation or a district's report through the sync.

The district row changes here and the caches that show it forget it here; apps above keep
the history by registering a recorder (progress does), which runs in the same transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from caching.page_cache import invalidate_state_pages
from tenants.models import District

# Who changed the stage; state.progress.ChangeSource holds the same values with labels.
BY_STATE = "state"
BY_DISTRICT = "district"


@dataclass(frozen=True)
class StageChange:
    district: District
    stage: str
    previous_stage: str
    source: str
    changed_by: str
    note: str
    changed_at: datetime
    report_key: int | None = None


StageRecorder = Callable[[StageChange], None]
_recorders: list[StageRecorder] = []


def register_stage_recorder(recorder: StageRecorder) -> StageRecorder:
    """Add a step to every change of stage, run inside its transaction (e.g. its history)."""
    if recorder not in _recorders:
        _recorders.append(recorder)
    return recorder


def change_adoption_stage(
    district: District,
    stage: str,
    *,
    source: str,
    changed_by: str = "",
    note: str = "",
    changed_at: datetime | None = None,
    report_key: int | None = None,
) -> bool:
    """Move the district to `stage` and record it; False when nothing was recorded.

    A change without a `report_key` is recorded only if it moves the stage; a district's
    report is recorded whatever it says, as the district said it.
    """
    with transaction.atomic():
        district = District.objects.select_for_update().get(pk=district.pk)
        previous = district.adoption_stage
        if stage == previous and report_key is None:
            return False
        change = StageChange(
            district=district,
            stage=stage,
            previous_stage=previous,
            source=source,
            changed_by=changed_by,
            note=note,
            changed_at=changed_at or timezone.now(),
            report_key=report_key,
        )
        for recorder in _recorders:
            recorder(change)
        if stage != previous:
            district.adoption_stage = stage
            district.save(update_fields=["adoption_stage", "updated_at"])
            # The directory, the front page's chart and map, and GraphQL answers show it.
            invalidate_state_pages()  # the state's directory and cached routes
    return True
