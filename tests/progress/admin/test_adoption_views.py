"""Adoption stage, set by the district (through the sync) or by state staff, with history."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import tenant_context

from progress.sync import sync_district_progress
from state.progress.models import AdoptionStageChange
from tenants.models import District


@pytest.fixture
def district_admin(alpha, host_client):
    with tenant_context(alpha):
        user = get_user_model().objects.create_superuser("sup", "sup@alpha.example", "x")
        client = host_client("alpha.localhost")
        client.force_login(user)  # in Alpha's schema, where the account lives
    return client


def test_a_district_report_reaches_the_state_with_its_history(
    alpha, district_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = district_admin.post(
            "/admin/adoption-stage/", {"stage": "finalized", "note": "Adopted by the board."}
        )
    assert response.status_code == 302
    connection.set_schema_to_public()
    assert District.objects.get(pk=alpha.pk).adoption_stage == "finalized"
    change = AdoptionStageChange.objects.get(district=alpha)
    assert (change.previous_stage, change.stage, change.source, change.changed_by) == (
        "developing",
        "finalized",
        "district",
        "sup",
    )
    # The sync is idempotent: running it again adds nothing.
    sync_district_progress(alpha)
    assert AdoptionStageChange.objects.filter(district=alpha).count() == 1


def test_state_staff_change_it_in_the_registry(alpha, host_client):
    admin = get_user_model().objects.create_superuser("state-admin", "s@example.org", "x")
    client = host_client("localhost")
    client.force_login(admin)
    response = client.post(
        f"/admin/districts/edit/{alpha.pk}/",
        {
            "name": alpha.name,
            "slug": alpha.slug,
            "region": alpha.region,
            "adoption_stage": "considering",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    change = AdoptionStageChange.objects.get(district=alpha)
    assert (change.previous_stage, change.stage, change.source, change.changed_by) == (
        "developing",
        "considering",
        "state",
        "state-admin",
    )
