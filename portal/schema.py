"""The root of the state's GraphQL schema, assembled from each app's queries."""

import graphene

from progress.api.districts import DistrictQueries
from progress.api.mutations import ProgressMutations
from progress.api.queries import ProgressQueries
from state.api.queries import StatewideQueries


class Query(ProgressQueries, DistrictQueries, StatewideQueries, graphene.ObjectType):
    pass


class Mutation(ProgressMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
