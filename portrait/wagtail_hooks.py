from wagtail import hooks

from portrait.dashboard import DistrictStatusPanel
from tenants.state import on_state_schema


@hooks.register("construct_homepage_panels")
def add_district_status_panel(request, panels):
    if not on_state_schema():
        panels.insert(0, DistrictStatusPanel(request.tenant))
