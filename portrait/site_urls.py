"""Pages every site has, the state's and each district's: its notices."""

from django.urls import path

from portrait.views.site_pages import notice_view

urlpatterns = [
    path("privacy/", notice_view, {"notice": "privacy"}, name="privacy_notice"),
    path("accessibility/", notice_view, {"notice": "accessibility"}, name="accessibility"),
    path(
        "non-discrimination/",
        notice_view,
        {"notice": "non-discrimination"},
        name="non_discrimination_notice",
    ),
]
