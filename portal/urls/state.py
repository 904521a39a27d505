"""URLs of the state site (the public schema)."""

from django.urls import include, path

from portal.api.view import PortalGraphQLView
from portal.urls.common import admin_patterns, page_patterns

urlpatterns = (
    [path("graphql/", PortalGraphQLView.as_view(), name="graphql")]
    + admin_patterns
    + [path("council/", include("council.urls")), path("", include("portrait.urls"))]
    + [path("", include("portrait.site_urls"))]
    + page_patterns
)

handler500 = "portrait.views.site_pages.server_error"
