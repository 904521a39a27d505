"""URLs of a district's site (its own schema)."""

from django.urls import include, path

from portal.urls.common import admin_patterns, page_patterns
from portrait.views.site_pages import district_search_view
from tenants.support import redeem_support_link_view

urlpatterns = (
    admin_patterns
    + [path("support/enter/<str:token>/", redeem_support_link_view, name="support_enter")]
    + [path("search/", district_search_view, name="site_search")]
    + [path("", include("portrait.site_urls"))]
    + page_patterns
)

handler500 = "portrait.views.site_pages.server_error"
