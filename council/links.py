"""The council's public addresses. They exist only in the state site's URLconf, so they are
reversed against it even from tasks, commands and admin views."""

from django.conf import settings
from django.urls import reverse

from tenants.models import site_url

STATE_URLCONF = "portal.urls.state"


def council_path(name: str, *args) -> str:
    return reverse(f"council:{name}", args=args, urlconf=STATE_URLCONF)


def absolute(path: str) -> str:
    return site_url(settings.STATE_DOMAIN) + path
