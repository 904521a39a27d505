"""The state's directory of districts: one query for the page, whatever the state's size."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from state.models import PortraitAlignment, PortraitTranslationListing, StateCompetency
from tenants.models import AdoptionStage, District

DISTRICTS_PER_PAGE = 24


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("District name"), required=False, max_length=100)
    region = forms.ChoiceField(required=False)
    stage = forms.ChoiceField(
        label=_("Adoption stage"),
        required=False,
        choices=[("", _("Any stage")), *AdoptionStage.choices],
    )
    competency = forms.ChoiceField(label=_("State competency"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = District.objects.active().regions()
        self.fields["region"].choices = [("", _("All regions")), *((r, r) for r in regions)]
        self.fields["competency"].choices = [
            ("", _("Any competency")),
            *StateCompetency.names(get_language()).items(),
        ]


def directory_view(request):
    form = DirectoryFilterForm(request.GET or None)
    districts = (
        District.objects.active()
        .select_related("listing", "portrait_listing")
        .prefetch_related("domains")
        .order_by("name")
    )
    if form.is_bound and form.is_valid():
        filters = form.cleaned_data
        if filters["q"]:
            districts = districts.filter(name__icontains=filters["q"].strip())
        if filters["region"]:
            districts = districts.filter(region__iexact=filters["region"])
        if filters["stage"]:
            districts = districts.filter(adoption_stage=filters["stage"])
        if filters["competency"]:
            aligned = PortraitAlignment.objects.filter(
                district=OuterRef("pk"), state_competency_slug=filters["competency"]
            )
            districts = districts.filter(Exists(aligned))
    language = get_language()
    if language != settings.LANGUAGE_CODE:
        # One more query, for the page's districts: their portraits in the reader's language.
        in_language = PortraitTranslationListing.objects.filter(language=language)
        districts = districts.prefetch_related(
            Prefetch("portrait_translations", queryset=in_language, to_attr="translated_portraits")
        )
    page = Paginator(districts, DISTRICTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "portrait/directory.html", {"form": form, "districts": page})
