import graphene

from state.api.types import StatePortrait
from state.models import StateCompetency


class StatewideQueries(graphene.ObjectType):
    state_portrait = graphene.Field(StatePortrait, required=True)

    @staticmethod
    def resolve_state_portrait(root, info):
        return StatePortrait(competencies=list(StateCompetency.objects.all()))
