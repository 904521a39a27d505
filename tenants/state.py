"""The state itself: the public schema, served on the state's own host names."""

from django.conf import settings
from django.db import connection
from django_tenants.utils import get_public_schema_name


def on_state_schema() -> bool:
    return connection.schema_name == get_public_schema_name()


class StateTenant:
    """Stands where a District would for requests to the state site."""

    is_state = True
    is_active = True
    slug = ""

    def __init__(self):
        self.schema_name = get_public_schema_name()
        self.name = settings.STATE_NAME
        self.domain_url = settings.STATE_DOMAIN

    def get_tenant_type(self):
        return None

    def __str__(self) -> str:
        return self.name
