"""Pages every site has: its notices, a search of a district's own pages, and error pages."""

from django import forms
from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from portrait.models import SiteIdentity

RESULTS_PER_PAGE = 20

NOTICES = {
    "privacy": ("privacy_notice", _("Privacy notice")),
    "accessibility": ("accessibility_statement", _("Accessibility statement")),
    "non-discrimination": ("non_discrimination_notice", _("Notice of non-discrimination")),
}


def notice_view(request, notice: str):
    field, title = NOTICES[notice]
    identity = SiteIdentity.for_request(request)
    context = {
        "title": title,
        "body": getattr(identity, field),
        "report_barrier": notice == "accessibility",
    }
    return TemplateResponse(request, "portrait/notice.html", context)


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Search this site for"), max_length=200)


def district_search_view(request):
    """Wagtail's search over this district's own live pages: its schema holds no other."""
    form = SiteSearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = pages.specific().search(form.cleaned_data["q"])[:RESULTS_PER_PAGE]
    return TemplateResponse(
        request, "portrait/site_search.html", {"form": form, "results": results}
    )


def server_error(request):
    """The 500 page, drawn without the database: whatever failed may be the database."""
    tenant = getattr(request, "tenant", None)
    is_state_site = tenant is None or getattr(tenant, "is_state", False)
    context = {
        "request": request,
        "current_tenant": tenant,
        "is_state_site": is_state_site,
        "state_agency_name": settings.STATE_NAME,
        "bare_chrome": True,
    }
    return HttpResponseServerError(loader.render_to_string("500.html", context))
