"""URLs of a district's site (its own schema)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal.urls.common import admin_patterns, page_patterns
from tenants.support import redeem_support_link_view

urlpatterns = (
    admin_patterns
    + [path("support/enter/<str:token>/", redeem_support_link_view, name="support_enter")]
    # English pages at `/`, Spanish at `/es/`.
    + i18n_patterns(*page_patterns, prefix_default_language=False)
)
