from progress.statewide.models.frameworks import (
    Competency,
    CompetencyStage,
    Condition,
    Framework,
    FrameworkKind,
    FrameworkVersion,
    Stage,
)
from progress.statewide.models.read_model import (
    AdoptionStageChange,
    ChangeSource,
    FrameworkProgressCount,
    PublishedAssessment,
    PublishedOutcomeCount,
    PublishedRating,
)
from progress.statewide.models.tokens import ApiToken

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
