"""Search across the state site, district portraits and every story."""

from django import forms
from django.template.response import TemplateResponse
from wagtail.models import Page

from statewide.models import PortraitListing, StoryListing

RESULTS_PER_KIND = 20


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", max_length=200)


def search_view(request):
    form = SearchForm(request.GET or None)
    results = {}
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        results = {
            "pages": Page.objects.live().public().specific().search(query)[:RESULTS_PER_KIND],
            "portraits": PortraitListing.objects.filter(district__is_active=True)
            .select_related("district")
            .search(query)[:RESULTS_PER_KIND],
            "stories": StoryListing.objects.select_related("district").search(query)[
                :RESULTS_PER_KIND
            ],
        }
    return TemplateResponse(request, "portrait/search.html", {"form": form, **results})
