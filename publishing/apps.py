from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """What follows a publish across schemas: the sync to the state's read model, its nightly
    rebuild, and scheduled publishing in every schema."""

    name = "publishing"

    def ready(self):
        # tasks is imported for its receivers, as tenancy did before the move.
        from publishing import sync, tasks  # noqa: F401

        sync.connect_publish_signals()
