from django.apps import AppConfig


class CouncilConfig(AppConfig):
    """The state's council, on the state site only: its members, convenings, feedback prompts
    and what the agency did with what it heard."""

    name = "council"
    verbose_name = "Council"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Both import models, which exist only once the app registry is ready; tasks is
        # imported for its receiver, which queues the sender when mail waits in the outbox.
        from council import cached, tasks  # noqa: F401

        cached.connect_signals()
