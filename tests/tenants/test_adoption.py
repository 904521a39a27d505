"""Every way a district's adoption stage changes writes the same history, moves the same row
and forgets the same caches: the registry, an import, the GraphQL mutation and the sync task
carrying a district's report all go through tenants.adoption.change_adoption_stage."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_tenants.utils import get_public_schema_name, tenant_context

from caching.generations import generation
from progress.models import AdoptionStageReport
from publishing.sync import request_district_sync
from state.progress.models import AdoptionStageChange
from tenants.adoption import BY_STATE, change_adoption_stage
from tenants.models import District
from tests.api_client import get_data
from tests.conftest import grant

SET_STAGE = """
mutation SetStage($slug: String!, $stage: DistrictAdoptionStage!) {
  setDistrictAdoptionStage(slug: $slug, stage: $stage) { changed }
}
"""


def through_the_registry(district, stage, host_client, tmp_path) -> str:
    user = get_user_model().objects.create_superuser("registrar", "r@example.org", "x")
    client = host_client("localhost")
    client.force_login(user)
    response = client.post(
        f"/admin/districts/edit/{district.pk}/",
        {
            "name": district.name,
            "slug": district.slug,
            "region": district.region,
            "adoption_stage": stage,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    return "registrar"


def through_an_import(district, stage, host_client, tmp_path) -> str:
    path = tmp_path / "districts.csv"
    path.write_text(
        f"name,slug,region,adoption_stage\n{district.name},{district.slug},{district.region},"
        f"{stage}\n",
        encoding="utf-8",
    )
    call_command("import_districts", str(path), "--no-progress", stdout=StringIO())
    return "import_districts"


def through_the_mutation(district, stage, host_client, tmp_path) -> str:
    user = get_user_model().objects.create_user("scripter", "s@example.org", "x")
    user = grant(user, "wagtailadmin.access_admin", "tenants.change_district")
    client = host_client("localhost")
    client.force_login(user)
    data = get_data(client, SET_STAGE, {"slug": district.slug, "stage": stage.upper()})
    assert data["setDistrictAdoptionStage"]["changed"] is True
    return "scripter"


def through_a_district_report(district, stage, host_client, tmp_path) -> str:
    with tenant_context(district):
        reporter = get_user_model().objects.create_user("reporter", "rep@example.org", "x")
        AdoptionStageReport.objects.create(stage=stage, reported_by=reporter)
    assert request_district_sync(district.schema_name)  # eager in tests: the task runs now
    return "reporter"


ENTRY_POINTS = {
    "registry": (through_the_registry, "state"),
    "import": (through_an_import, "state"),
    "mutation": (through_the_mutation, "state"),
    "district report": (through_a_district_report, "district"),
}


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_every_entry_point_records_the_same_change(alpha, host_client, tmp_path, entry_point):
    change_stage, source = ENTRY_POINTS[entry_point]
    before = District.objects.get(pk=alpha.pk).adoption_stage
    state_generation = generation(get_public_schema_name())

    changed_by = change_stage(alpha, "considering", host_client, tmp_path)

    assert District.objects.get(pk=alpha.pk).adoption_stage == "considering"
    history = list(
        AdoptionStageChange.objects.filter(district=alpha).values_list(
            "previous_stage", "stage", "source", "changed_by"
        )
    )
    assert history == [(before, "considering", source, changed_by)]
    # The directory, the front page and GraphQL answers are kept under the state's generation.
    assert generation(get_public_schema_name()) != state_generation


@pytest.mark.parametrize("entry_point", ["registry", "import"])
def test_saving_the_same_stage_records_nothing(alpha, host_client, tmp_path, entry_point):
    change_stage, _source = ENTRY_POINTS[entry_point]
    change_stage(alpha, District.objects.get(pk=alpha.pk).adoption_stage, host_client, tmp_path)
    assert not AdoptionStageChange.objects.filter(district=alpha).exists()


def test_a_district_report_is_recorded_once_even_when_it_repeats_the_stage(alpha):
    stage = District.objects.get(pk=alpha.pk).adoption_stage
    with tenant_context(alpha):
        AdoptionStageReport.objects.create(stage=stage)
    request_district_sync(alpha.schema_name)
    request_district_sync(alpha.schema_name)
    change = AdoptionStageChange.objects.get(district=alpha)
    assert (change.previous_stage, change.stage, change.source) == (stage, stage, "district")


def test_a_failing_recorder_leaves_the_stage_where_it_was(alpha, monkeypatch):
    def refuse(change):
        raise RuntimeError("history unavailable")

    monkeypatch.setattr("tenants.adoption._recorders", [refuse])
    before = District.objects.get(pk=alpha.pk).adoption_stage
    with pytest.raises(RuntimeError):
        change_adoption_stage(alpha, "finalized", source=BY_STATE)
    assert District.objects.get(pk=alpha.pk).adoption_stage == before
