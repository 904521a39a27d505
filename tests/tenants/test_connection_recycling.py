"""A connection that has worked in many schemas is retired between requests, so that its
PostgreSQL backend does not keep every district's catalog entries for good."""

import pytest
from django.db import close_old_connections, connection

from tests.conftest import provision

pytestmark = pytest.mark.django_db(transaction=True)


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.fixture
def persistent_connections(settings):
    """Connections kept between requests, as in production (tests close them every time)."""
    connection.close()
    saved = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = 60
    settings.DB_SCHEMAS_PER_CONNECTION = 2
    yield
    connection.settings_dict["CONN_MAX_AGE"] = saved
    connection.close()


def visit(client, district) -> None:
    assert client.get("/", HTTP_HOST=district.primary_hostname).status_code == 200
    # What Django's handler runs as each request finishes (the test client skips it).
    close_old_connections()


def test_a_connection_is_kept_while_it_stays_within_the_limit(persistent_connections, client):
    first = provision("Recycle One", "recycle-one")
    connection.close()
    visit(client, first)
    pid = backend_pid()

    visit(client, first)

    # The public schema (routing) and one district: two schemas, within the limit.
    assert connection.schemas_on_connection == {"public", first.schema_name}
    assert backend_pid() == pid


def test_a_connection_spread_over_more_schemas_is_retired(persistent_connections, client):
    first = provision("Recycle One", "recycle-one")
    second = provision("Recycle Two", "recycle-two")
    connection.close()
    visit(client, first)
    pid = backend_pid()

    visit(client, second)  # a third schema: the connection closes as the request finishes

    assert connection.connection is None
    assert backend_pid() != pid
