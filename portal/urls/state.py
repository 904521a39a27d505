"""URLs of the state site (the public schema)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from api.view import PortalGraphQLView
from portal.urls.common import admin_patterns, page_patterns

urlpatterns = (
    [path("graphql/", PortalGraphQLView.as_view(), name="graphql")]
    + admin_patterns
    # English pages at `/`, Spanish at `/es/`: the council, the statewide views and pages.
    + i18n_patterns(
        path("council/", include("council.urls")),
        path("", include("portrait.urls")),
        path("", include("portrait.site_urls")),
        *page_patterns,
        prefix_default_language=False,
    )
)

handler500 = "portrait.views.site_pages.server_error"
