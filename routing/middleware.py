from django.conf import settings
from django_tenants.middleware.main import TenantMainMiddleware

from routing.host_routes import district_for_host
from tenants.state import StateTenant


class DistrictRoutingMiddleware(TenantMainMiddleware):
    """Route the state's host names to the public schema and every other host to its district.

    An unknown host, or an inactive district's, gets a plain 404 and never the state's pages.
    The host's district comes from the cache when it can (routing.host_routes).
    """

    def get_tenant(self, domain_model, hostname):
        if hostname in settings.STATE_HOSTNAMES:
            return StateTenant()
        district = district_for_host(hostname)
        if district is None or not district.is_active:
            raise domain_model.DoesNotExist(hostname)
        return district
