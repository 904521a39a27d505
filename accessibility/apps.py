from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    """Development only: the accessibility check of every page the apps list, in Chromium."""

    name = "accessibility"
