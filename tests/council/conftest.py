"""Fixtures for the council's tests on the state site (host `localhost`); the builders are in
tests/factories/council.py."""

import pytest
from django.core.cache import cache

from state.models import StateSettings
from tests.factories.council import make_staff


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def state(db, host_client):
    # The state's settings row exists on a running portal; made on first use, it would
    # itself count as a change to what cached pages show.
    StateSettings.load()
    return host_client("localhost")


@pytest.fixture
def staff(db, host_client):
    client = host_client("localhost")
    client.force_login(make_staff())
    return client
