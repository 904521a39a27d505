"""URLs of the state site (the public schema)."""

from django.urls import include, path

from portal.urls.common import admin_patterns, page_patterns

urlpatterns = admin_patterns + [path("council/", include("council.urls"))] + page_patterns
