"""Outcome uploads in the district's admin: all or nothing, counts only, published on demand."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django_tenants.utils import tenant_context

from progress.models import OutcomeCount, OutcomeUpload
from state.progress.models import PublishedOutcomeCount
from tests.progress.read_model import state_competencies

HEADER = "school_year,competency,grade_band,level,count\n"


@pytest.fixture
def district_admin(alpha, host_client):
    state_competencies()
    with tenant_context(alpha):
        user = get_user_model().objects.create_superuser("data-lead", "d@alpha.example", "x")
        client = host_client("alpha.localhost")
        client.force_login(user)  # in Alpha's schema, where the account lives
    return client


def upload(client, text: str, name="counts.csv"):
    return client.post(
        "/admin/learner-outcomes/", {"file": SimpleUploadedFile(name, text.encode(), "text/csv")}
    )


def test_bad_rows_are_listed_and_nothing_is_saved(alpha, district_admin):
    response = upload(
        district_admin,
        HEADER
        + "2024-25,critical-thinker,K-2,beginning,12\n"
        + "2024-25,critical-thinker,K-2,meeting,many\n"
        + "24-25,critical-thinker,K-2,exceeding,3\n",
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Line 3: count “many” should be a whole number from 0 up" in page
    assert "Line 4: school year “24-25” should look like 2024-25" in page
    with tenant_context(alpha):
        assert not OutcomeUpload.objects.exists() and not OutcomeCount.objects.exists()


def test_a_file_with_learner_columns_is_refused(alpha, district_admin):
    response = upload(
        district_admin,
        "student_id,birth_date,"
        + HEADER
        + "123,2010-01-01,2024-25,critical-thinker,K-2,beginning,1\n",
    )
    assert response.status_code == 400
    assert "columns outside the template (student_id, birth_date)" in response.content.decode()
    with tenant_context(alpha):
        assert not OutcomeUpload.objects.exists()


def test_a_good_file_is_saved_then_published_to_the_state(
    alpha, district_admin, django_capture_on_commit_callbacks
):
    response = upload(
        district_admin,
        HEADER
        + "2024-25,critical-thinker,K-2,beginning,12\n2024-25,critical-thinker,K-2,meeting,30\n",
    )
    assert response.status_code == 302
    with tenant_context(alpha):
        saved = OutcomeUpload.objects.get()
        assert saved.counts.count() == 2
    assert not PublishedOutcomeCount.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        district_admin.post(f"/admin/learner-outcomes/{saved.pk}/publish/")
    connection.set_schema_to_public()
    assert sorted(PublishedOutcomeCount.objects.values_list("level", "count")) == [
        ("beginning", 12),
        ("meeting", 30),
    ]
    # A later upload for the same year and competency replaces the earlier one.
    upload(district_admin, HEADER + "2024-25,critical-thinker,K-2,beginning,14\n")
    with tenant_context(alpha):
        later = OutcomeUpload.objects.latest("uploaded_at")
    with django_capture_on_commit_callbacks(execute=True):
        district_admin.post(f"/admin/learner-outcomes/{later.pk}/publish/")
    connection.set_schema_to_public()
    assert list(PublishedOutcomeCount.objects.values_list("level", "count")) == [("beginning", 14)]


def test_the_template_downloads(district_admin):
    response = district_admin.get("/admin/learner-outcomes/template.csv")
    # Written like every CSV the portal writes: UTF-8 with a byte-order mark for spreadsheets.
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8-sig").splitlines()[0] == HEADER.strip()
