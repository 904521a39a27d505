"""The address of whoever the active schema belongs to, for links in mail Wagtail sends."""

from django.conf import settings
from django.db import connection
from django.utils.functional import lazy


def current_base_url() -> str:
    """A district's primary domain (scheme and port as configured), or else the state's."""
    from tenants.models import District, site_url  # settings import this module: models later

    district = getattr(connection, "tenant", None)
    if not isinstance(district, District):
        return site_url(settings.STATE_DOMAIN)
    primary = district.domains.filter(is_primary=True).values_list("domain", flat=True).first()
    return site_url(primary or district.primary_hostname)


# Wagtail reads WAGTAILADMIN_BASE_URL each time it writes a link (password reset, workflow and
# comment notifications), so a lazy value names the schema active at that moment.
lazy_base_url = lazy(current_base_url, str)()
