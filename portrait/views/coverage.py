"""How many district portraits carry each state competency."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from state.models import PortraitAlignment, PortraitListing, StateCompetency


def coverage_rows():
    """Each state competency with the number of active districts whose published portrait
    carries a competency aligned to it: one query."""
    aligned = (
        PortraitAlignment.objects.filter(
            state_competency_slug=OuterRef("slug"), district__is_active=True
        )
        .order_by()
        .values("state_competency_slug")
        .annotate(districts=Count("district_id", distinct=True))
        .values("districts")
    )
    return StateCompetency.objects.annotate(
        aligned_district_count=Coalesce(Subquery(aligned, output_field=IntegerField()), Value(0))
    ).order_by("position", "name")


def coverage_view(request):
    rows = list(coverage_rows())
    language = get_language()
    for row in rows:
        row.label = row.name_in(language)
    portraits = PortraitListing.objects.filter(district__is_active=True).count()
    widest = max((row.aligned_district_count for row in rows), default=0)
    return TemplateResponse(
        request,
        "portrait/coverage.html",
        {"rows": rows, "portrait_count": portraits, "scale": max(widest, portraits, 1)},
    )
