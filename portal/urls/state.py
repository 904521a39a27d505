"""URLs of the state site (the public schema)."""

from django.urls import path

from portal.api.view import PortalGraphQLView
from portal.urls.common import admin_patterns, page_patterns

urlpatterns = (
    [path("graphql/", PortalGraphQLView.as_view(), name="graphql")] + admin_patterns + page_patterns
)
