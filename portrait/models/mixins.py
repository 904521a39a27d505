from collections.abc import Hashable, Iterable

from django.http import Http404
from wagtail.models import Page

from portrait.models.languages import DEFAULT_LANGUAGE
from tenants.state import on_state_schema


class StatePageMixin:
    """Page types that only make sense on the state site."""

    @classmethod
    def can_create_at(cls, parent):
        return on_state_schema() and super().can_create_at(parent)


class DistrictPageMixin:
    """Page types that only make sense on a district's site."""

    @classmethod
    def can_create_at(cls, parent):
        return not on_state_schema() and super().can_create_at(parent)


class EnglishFallbackMixin:
    """For a site's home page. Wagtail routes `/es/` through the Spanish home once one is live;
    a path its tree lacks (a page not translated yet, or a translation still in review) is
    routed through the English tree instead, so the reader gets the English page, marked as
    English with a note, rather than a 404."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if self.locale.language_code == DEFAULT_LANGUAGE:
                raise
            original = (
                Page.objects.live()
                .filter(translation_key=self.translation_key)
                .filter(locale__language_code=DEFAULT_LANGUAGE)
                .first()
            )
            if original is None:
                raise
            return original.specific.route(request, path_components)


def duplicate_values(values: Iterable[Hashable]) -> set[Hashable]:
    seen: set[Hashable] = set()
    duplicates: set[Hashable] = set()
    for value in values:
        (duplicates if value in seen else seen).add(value)
    return duplicates
