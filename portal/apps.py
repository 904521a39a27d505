from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from portal.two_factor.policy import note_second_step_pending

        user_logged_in.connect(note_second_step_pending, dispatch_uid="two-factor-pending")
