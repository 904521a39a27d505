from django.conf import settings
from django.utils.functional import lazy


def current_site_name() -> str:
    """The name of whoever the current schema belongs to: a district, or else the state."""
    from django.db import connection

    name = getattr(getattr(connection, "tenant", None), "name", None)
    return name or f"{settings.STATE_NAME} portrait of a learner"


# Read by Wagtail's admin at request time, after the routing middleware picked the schema.
lazy_site_name = lazy(current_site_name, str)()
