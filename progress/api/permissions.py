from enum import Enum


class ProgressPermissions(Enum):
    """What the progress API asks of a user beyond what is public (Django permission names)."""

    VIEW_DISTRICT_DETAIL = "progress_statewide.view_district_detail"
    VIEW_UNSUPPRESSED_COUNTS = "progress_statewide.view_unsuppressed_counts"
    CHANGE_ADOPTION_STAGE = "tenants.change_district"
