from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from portal.two_factor.policy import note_second_step_pending

        user_logged_in.connect(note_second_step_pending, dispatch_uid="two-factor-pending")
