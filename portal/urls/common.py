"""URL patterns served on the state site and on every district site."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from tenants.views import serve_schema_media

admin_patterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("media/<str:schema_name>/<path:path>", serve_schema_media, name="schema_media"),
]

# Wagtail's page routes catch everything else, so they come last.
page_patterns = [path("", include(wagtail_urls))]
