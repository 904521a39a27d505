"""A slow statement in a web request is cancelled; commands keep no time limit."""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.db import connection

from portal.statement_timeout import limit_each_statement

SHOW_TIMEOUT = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('SHOW statement_timeout')\n"
    "    print(cursor.fetchone()[0])\n"
)


@pytest.fixture
def web_connection(settings, db):
    """The test's connection, limited as the web process limits each new one (the setting is
    undone when the test's transaction rolls back)."""
    settings.WEB_STATEMENT_TIMEOUT_MS = 300
    connection.ensure_connection()
    limit_each_statement(sender=None, connection=connection)
    return connection


def sleep_in_the_database(request, *args, **kwargs):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    raise AssertionError("the statement was not cancelled")


def test_a_slow_statement_in_a_request_is_cancelled_with_a_clean_page(
    web_connection, public_client, monkeypatch
):
    # given a page whose query would run for five seconds
    monkeypatch.setattr("council.views.convenings.render", sleep_in_the_database)
    public_client.raise_request_exception = False
    # when a visitor asks for it
    started = time.monotonic()
    response = public_client.get("/council/")
    elapsed = time.monotonic() - started
    # then it is stopped at the limit, with a page that says so and no traceback
    assert elapsed < 3
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "This page took too long" in page
    assert "Traceback" not in page and "pg_sleep" not in page


def test_a_quick_request_is_not_affected(web_connection, public_client):
    assert public_client.get("/council/").status_code == 200


def show_timeout(*command: str) -> str:
    """statement_timeout as a fresh process of the portal sees it on its first connection."""
    database = django_settings.DATABASES["default"]
    url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**database)
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "WEB_STATEMENT_TIMEOUT": "7",
    }
    completed = subprocess.run(
        [sys.executable, *command],
        env=environment,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip().splitlines()[-1]


def test_the_web_entry_point_limits_statements_and_commands_do_not(db):
    web = show_timeout("-c", "import portal.wsgi\n" + SHOW_TIMEOUT)
    command = show_timeout("manage.py", "shell", "-c", SHOW_TIMEOUT)
    assert (web, command) == ("7s", "0")
