"""URLs of a district's site (its own schema)."""

from django.urls import path

from portal.urls.common import admin_patterns, page_patterns
from tenants.views import enter_with_support_link

urlpatterns = (
    admin_patterns
    + [path("support/enter/<str:token>/", enter_with_support_link, name="support_enter")]
    + page_patterns
)
