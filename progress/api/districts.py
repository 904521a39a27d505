"""A district in the state's GraphQL: its read-model portrait and its published progress."""

import graphene

from api.loaders import get_loader, then
from api.paging import check_page, page, page_arguments
from api.permissions import PermissionField
from progress.api.loaders import AdoptionHistoryByDistrictLoader, LatestAssessmentLoader
from progress.api.permissions import ProgressPermissions
from progress.api.types import DistrictAdoptionStage, PublishedAssessment, adoption_history_field
from state.api.loaders import PortraitByDistrictLoader, StoriesByDistrictLoader
from state.api.types import LARGEST_STORY_PAGE, DistrictPortrait, Story
from tenants.models import District as DistrictModel

LARGEST_DISTRICT_PAGE = 2_000  # every district of the largest state, Texas, in one page


class District(graphene.ObjectType):
    """A district as the state's read model holds it: nothing here reads its own schema."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    region = graphene.String(required=True)
    adoption_stage = graphene.Field(DistrictAdoptionStage, required=True)
    url = graphene.String(required=True, description="The district's own site.")
    portrait = graphene.Field(DistrictPortrait, description="Its published portrait, if any.")
    assessment = PermissionField(
        PublishedAssessment,
        framework=graphene.String(required=True),
        permissions=[ProgressPermissions.VIEW_DISTRICT_DETAIL],
        description="The district's latest published self-assessment on a framework.",
    )
    adoption_history = adoption_history_field()
    stories = graphene.List(  # nullable: a story's error (an unknown language) stops here
        graphene.NonNull(Story),
        first=graphene.Int(
            default_value=LARGEST_STORY_PAGE,
            description=f"How many, newest first; at most {LARGEST_STORY_PAGE}.",
        ),
        description="Its published stories of vision in practice.",
    )

    @staticmethod
    def resolve_url(district, info):
        return district.base_url + "/"

    @staticmethod
    def resolve_portrait(district, info):
        return get_loader(info, PortraitByDistrictLoader).load(district.pk)

    @staticmethod
    def resolve_assessment(district, info, framework):
        return get_loader(info, LatestAssessmentLoader).load((district.pk, framework))

    @staticmethod
    def resolve_adoption_history(district, info):
        return get_loader(info, AdoptionHistoryByDistrictLoader).load(district.pk)

    @staticmethod
    def resolve_stories(district, info, first):
        check_page(first=first, offset=0, largest=LARGEST_STORY_PAGE)
        stories = get_loader(info, StoriesByDistrictLoader).load(district.pk)
        return then(stories, lambda found: found[:first])


class DistrictQueries(graphene.ObjectType):
    district = graphene.Field(District, slug=graphene.String(required=True))
    districts = graphene.List(
        graphene.NonNull(District),
        required=True,
        region=graphene.String(description="A region's name (any case); omit for the state."),
        **page_arguments(LARGEST_DISTRICT_PAGE),
        description="Every active district, by name.",
    )

    @staticmethod
    def resolve_district(root, info, slug):
        return DistrictModel.objects.active().filter(slug=slug).first()

    @staticmethod
    def resolve_districts(root, info, first, offset, region=None):
        districts = DistrictModel.objects.active()
        if region:
            districts = districts.filter(region__iexact=region.strip())
        return list(page(districts, first=first, offset=offset, largest=LARGEST_DISTRICT_PAGE))
