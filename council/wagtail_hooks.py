from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from council.models import Convening, CouncilSettings
from council.staff.viewsets import CouncilGroup, admin_urls

register_setting(CouncilSettings, icon="group")


@hooks.register("register_admin_viewset")
def register_council():
    return CouncilGroup()


@hooks.register("register_admin_urls")
def register_council_tools():
    return admin_urls


@hooks.register("construct_state_home_context")
def add_upcoming_convenings(request, context) -> None:
    """The state's home page lists the next three convenings the public has notice of."""
    context["convenings"] = list(Convening.objects.noticed().upcoming()[:3])
