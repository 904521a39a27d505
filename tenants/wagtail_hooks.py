from wagtail import hooks

from tenants.admin_views import district_viewset
from tenants.support import ISSUED_ACTION, SIGN_IN_ACTION


@hooks.register("register_admin_viewset")
def register_district_viewset():
    return district_viewset


@hooks.register("register_log_actions")
def register_support_actions(actions):
    actions.register_action(ISSUED_ACTION, "Support link issued", "Support link issued")
    actions.register_action(SIGN_IN_ACTION, "Signed in with a support link", "Support sign-in")
