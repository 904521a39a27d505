from wagtail import hooks

from portal.sign_in import lockout_viewset


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return lockout_viewset
