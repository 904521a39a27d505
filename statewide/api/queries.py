import graphene

from statewide.api.types import District, StatePortrait
from statewide.models import StateCompetency
from tenants.models import District as DistrictModel


class StatewideQueries(graphene.ObjectType):
    state_portrait = graphene.Field(StatePortrait, required=True)
    district = graphene.Field(District, slug=graphene.String(required=True))
    districts = graphene.List(
        graphene.NonNull(District),
        required=True,
        region=graphene.String(description="A region's name (any case); omit for the state."),
        description="Every active district, by name.",
    )

    @staticmethod
    def resolve_state_portrait(root, info):
        return StatePortrait(competencies=list(StateCompetency.objects.all()))

    @staticmethod
    def resolve_district(root, info, slug):
        return DistrictModel.objects.active().filter(slug=slug).first()

    @staticmethod
    def resolve_districts(root, info, region=None):
        districts = DistrictModel.objects.active()
        if region:
            districts = districts.filter(region__iexact=region.strip())
        return list(districts)
