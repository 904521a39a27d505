from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from portrait.dashboard import DistrictStatusPanel
from portrait.models import SiteLanguages
from portrait.translation import submit_translation_for_review
from tenants.state import on_state_schema


@hooks.register("construct_homepage_panels")
def add_district_status_panel(request, panels):
    if not on_state_schema():
        panels.insert(0, DistrictStatusPanel(request.tenant))


register_setting(SiteLanguages, icon="globe")


@hooks.register("register_admin_urls")
def translation_review_urls():
    from django.urls import path

    return [
        path(
            "translations/<int:translation_id>/submit/",
            submit_translation_for_review,
            name="portrait_submit_translation",
        )
    ]
