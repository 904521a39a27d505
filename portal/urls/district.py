"""URLs of a district's site (its own schema)."""

from django.conf.urls.i18n import i18n_patterns
from django.http import Http404
from django.urls import include, path

from portal.urls.common import admin_patterns, page_patterns
from portrait.views.site_pages import district_search_view
from support.links import redeem_support_link_view


def state_only_admin_view(request, *args, **kwargs):
    """The page cache's admin belongs to the portal: hidden from a district's menu, and not
    there when its address is typed either."""
    raise Http404("This part of the admin is the state's.")


urlpatterns = (
    [
        path("admin/cache/", state_only_admin_view),
        path("admin/cache/<path:rest>", state_only_admin_view),
    ]
    + admin_patterns
    + [path("support/enter/<str:token>/", redeem_support_link_view, name="support_enter")]
    # English pages at `/`, Spanish at `/es/`: the site's search, standard pages and pages.
    + i18n_patterns(
        path("search/", district_search_view, name="site_search"),
        path("", include("portrait.site_urls")),
        *page_patterns,
        prefix_default_language=False,
    )
)

handler500 = "portrait.views.site_pages.server_error"
