from wagtail import hooks

from registry.admin_views import district_viewset
from support.links import ISSUED_ACTION, SIGN_IN_ACTION
from tenants.state import on_state_schema


@hooks.register("register_admin_viewset")
def register_district_viewset():
    return district_viewset


@hooks.register("register_log_actions")
def register_support_actions(actions):
    actions.register_action(ISSUED_ACTION, "Support link issued", "Support link issued")
    actions.register_action(SIGN_IN_ACTION, "Signed in with a support link", "Support sign-in")


@hooks.register("construct_settings_menu")
def hide_state_only_settings(request, menu_items):
    """The page cache is the portal's, not a district's to tune or clear."""
    if not on_state_schema():
        menu_items[:] = [item for item in menu_items if item.name != "cache"]
