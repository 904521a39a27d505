from django.urls import reverse
from django.utils.translation import gettext_lazy as _  # menus are built once per process
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.sign_in import lockout_viewset
from portal.two_factor import urls as two_factor_urls


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return lockout_viewset


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor_urls.urlpatterns


@hooks.register("register_settings_menu_item")
def register_two_factor_menu_item():
    return MenuItem(
        _("Two-factor sign-in"), reverse("two_factor_set_up"), icon_name="key", order=900
    )
