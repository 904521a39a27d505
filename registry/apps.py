from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    """The state's district registry: its admin screens (adoption stage, support links) and
    saving or bringing back one district; above tenancy, so tenancy need not know them."""

    name = "registry"
    verbose_name = _("District registry")
