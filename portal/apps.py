from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # The policy imports models, which exist only once the app registry is ready.
        from portal.two_factor.policy import note_second_step_pending

        user_logged_in.connect(note_second_step_pending, dispatch_uid="two-factor-pending")
