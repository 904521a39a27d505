"""A document in a restricted collection is served only through Wagtail's document view, which
checks the collection's privacy; its file path under /media/ answers nobody."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django_tenants.utils import tenant_context
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

SHARED_PK = 5151


@dataclass(frozen=True)
class Paths:
    view: str  # Wagtail's document view
    file: str  # the file under /media/


def add_document(district, text: bytes, *, private: bool, pk: int = SHARED_PK) -> Paths:
    with tenant_context(district):
        collection = Collection.get_first_root_node()
        if private:
            collection = collection.add_child(name="Leadership only")
            CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.LOGIN
            )
        document = Document.objects.create(
            pk=pk,
            title="Budget draft",
            file=ContentFile(text, name="budget-draft.txt"),
            collection=collection,
        )
        return Paths(view=document.url, file=document.file.url)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def signed_in_client(district, host_client):
    with tenant_context(district):
        user = get_user_model().objects.create_user("reader", "reader@example.org", "pw-7hq2x")
        client = host_client(f"{district.slug}.localhost")
        client.force_login(user)  # the session is stored in the district's own schema
    return client


def test_a_private_documents_file_path_answers_nobody(alpha, host_client):
    document = add_document(alpha, b"private figures", private=True)
    assert document.file.startswith(f"/media/{alpha.schema_name}/documents/")

    assert host_client("alpha.localhost").get(document.file).status_code == 404
    assert signed_in_client(alpha, host_client).get(document.file).status_code == 404


@pytest.mark.parametrize(
    "disguise",
    ["documents/{name}", "./documents/{name}", "images/../documents/{name}", "/documents/{name}"],
)
def test_a_disguised_document_path_is_refused_too(alpha, host_client, disguise):
    add_document(alpha, b"private figures", private=True)
    path = f"/media/{alpha.schema_name}/" + disguise.format(name="budget-draft.txt")

    response = host_client("alpha.localhost").get(path)

    assert response.status_code == 404
    assert b"private figures" not in body(response)


def test_the_document_view_asks_visitors_to_sign_in(alpha, host_client):
    document = add_document(alpha, b"private figures", private=True)

    response = host_client("alpha.localhost").get(document.view)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_document_view_serves_a_signed_in_district_user(alpha, host_client):
    document = add_document(alpha, b"private figures", private=True)

    response = signed_in_client(alpha, host_client).get(document.view)

    assert response.status_code == 200
    assert body(response) == b"private figures"


def test_a_public_document_is_served_by_the_document_view(alpha, host_client):
    document = add_document(alpha, b"public agenda", private=False)

    response = host_client("alpha.localhost").get(document.view)

    assert response.status_code == 200
    assert body(response) == b"public agenda"


def test_a_districts_document_id_on_another_host_finds_nothing_of_its(alpha, bravo, host_client):
    alpha_document = add_document(alpha, b"alpha figures", private=False)
    on_bravo, on_state = host_client("bravo.localhost"), host_client("localhost")

    assert on_bravo.get(alpha_document.view).status_code == 404
    assert on_state.get(alpha_document.view).status_code == 404

    bravo_document = add_document(bravo, b"bravo figures", private=False)
    assert bravo_document.view.split("/")[2] == alpha_document.view.split("/")[2]  # one id
    response = on_bravo.get(bravo_document.view)
    assert response.status_code == 200
    assert body(response) == b"bravo figures"


def test_a_private_document_signed_in_on_another_district_stays_private(alpha, bravo, host_client):
    alpha_document = add_document(alpha, b"alpha figures", private=True)
    add_document(bravo, b"bravo figures", private=False, pk=SHARED_PK + 1)
    bravo_reader = signed_in_client(bravo, host_client)

    for path in (alpha_document.view, alpha_document.file):
        assert b"alpha figures" not in body(bravo_reader.get(path))


def test_images_are_still_served_from_media(alpha, host_client):
    with tenant_context(alpha):
        image = Image.objects.create(title="Map", file=get_test_image_file("map.png"))
        path = image.file.url

    response = host_client("alpha.localhost").get(path)

    assert response.status_code == 200
    assert body(response).startswith(b"\x89PNG")
