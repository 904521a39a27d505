"""django-tenants' PostgreSQL backend, with connections that retire once spread too wide.

A PostgreSQL backend caches the catalog entries of every relation it touches, and never
forgets them: a connection that has worked in every district holds some 400,000 relations'
entries. Django's checks between requests and between Celery tasks close this connection
once it has set its search path to more than DB_SCHEMAS_PER_CONNECTION schemas, so the next
one starts small again; CONN_MAX_AGE and gunicorn's max_requests bound the rest.
"""

from django.conf import settings
from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper


class DatabaseWrapper(TenantDatabaseWrapper):
    def __init__(self, *args, **kwargs):
        self.schemas_on_connection: set[str] = set()
        super().__init__(*args, **kwargs)

    def connect(self):
        self.schemas_on_connection = set()
        super().connect()

    def _handle_search_path(self, cursor=None):
        super()._handle_search_path(cursor)
        if self.search_path_set_schemas:
            self.schemas_on_connection.add(self.schema_name)

    def close_if_unusable_or_obsolete(self):
        super().close_if_unusable_or_obsolete()
        limit = getattr(settings, "DB_SCHEMAS_PER_CONNECTION", None)
        spread_too_wide = limit and len(self.schemas_on_connection) > limit
        if self.connection is not None and spread_too_wide and not self.in_atomic_block:
            self.close()
