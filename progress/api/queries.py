import graphene
from django.db.models import Count

from api.paging import check_page, page_arguments
from api.permissions import request_user, user_has_permissions
from progress.api.loaders import active_districts
from progress.api.permissions import ProgressPermissions
from progress.api.types import AdoptionStageCount, Framework, LearnerOutcome
from progress.outcomes import outcome_page
from state.progress.models import FrameworkVersion
from tenants.models import AdoptionStage

# Every cell (four grade bands by four levels) of 2,000 districts, the largest state's count.
LARGEST_OUTCOME_PAGE = 32_000


class ProgressQueries(graphene.ObjectType):
    statewide_adoption = graphene.List(
        graphene.NonNull(AdoptionStageCount),
        required=True,
        region=graphene.String(description="A region's name (any case); omit for the state."),
        description="Active districts at each adoption stage, every stage once, in order.",
    )
    framework = graphene.Field(Framework, slug=graphene.String(required=True))
    frameworks = graphene.List(graphene.NonNull(Framework), required=True)
    learner_outcomes = graphene.List(
        graphene.NonNull(LearnerOutcome),
        required=True,
        competency=graphene.String(required=True, description="A state competency's slug."),
        school_year=graphene.String(required=True, description="E.g. 2024-25."),
        **page_arguments(LARGEST_OUTCOME_PAGE),
        description="Published learner counts per district, grade band and level. Small cells "
        "(and the cells that would give them away) are null with suppressed true, unless you "
        "hold VIEW_UNSUPPRESSED_COUNTS.",
    )

    @staticmethod
    def resolve_statewide_adoption(root, info, region=None):
        counts = dict(
            active_districts(region)
            .values_list("adoption_stage")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return [
            AdoptionStageCount(stage=stage.value, district_count=counts.get(stage.value, 0))
            for stage in AdoptionStage
        ]

    @staticmethod
    def resolve_framework(root, info, slug):
        return _newest_versions().filter(framework__slug=slug).first()

    @staticmethod
    def resolve_frameworks(root, info):
        return sorted(_newest_versions(), key=lambda version: version.framework.name)

    @staticmethod
    def resolve_learner_outcomes(root, info, competency, school_year, first, offset):
        check_page(first=first, offset=offset, largest=LARGEST_OUTCOME_PAGE)
        unsuppressed = user_has_permissions(
            request_user(info), [ProgressPermissions.VIEW_UNSUPPRESSED_COUNTS]
        )
        return outcome_page(
            competency, school_year, first=first, offset=offset, unsuppressed=unsuppressed
        )


def _newest_versions():
    return (
        FrameworkVersion.objects.select_related("framework")
        .order_by("framework_id", "-number")
        .distinct("framework_id")
    )
