from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Development only: the embedded database, demo content and the development server."""

    name = "demo"
