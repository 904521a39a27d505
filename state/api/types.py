import graphene
from django.conf import settings
from graphql import GraphQLError

from api.loaders import get_loader, load_many, then
from state.api.loaders import (
    AlignedDistrictCountLoader,
    PortraitCompetenciesByDistrictLoader,
    PortraitTranslationLoader,
    StateCompetencyBySlugLoader,
    StoryTranslationLoader,
)


def language_argument(by: str = "the district") -> graphene.String:
    return graphene.String(
        description='A language code ("en", "es"): the text in that language where '
        f"{by} has translated it, and in English otherwise."
    )


def translated_language(language: str | None) -> str | None:
    """The language asked for, or None for the English original; an unknown one is refused."""
    if not language or language == settings.LANGUAGE_CODE:
        return None
    offered = [code for code, _ in settings.LANGUAGES]
    if language not in offered:
        raise GraphQLError(f'Unknown language "{language}": use one of {", ".join(offered)}.')
    return language


def story_in_language(story, info, language: str | None, field_name: str):
    """A story's text in the language asked for, falling back to the English original."""
    language = translated_language(language)
    if language is None or story.translation_key is None:
        return getattr(story, field_name)
    translation = get_loader(info, StoryTranslationLoader).load((story.translation_key, language))
    return then(translation, lambda found: getattr(found or story, field_name))


def in_language(portrait, info, language: str | None, field_name: str):
    """A portrait's text in the language asked for, falling back to the English original."""
    language = translated_language(language)
    if language is None:
        return getattr(portrait, field_name)
    translation = get_loader(info, PortraitTranslationLoader).load((portrait.district_id, language))
    return then(translation, lambda found: getattr(found or portrait, field_name))


class StateCompetency(graphene.ObjectType):
    """A competency of the state's published portrait of a learner."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True, language=language_argument(by="the state"))
    definition = graphene.String(required=True, language=language_argument(by="the state"))
    aligned_district_count = graphene.Int(
        required=True,
        description="Active districts whose published portrait carries a competency aligned "
        "to this one.",
    )

    @staticmethod
    def resolve_name(competency, info, language=None):
        return competency.name_in(translated_language(language))

    @staticmethod
    def resolve_definition(competency, info, language=None):
        return competency.definition_in(translated_language(language))

    @staticmethod
    def resolve_aligned_district_count(competency, info):
        return get_loader(info, AlignedDistrictCountLoader).load(competency.slug)


class StatePortrait(graphene.ObjectType):
    competencies = graphene.List(graphene.NonNull(StateCompetency), required=True)


class DistrictPortraitCompetency(graphene.ObjectType):
    name = graphene.String(required=True)
    aligned_to = graphene.List(graphene.NonNull(StateCompetency), required=True)

    @staticmethod
    def resolve_aligned_to(competency, info):
        loader = get_loader(info, StateCompetencyBySlugLoader)
        found = load_many(loader, competency.aligned_slugs)
        # A slug the state has since retired drops out rather than failing the list.
        return then(found, lambda competencies: [c for c in competencies if c is not None])


class DistrictPortrait(graphene.ObjectType):
    title = graphene.String(required=True, language=language_argument())
    url = graphene.String(required=True, language=language_argument())
    vision_summary = graphene.String(required=True, language=language_argument())
    published_at = graphene.DateTime()
    competencies = graphene.List(graphene.NonNull(DistrictPortraitCompetency), required=True)

    @staticmethod
    def resolve_title(portrait, info, language=None):
        return in_language(portrait, info, language, "title")

    @staticmethod
    def resolve_url(portrait, info, language=None):
        return in_language(portrait, info, language, "url")

    @staticmethod
    def resolve_vision_summary(portrait, info, language=None):
        return in_language(portrait, info, language, "vision_summary")

    @staticmethod
    def resolve_competencies(portrait, info):
        return get_loader(info, PortraitCompetenciesByDistrictLoader).load(portrait.district_id)


class Story(graphene.ObjectType):
    """A published story of vision in practice, as the state's read model holds it."""

    title = graphene.String(required=True, language=language_argument())
    url = graphene.String(required=True, language=language_argument())
    summary = graphene.String(required=True, language=language_argument())
    published_at = graphene.DateTime(required=True)

    @staticmethod
    def resolve_title(story, info, language=None):
        return story_in_language(story, info, language, "title")

    @staticmethod
    def resolve_url(story, info, language=None):
        return story_in_language(story, info, language, "url")

    @staticmethod
    def resolve_summary(story, info, language=None):
        return story_in_language(story, info, language, "summary")


LARGEST_STORY_PAGE = 50  # the default too, so a query's cost counts the page it gets
