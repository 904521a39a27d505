"""Tasks carry their schema: a task started in a district runs in that district, on a real
worker fed through a real broker (Redis when TEST_REDIS_URL is set, else Kombu's in-memory one).

This module commits data (the worker reads it from its own connection), so pytest-django runs
it after the tests that roll back, and it makes districts of its own.
"""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django_tenants.utils import tenant_context

from portrait.models import DistrictHomePage
from tenants.models import DistrictListing
from tests.conftest import celery_broker, provision

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(predicate, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def listing_title(district) -> str | None:
    listing = DistrictListing.objects.filter(district=district).first()
    return listing.home_title if listing else None


def test_a_task_started_in_a_district_runs_in_that_district():
    charlie = provision("Charlie District", "charlie-worker")
    delta = provision("Delta District", "delta-worker")
    delta_title = listing_title(delta)
    broker = os.environ.get("TEST_REDIS_URL", "memory://")

    with celery_broker(broker) as app, start_worker(app, pool="solo", perform_ping_check=False):
        with tenant_context(charlie):
            home = DistrictHomePage.objects.get()
            home.title = "Charlie, synced by a worker"
            home.save_revision().publish()  # queues the sync on commit

        assert wait_for(lambda: listing_title(charlie) == "Charlie, synced by a worker")

    assert listing_title(delta) == delta_title
