"""`publish_scheduled_pages`: Wagtail's scheduled publishing on the state's site and every
district's, with a progress bar."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, tenant_context

from portrait.models import DistrictHomePage
from publishing.scheduling import _RUN_LOCK_KEY


def run(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("publish_scheduled_pages", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def expire_home_page(district):
    with tenant_context(district):
        DistrictHomePage.objects.update(expire_at=timezone.now() - timedelta(minutes=1))


def test_expired_pages_are_unpublished_in_each_district(alpha, bravo):
    expire_home_page(alpha)
    expire_home_page(bravo)

    out, err = run()

    assert "Ran scheduled publishing on" in out
    assert "Publishing" in err and "site" in err  # the progress bar
    for district in (alpha, bravo):
        with tenant_context(district):
            home = DistrictHomePage.objects.get()
            assert not home.live and home.expired
    assert connection.schema_name == get_public_schema_name()


def test_a_failing_district_is_named_and_the_command_fails(alpha):
    with (
        mock.patch("publishing.scheduling.call_command", side_effect=RuntimeError("broken")),
        pytest.raises(CommandError, match="failed in public, district_alpha"),
    ):
        run("--no-progress")


def test_a_second_run_while_one_is_under_way_does_nothing(alpha):
    expire_home_page(alpha)
    # Another connection holds the lock (this one's own would be re-entrant).
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_RUN_LOCK_KEY])
            out, _ = run("--no-progress")
    finally:
        other.close()  # closing the session releases its lock

    assert "under way; nothing done" in out
    with tenant_context(alpha):
        assert DistrictHomePage.objects.get().live


def test_beat_runs_it_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert entry["task"] == "tenants.tasks.publish_scheduled_pages"
    assert entry["schedule"] == 60
