from django.apps import AppConfig


class CouncilConfig(AppConfig):
    """The state's council, on the state site only: its members, convenings, feedback prompts
    and what the agency did with what it heard."""

    name = "council"
    verbose_name = "Council"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from council import cached

        cached.connect_signals()
