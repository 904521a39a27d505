import graphene

from api.loaders import get_loader, then
from api.permissions import PermissionField
from progress.api.loaders import (
    CompetenciesByConditionLoader,
    CompetencyLoader,
    ConditionsByVersionLoader,
    DistributionLoader,
    ProgressOverTimeLoader,
    RatingsByAssessmentLoader,
    StageLoader,
    StagesByVersionLoader,
)
from progress.api.permissions import ProgressPermissions
from state.progress.models import ChangeSource
from tenants.models import AdoptionStage

DistrictAdoptionStage = graphene.Enum(
    "DistrictAdoptionStage",
    [(stage.name, stage.value) for stage in AdoptionStage],
    description="How far a district's portrait of a learner has come.",
)
AdoptionChangeSource = graphene.Enum(
    "AdoptionChangeSource", [(source.name, source.value) for source in ChangeSource]
)


class AdoptionStageCount(graphene.ObjectType):
    stage = graphene.Field(DistrictAdoptionStage, required=True)
    district_count = graphene.Int(required=True)


class AdoptionStageChange(graphene.ObjectType):
    stage = graphene.Field(DistrictAdoptionStage, required=True)
    previous_stage = graphene.Field(DistrictAdoptionStage, required=True)
    source = graphene.Field(AdoptionChangeSource, required=True)
    changed_by = graphene.String(required=True)
    note = graphene.String(required=True)
    changed_at = graphene.DateTime(required=True)


class FrameworkStage(graphene.ObjectType):
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    position = graphene.Int(required=True)
    description = graphene.String(required=True, description="Written by the state.")


class StageCount(graphene.ObjectType):
    stage = graphene.Field(FrameworkStage, required=True)
    district_count = graphene.Int(
        description="Null where the state's minimum number of districts requires it."
    )
    suppressed = graphene.Boolean(required=True)


class FrameworkCompetency(graphene.ObjectType):
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    position = graphene.Int(required=True)
    description = graphene.String(required=True)
    guiding_questions = graphene.List(graphene.NonNull(graphene.String), required=True)
    unassessed_count = graphene.Int(
        region=graphene.String(),
        description="Active districts whose latest published round does not rate this "
        "competency, including those that have published none. Null where the state's "
        "minimum number of districts requires it, unless you hold VIEW_DISTRICT_DETAIL.",
    )
    stage_distribution = graphene.List(
        graphene.NonNull(StageCount),
        required=True,
        region=graphene.String(),
        description="Active districts whose latest published round puts this competency at "
        "each stage; every stage of the framework appears, in order. Counts that would tell "
        "a district's stage (too few districts, or all at one stage, or found by subtraction "
        "from other regions) are null with suppressed true, unless you hold "
        "VIEW_DISTRICT_DETAIL.",
    )

    @staticmethod
    def resolve_guiding_questions(competency, info):
        return competency.guiding_question_list

    @staticmethod
    def resolve_unassessed_count(competency, info, region=None):
        distribution = _distribution(info, competency, region)
        return then(distribution, lambda d: d.unassessed(competency.slug))

    @staticmethod
    def resolve_stage_distribution(competency, info, region=None):
        distribution = _distribution(info, competency, region)
        return then(
            distribution,
            lambda d: [
                StageCount(stage=stage, district_count=n, suppressed=n is None)
                for stage, n in d.for_competency(competency.slug)
            ],
        )


def _distribution(info, competency, region):
    key = (competency.version_id, (region or "").strip().lower())
    return get_loader(info, DistributionLoader).load(key)


class FrameworkCondition(graphene.ObjectType):
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    priority = graphene.Boolean(required=True)
    position = graphene.Int(required=True)
    description = graphene.String(required=True)
    competencies = graphene.List(graphene.NonNull(FrameworkCompetency), required=True)

    @staticmethod
    def resolve_competencies(condition, info):
        return get_loader(info, CompetenciesByConditionLoader).load(condition.pk)


