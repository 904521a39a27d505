import graphene
from graphql import GraphQLError

from api.permissions import require
from progress.api.permissions import ProgressPermissions
from progress.api.types import DistrictAdoptionStage
from tenants.adoption import BY_STATE, change_adoption_stage
from tenants.models import District


class SetDistrictAdoptionStage(graphene.Mutation):
    """State staff record a district's adoption stage; the change joins its history."""

    class Arguments:
        slug = graphene.String(required=True)
        stage = DistrictAdoptionStage(required=True)
        note = graphene.String()

    district = graphene.Field("progress.api.districts.District")
    changed = graphene.Boolean(required=True)

    permissions = [ProgressPermissions.CHANGE_ADOPTION_STAGE]

    @classmethod
    def mutate(cls, root, info, slug, stage, note=""):
        require(info, cls.permissions)
        district = District.objects.active().filter(slug=slug).first()
        if district is None:
            raise GraphQLError(f"No active district has the slug “{slug}”.")
        value = getattr(stage, "value", stage)
        changed = change_adoption_stage(
            district,
            value,
            source=BY_STATE,
            changed_by=user.get_username() if (user := info.context.user) else "",
            note=note or "",
        )
        district.refresh_from_db()
        return cls(district=district, changed=changed)


class ProgressMutations(graphene.ObjectType):
    set_district_adoption_stage = SetDistrictAdoptionStage.Field()
