import graphene

from portal.api.paging import page, page_arguments
from statewide.api.types import District, StatePortrait
from statewide.models import StateCompetency
from tenants.models import District as DistrictModel

LARGEST_DISTRICT_PAGE = 2_000  # every district of the largest state, Texas, in one page


class StatewideQueries(graphene.ObjectType):
    state_portrait = graphene.Field(StatePortrait, required=True)
    district = graphene.Field(District, slug=graphene.String(required=True))
    districts = graphene.List(
        graphene.NonNull(District),
        required=True,
        region=graphene.String(description="A region's name (any case); omit for the state."),
        **page_arguments(LARGEST_DISTRICT_PAGE),
        description="Every active district, by name.",
    )

    @staticmethod
    def resolve_state_portrait(root, info):
        return StatePortrait(competencies=list(StateCompetency.objects.all()))

    @staticmethod
    def resolve_district(root, info, slug):
        return DistrictModel.objects.active().filter(slug=slug).first()

    @staticmethod
    def resolve_districts(root, info, first, offset, region=None):
        districts = DistrictModel.objects.active()
        if region:
            districts = districts.filter(region__iexact=region.strip())
        return list(page(districts, first=first, offset=offset, largest=LARGEST_DISTRICT_PAGE))
