from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from council.models import CouncilSettings
from council.staff.viewsets import CouncilGroup, admin_urls

register_setting(CouncilSettings, icon="group")


@hooks.register("register_admin_viewset")
def register_council():
    return CouncilGroup()


@hooks.register("register_admin_urls")
def register_council_tools():
    return admin_urls
