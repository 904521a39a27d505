"""State staff set a district's adoption stage directly; the change joins its history."""

from django.db import transaction
from django.utils import timezone

from progress.statewide.models import AdoptionStageChange, ChangeSource
from tenants.models import District


def set_adoption_stage_by_state(district: District, stage: str, user, note: str = "") -> bool:
    """Record a state change of stage; False when the district already stands there."""
    with transaction.atomic():
        district = District.objects.select_for_update().get(pk=district.pk)
        if district.adoption_stage == stage:
            return False
        AdoptionStageChange.objects.create(
            district=district,
            stage=stage,
            previous_stage=district.adoption_stage,
            source=ChangeSource.STATE,
            changed_by=user.get_username() if user else "",
            note=note,
            changed_at=timezone.now(),
        )
        district.adoption_stage = stage
        district.save(update_fields=["adoption_stage", "updated_at"])
    return True


def record_state_change(sender, district, previous, user, **kwargs) -> None:
    """The registry's edit form already saved the new stage; add it to the history."""
    AdoptionStageChange.objects.create(
        district=district,
        stage=district.adoption_stage,
        previous_stage=previous,
        source=ChangeSource.STATE,
        changed_by=user.get_username() if user else "",
        changed_at=timezone.now(),
    )
