"""Batch loaders over the portrait read model (state.models)."""

from django.conf import settings
from django.db.models import Count

from api.loaders import Loader, grouped_in_key_order, in_key_order
from state.models import (
    PortraitAlignment,
    PortraitCompetencyListing,
    PortraitListing,
    PortraitTranslationListing,
    StateCompetency,
    StoryListing,
)

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


class PortraitByDistrictLoader(Loader):
    def batch(self, keys):
        rows = PortraitListing.objects.filter(district_id__in=keys)
        return in_key_order(keys, rows, lambda p: p.district_id)


class PortraitTranslationLoader(Loader):
    """Key: (district id, language code). A district's portrait translated into a language."""

    def batch(self, keys):
        rows = PortraitTranslationListing.objects.filter(
            district_id__in={district for district, _ in keys},
            language__in={language for _, language in keys},
        )
        return in_key_order(keys, rows, lambda t: (t.district_id, t.language))


class PortraitCompetenciesByDistrictLoader(Loader):
    def batch(self, keys):
        rows = PortraitCompetencyListing.objects.filter(district_id__in=keys)
        return grouped_in_key_order(keys, rows, lambda c: c.district_id)


class StateCompetencyBySlugLoader(Loader):
    def batch(self, keys):
        rows = StateCompetency.objects.filter(slug__in=keys)
        return in_key_order(keys, rows, lambda c: c.slug)


class AlignedDistrictCountLoader(Loader):
    """Key: a state competency's slug. Active districts whose published portrait carries a
    competency aligned to it: one grouped count over the read model."""

    def batch(self, keys):
        counts = dict(
            PortraitAlignment.objects.filter(
                state_competency_slug__in=keys, district__is_active=True
            )
            .values_list("state_competency_slug")
            .annotate(n=Count("district_id", distinct=True))
            .order_by()
        )
        return [counts.get(key, 0) for key in keys]


class StoriesByDistrictLoader(Loader):
    """Key: a district id. Its published stories as written in English, newest first."""

    def batch(self, keys):
        rows = StoryListing.objects.filter(district_id__in=keys, language=DEFAULT_LANGUAGE)
        return grouped_in_key_order(keys, rows, lambda story: story.district_id)


class StoryTranslationLoader(Loader):
    """Key: (translation key, language code). A story's published translation."""

    def batch(self, keys):
        rows = StoryListing.objects.filter(
            translation_key__in={story for story, _ in keys},
            language__in={language for _, language in keys},
        )
        return in_key_order(keys, rows, lambda story: (story.translation_key, story.language))
