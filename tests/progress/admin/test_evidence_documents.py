"""The Leadership team uploads and chooses the evidence documents its ratings ask for."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context
from wagtail.documents.models import Document
from wagtail.models import Collection

from progress.models import AssessmentRound, IndividualRating
from tenants.starter import EVIDENCE_COLLECTION, LEADERSHIP_TEAM

CHOOSER = "/admin/documents/chooser/"


@pytest.fixture
def lead(alpha, host_client):
    """A member of Alpha's Leadership team only (not an Editor, not a superuser)."""
    with tenant_context(alpha):
        user = get_user_model().objects.create_user("lead", "lead@alpha.example", "x")
        user.groups.add(Group.objects.get(name=LEADERSHIP_TEAM))
        client = host_client(alpha.primary_hostname)
        client.force_login(user)
    return client


def upload(client, title: str, collection_id: int):
    return client.post(
        f"{CHOOSER}create/",
        {
            "document-chooser-upload-title": title,
            "document-chooser-upload-file": SimpleUploadedFile(
                "minutes.pdf", b"%PDF-1.4 evidence", content_type="application/pdf"
            ),
            "document-chooser-upload-collection": collection_id,
        },
    )


def test_the_chooser_offers_the_team_an_upload_into_its_collection(alpha, lead):
    with tenant_context(alpha):
        evidence = Collection.objects.get(name=EVIDENCE_COLLECTION)

    chooser = lead.get(CHOOSER)
    response = upload(lead, "Equity audit minutes", evidence.pk)

    assert chooser.status_code == 200
    assert "document-chooser-upload-file" in json.loads(chooser.content)["html"]
    assert json.loads(response.content)["step"] == "chosen"
    with tenant_context(alpha):
        document = Document.objects.get()
    assert (document.title, document.collection_id) == ("Equity audit minutes", evidence.pk)


def test_the_team_cannot_upload_outside_its_collection(alpha, lead):
    with tenant_context(alpha):
        root = Collection.get_first_root_node()

    upload(lead, "Somewhere else", root.pk)

    with tenant_context(alpha):
        assert not Document.objects.filter(collection=root).exists()


def test_an_uploaded_document_is_kept_as_a_ratings_evidence(alpha, lead):
    with tenant_context(alpha):
        evidence = Collection.objects.get(name=EVIDENCE_COLLECTION)
        round_ = AssessmentRound.objects.create(
            name="Spring", framework_slug="finding-your-path", framework_version=1
        )
    document_id = int(json.loads(upload(lead, "Audit", evidence.pk).content)["result"]["id"])

    response = lead.post(
        f"/admin/progress_rounds/{round_.pk}/ratings/",
        {"voice-stage_slug": "developing", "voice-evidence_document": document_id},
    )

    assert response.status_code == 302
    with tenant_context(alpha):
        assert IndividualRating.objects.get().evidence_document_id == document_id
