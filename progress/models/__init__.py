from progress.models.action_plans import ActionPlan, ActionStep, PlanStatus
from progress.models.adoption import AdoptionStageReport
from progress.models.assessment import AssessmentRound, ConsensusRating, IndividualRating
from progress.models.outcomes import GradeBand, OutcomeCount, OutcomeUpload, PerformanceLevel

__all__ = [
    "ActionPlan",
    "ActionStep",
    "AdoptionStageReport",
    "AssessmentRound",
    "ConsensusRating",
    "GradeBand",
    "IndividualRating",
    "OutcomeCount",
    "OutcomeUpload",
    "PerformanceLevel",
    "PlanStatus",
]
