import os
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from demo.management.commands import start_portal
from state.models import PortraitListing
from tenants.models import site_url


@pytest.fixture
def commands_run(monkeypatch, fresh_environment):
    calls = []
    monkeypatch.setattr(start_portal, "call_command", lambda name, *a, **kw: calls.append(name))
    return calls


def test_it_migrates_seeds_then_serves(commands_run, monkeypatch, db):
    monkeypatch.delenv("RUN_MAIN", raising=False)
    call_command("start_portal")
    assert commands_run == ["migrate_schemas", "seed_demo", "runserver"]


def test_without_demo_it_only_migrates_then_serves(commands_run, monkeypatch):
    monkeypatch.delenv("RUN_MAIN", raising=False)
    call_command("start_portal", no_demo=True)
    assert commands_run == ["migrate_schemas", "runserver"]


def test_the_autoreloaders_child_only_serves(commands_run, monkeypatch):
    monkeypatch.setenv("RUN_MAIN", "true")
    call_command("start_portal")
    assert commands_run == ["runserver"]


@pytest.fixture
def fresh_environment(monkeypatch, settings):
    """The command writes PUBLIC_PORT into the environment for the autoreloader's child."""
    for name in ("PUBLIC_PORT", "DJANGO_RUNSERVER_HIDE_WARNING"):
        monkeypatch.setenv(name, "placeholder")
        monkeypatch.delenv(name)
    monkeypatch.delenv("RUN_MAIN", raising=False)
    # The command sets these on the live settings, not through an override: put them back.
    for name in ("PUBLIC_PORT", "WAGTAILADMIN_BASE_URL"):
        monkeypatch.setattr(django_settings, name, getattr(django_settings, name))
    return settings


def test_addresses_name_the_port_it_was_started_on(commands_run, fresh_environment):
    call_command("start_portal", "127.0.0.1:8123", no_demo=True)

    assert os.environ["PUBLIC_PORT"] == "8123"
    assert site_url("localhost") == "http://localhost:8123"
    assert fresh_environment.WAGTAILADMIN_BASE_URL == "http://localhost:8123"


def test_a_public_port_set_for_a_proxy_is_kept(commands_run, fresh_environment, monkeypatch):
    monkeypatch.setenv("PUBLIC_PORT", "443")
    fresh_environment.PUBLIC_PORT = "443"
    call_command("start_portal", "8123", no_demo=True)
    assert site_url("localhost") == "http://localhost:443"


def test_an_address_without_a_port_is_refused_with_a_message(commands_run, fresh_environment):
    with pytest.raises(CommandError, match="names no port"):
        call_command("start_portal", "localhost:http", no_demo=True)


def test_listings_written_on_another_port_are_rewritten(commands_run, fresh_environment, alpha):
    PortraitListing.objects.update_or_create(
        district=alpha,
        defaults={
            "title": "P",
            "url": "http://alpha.localhost:8000/p/",
            "synced_at": timezone.now(),
        },
    )
    call_command("start_portal", "127.0.0.1:8123", stdout=StringIO())
    assert commands_run == ["migrate_schemas", "seed_demo", "rebuild_directory", "runserver"]


def test_listings_on_this_port_are_left_alone(commands_run, fresh_environment, alpha):
    PortraitListing.objects.update_or_create(
        district=alpha,
        defaults={
            "title": "P",
            "url": "http://alpha.localhost:8123/p/",
            "synced_at": timezone.now(),
        },
    )
    call_command("start_portal", "127.0.0.1:8123", stdout=StringIO())
    assert commands_run == ["migrate_schemas", "seed_demo", "runserver"]


def test_djangos_warning_about_its_development_server_is_not_printed(
    commands_run, fresh_environment
):
    call_command("start_portal", no_demo=True)
    assert os.environ["DJANGO_RUNSERVER_HIDE_WARNING"] == "true"
