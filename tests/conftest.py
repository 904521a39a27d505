"""Fixtures shared by the whole suite.

The test database is built once: `migrate` runs the public schema and the district template.
With --reuse-db it is kept between runs (migrate then applies only what is new).
Two districts, Alpha and Bravo, are cloned from that template once per session and committed,
so their rows have the same primary keys; tests change them inside a rolled-back transaction.
"""

from contextlib import contextmanager
from functools import partial

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import Client
from django_tenants.utils import get_public_schema_name

from portal.celery import app as celery_app
from state.progress.models import ApiToken
from tenants.models import District, schema_name_for
from tenants.provisioning import DistrictSpec, provision_district


def provision(name: str, slug: str, region: str = "Test region", stage: str = "developing"):
    """Provision a district, or return it if an earlier test (or run, with --reuse-db) made it.

    Tests that commit flush the table rows but leave schemas, so a schema without its row goes
    first."""
    existing = District.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema_name_for(slug)}" CASCADE')
    return provision_district(DistrictSpec(name, slug, region, stage)).district


@pytest.fixture(scope="session")
def django_db_createdb(request, django_db_keepdb) -> bool:
    """With --reuse-db, start again from a fresh database when the kept one was emptied: a test
    that commits is followed by a flush of every table, the rows migrations wrote included."""
    if request.config.getvalue("create_db"):
        return True
    return django_db_keepdb and kept_database_was_flushed()


def kept_database_was_flushed() -> bool:
    kept_parameters = ("user", "password", "host", "port")
    parameters = {
        key: value
        for key, value in connection.get_connection_params().items()
        if key in kept_parameters
    }
    database = connection.settings_dict
    parameters["dbname"] = database["TEST"]["NAME"] or f"test_{database['NAME']}"
    try:
        with psycopg.connect(**parameters) as kept, kept.cursor() as cursor:
            cursor.execute("SELECT NOT EXISTS (SELECT 1 FROM public.wagtailcore_page)")
            return cursor.fetchone()[0]
    except psycopg.Error:
        return False  # no kept database (or no tables yet): it is created or migrated anyway


@pytest.fixture(scope="session")
def districts(django_db_setup, django_db_blocker):
    """Alpha and Bravo: two districts cloned from the same template."""
    with django_db_blocker.unblock():
        alpha = provision("Alpha School District", "alpha", region="North")
        bravo = provision("Bravo School District", "bravo", region="South")
    return alpha, bravo


@pytest.fixture
def alpha(districts, db):
    return districts[0]


@pytest.fixture
def bravo(districts, db):
    return districts[1]


@pytest.fixture(autouse=True)
def back_to_the_state_schema():
    """Requests and tenant_context leave the connection wherever they were; start clean."""
    connection.set_schema_to_public()
    yield
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def empty_caches():
    """The database is rolled back after each test, and what was cached from it goes too.

    Only in-process caches are emptied; a shared Redis named by REDIS_URL is left alone."""
    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            LocMemCache.clear(cache)  # the page cache's own clear() forgets one schema only


@pytest.fixture
def page_cache(settings):
    """Turn on the page cache (off in tests unless asked for)."""
    settings.WAGTAIL_CACHE = True


class HostClient(Client):
    """A test client bound to one host name, which leaves the connection in the public schema."""

    def __init__(self, host: str, **kwargs):
        super().__init__(HTTP_HOST=host, **kwargs)
        self.host = host

    def request(self, **request):
        try:
            return super().request(**request)
        finally:
            connection.set_schema_to_public()


@pytest.fixture
def host_client():
    def make(host: str) -> HostClient:
        return HostClient(host)

    return make


@pytest.fixture
def public_schema():
    return get_public_schema_name()


@contextmanager
def celery_broker(url: str):
    """Send tasks to a real broker (not eagerly) for the duration of the block."""
    saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url = url
    celery_app.conf.task_always_eager = False
    forget_broker_connections()
    try:
        yield celery_app
    finally:
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
        forget_broker_connections()


def forget_broker_connections():
    """Producer pools remember the broker they were made for."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def commit_callbacks(django_capture_on_commit_callbacks):
    """Run on-commit callbacks at the end of the block, as a real commit would."""
    return partial(django_capture_on_commit_callbacks, execute=True)


# State users of the GraphQL API and the dashboard.


def grant(user, *names: str):
    for name in names:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)  # drops the permission cache


@pytest.fixture
def public_client(db, host_client):
    return host_client("localhost")


@pytest.fixture
def staff_user(db):
    user = get_user_model().objects.create_user("analyst", "analyst@example.org", "x")
    return grant(user, "wagtailadmin.access_admin", "progress_statewide.view_district_detail")


@pytest.fixture
def staff_client(staff_user, host_client):
    client = host_client("localhost")
    client.force_login(staff_user)
    return client


@pytest.fixture
def restricted_user(staff_user):
    return grant(staff_user, "progress_statewide.view_unsuppressed_counts")


@pytest.fixture
def staff_token(staff_user) -> str:
    return ApiToken.issue(staff_user, "tests")[1]
