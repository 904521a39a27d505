from state.progress.models.frameworks import (
    Competency,
    CompetencyStage,
    Condition,
    Framework,
    FrameworkKind,
    FrameworkVersion,
    Stage,
)
from state.progress.models.read_model import (
    AdoptionStageChange,
    ChangeSource,
    FrameworkProgressCount,
    PublishedAssessment,
    PublishedOutcomeCount,
    PublishedRating,
)
from state.progress.models.tokens import ApiToken

__all__ = [
    "AdoptionStageChange",
    "ApiToken",
    "ChangeSource",
    "Competency",
    "CompetencyStage",
    "Condition",
    "Framework",
    "FrameworkKind",
    "FrameworkProgressCount",
    "FrameworkVersion",
    "PublishedAssessment",
    "PublishedOutcomeCount",
    "PublishedRating",
    "Stage",
]