class ConditionProgress(graphene.ObjectType):
    school_year = graphene.String(required=True, description="When the rounds were published.")
    condition_slug = graphene.String(required=True)
    average_position = graphene.Float(
        required=True, description="Mean stage position (1 = first stage) of the ratings."
    )
    rating_count = graphene.Int(required=True)


class Framework(graphene.ObjectType):
    """A framework as its newest loaded version describes it."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    publisher = graphene.String(required=True)
    kind = graphene.String(required=True)
    description = graphene.String(required=True)
    version = graphene.Int(required=True)
    stages = graphene.List(graphene.NonNull(FrameworkStage), required=True)
    conditions = graphene.List(graphene.NonNull(FrameworkCondition), required=True)
    # Averages over a year's rounds tell one district's stages wherever few districts
    # published that year, and no minimum squares them with the stage distributions.
    progress_over_time = PermissionField(
        graphene.List(graphene.NonNull(ConditionProgress), required=True),
        region=graphene.String(),
        permissions=[ProgressPermissions.VIEW_DISTRICT_DETAIL],
        description="Every published round of active districts (not only the latest), by "
        "the school year it was published in and by condition.",
    )

    @staticmethod
    def resolve_progress_over_time(version, info, region=None):
        key = (version.pk, (region or "").strip().lower())
        return get_loader(info, ProgressOverTimeLoader).load(key)

    @staticmethod
    def resolve_version(version, info):
        return version.number

    @staticmethod
    def resolve_stages(version, info):
        return get_loader(info, StagesByVersionLoader).load(version.pk)

    @staticmethod
    def resolve_conditions(version, info):
        return get_loader(info, ConditionsByVersionLoader).load(version.pk)


# A Framework resolves from a FrameworkVersion; these read through to its framework.
for _field in ("slug", "name", "publisher", "kind", "description"):
    setattr(
        Framework,
        f"resolve_{_field}",
        staticmethod(lambda version, info, _field=_field: getattr(version.framework, _field)),
    )


class PublishedRating(graphene.ObjectType):
    competency = graphene.Field(FrameworkCompetency, required=True)
    stage = graphene.Field(FrameworkStage, required=True)

    @staticmethod
    def resolve_competency(rating, info):
        assessment = rating.assessment
        key = (assessment.framework_slug, assessment.framework_version, rating.competency_slug)
        return get_loader(info, CompetencyLoader).load(key)

    @staticmethod
    def resolve_stage(rating, info):
        assessment = rating.assessment
        key = (assessment.framework_slug, assessment.framework_version, rating.stage_slug)
        return get_loader(info, StageLoader).load(key)


class PublishedAssessment(graphene.ObjectType):
    """A district's latest published self-assessment round on a framework: the consensus."""

    name = graphene.String(required=True)
    published_at = graphene.DateTime(required=True)
    framework_version = graphene.Int(required=True)
    ratings = graphene.List(graphene.NonNull(PublishedRating), required=True)

    @staticmethod
    def resolve_ratings(assessment, info):
        def attach(ratings):
            for rating in ratings:
                rating.assessment = assessment  # spares a query per rating
            return ratings

        return then(get_loader(info, RatingsByAssessmentLoader).load(assessment.pk), attach)


class LearnerOutcome(graphene.ObjectType):
    district = graphene.Field("progress.api.districts.District", required=True)
    grade_band = graphene.String(required=True)
    level = graphene.String(required=True)
    count = graphene.Int(description="Null where the minimum cell size requires it.")
    suppressed = graphene.Boolean(required=True)


def adoption_history_field():
    return PermissionField(
        graphene.List(graphene.NonNull(AdoptionStageChange), required=True),
        permissions=[ProgressPermissions.VIEW_DISTRICT_DETAIL],
        description="Every change of the district's adoption stage, newest first.",
    )
