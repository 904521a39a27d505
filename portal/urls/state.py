"""URLs of the state site (the public schema)."""

from portal.urls.common import admin_patterns, page_patterns

urlpatterns = admin_patterns + page_patterns
