"""Uploaded files, on the local file system and on a real S3 API server (moto's server mode,
started here on a free loopback port): each schema's files under its own prefix, no district
reaching another's, and documents on object storage only through short-lived signed links
handed out after Wagtail's privacy check.
"""

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tenants.utils import tenant_context
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.tenants.object_storage import (
    BUCKET,
    object_storage,
    s3_bucket,
    s3_endpoint,
    storage,
)

__all__ = ["object_storage", "s3_bucket", "s3_endpoint", "storage"]  # fixtures, used by name


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def test_each_schema_keeps_its_own_files(storage, alpha, bravo):
    with tenant_context(alpha):
        first = default_storage.save("notes/plan.txt", ContentFile(b"alpha's plan"))
        second = default_storage.save("notes/plan.txt", ContentFile(b"alpha's second plan"))
    with tenant_context(bravo):
        assert not default_storage.exists(first)
        bravo_name = default_storage.save("notes/plan.txt", ContentFile(b"bravo's plan"))

    assert second != first  # a second upload with the same name never replaces the first
    assert bravo_name == first  # the same name in another schema is another file
    with tenant_context(alpha):
        assert default_storage.open(first).read() == b"alpha's plan"
        assert default_storage.open(second).read() == b"alpha's second plan"
        assert alpha.schema_name in default_storage.url(first)
    with tenant_context(bravo):
        assert default_storage.open(bravo_name).read() == b"bravo's plan"


def test_objects_sit_under_the_schema_prefix(object_storage, alpha, bravo):
    with tenant_context(alpha):
        default_storage.save("images/river.png", ContentFile(b"png"))
    with tenant_context(bravo):
        default_storage.save("images/river.png", ContentFile(b"other png"))

    keys = {item["Key"] for item in object_storage.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {
        f"{alpha.schema_name}/images/river.png",
        f"{bravo.schema_name}/images/river.png",
    }


def test_images_have_plain_links_any_node_can_serve(object_storage, alpha):
    with tenant_context(alpha):
        name = default_storage.save("images/river.png", ContentFile(b"png bytes"))
        url = default_storage.url(name)

    assert "X-Amz-Signature" not in url
    assert fetch(url) == b"png bytes"


def make_document(district, title: str, collection=None):
    with tenant_context(district):
        collection = collection or Collection.get_first_root_node()
        return get_document_model().objects.create(
            title=title, collection=collection, file=ContentFile(b"minutes", name="minutes.txt")
        )


def test_a_document_is_served_through_a_short_lived_signed_link(
    object_storage, alpha, bravo, host_client
):
    document = make_document(alpha, "Board minutes")
    path = f"/documents/{document.pk}/minutes.txt"

    response = host_client(alpha.primary_hostname).get(path)

    assert response.status_code == 302
    link = urlparse(response["Location"])
    query = parse_qs(link.query)
    assert query["X-Amz-Expires"] == ["120"]
    assert "X-Amz-Signature" in query
    assert link.path.endswith(f"/{alpha.schema_name}/documents/minutes.txt")
    assert fetch(response["Location"]) == b"minutes"
    unsigned = f"{link.scheme}://{link.netloc}{link.path}"
    with pytest.raises(urllib.error.HTTPError, match="403"):
        fetch(unsigned)
    # Another district's host finds no such document.
    assert host_client(bravo.primary_hostname).get(path).status_code == 404


def test_a_private_document_gets_no_link_before_sign_in(storage, alpha, host_client):
    with tenant_context(alpha):
        private = Collection.get_first_root_node().add_child(name="Leadership only")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
    document = make_document(alpha, "Draft budget", collection=private)

    response = host_client(alpha.primary_hostname).get(f"/documents/{document.pk}/minutes.txt")

    assert response.status_code == 302
    assert "X-Amz" not in response["Location"]
    assert "/login/" in response["Location"]
