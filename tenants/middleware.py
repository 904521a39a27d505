from django.conf import settings
from django_tenants.middleware.main import TenantMainMiddleware

from tenants.state import StateTenant


class DistrictRoutingMiddleware(TenantMainMiddleware):
    """Route the state's host names to the public schema and every other host to its district.

    An unknown host, or an inactive district's, gets a plain 404 and never the state's pages.
    """

    def get_tenant(self, domain_model, hostname):
        if hostname in settings.STATE_HOSTNAMES:
            return StateTenant()
        tenant = super().get_tenant(domain_model, hostname)
        if not tenant.is_active:
            raise domain_model.DoesNotExist(hostname)
        return tenant
