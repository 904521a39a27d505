import pytest
from django.core.management import call_command

from portal.management.commands import start_portal


@pytest.fixture
def commands_run(monkeypatch):
    calls = []
    monkeypatch.setattr(start_portal, "call_command", lambda name, *a, **kw: calls.append(name))
    return calls


def test_it_migrates_seeds_then_serves(commands_run, monkeypatch):
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
