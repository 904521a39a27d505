"""Search across the state site, district portraits and every story."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from state.models import PortraitListing, StoryListing
from tenants.models import District

RESULTS_PER_KIND = 20


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200)


def search_view(request):
    form = SearchForm(request.GET or None)
    results = {}
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        backend = get_search_backend()
        active = District.objects.active()
        # The reader's language, and English for what is not translated yet.
        languages = {settings.LANGUAGE_CODE, get_language()}
        locales = Locale.objects.filter(language_code__in=languages)
        portraits = PortraitListing.objects.filter(district__in=active).select_related("district")
        stories = StoryListing.objects.filter(
            Q(district__isnull=True) | Q(district__in=active), language__in=languages
        ).select_related("district")
        pages = Page.objects.live().public().filter(locale__in=locales)
        results = {
            "pages": pages.specific().search(query)[:RESULTS_PER_KIND],
            "portraits": backend.search(query, portraits)[:RESULTS_PER_KIND],
            "stories": backend.search(query, stories)[:RESULTS_PER_KIND],
        }
    return TemplateResponse(request, "portrait/search.html", {"form": form, **results})
