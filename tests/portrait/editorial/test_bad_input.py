"""Bad input in a district's admin gets a clear message and changes nothing."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portrait.models import DistrictHomePage, DistrictPortraitPage, StoryPage
from tests.factories.portrait import add_story, story_index
from tests.portrait.editorial.conftest import (
    admin_url,
    competency_form,
    messages_of,
    portrait_form,
)


def png(name: str, size=(400, 400)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PillowImage.effect_noise(size, 90).convert("RGB").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def uploaded_files(district) -> list[str]:
    folder = settings.MEDIA_ROOT / district.schema_name / "original_images"
    return sorted(path.name for path in folder.glob("*")) if folder.exists() else []


def upload(editor, file):
    """The admin's image uploader (Images > Add an image) posts each file on its own."""
    return editor.client.post(admin_url("wagtailimages:add_multiple"), {"files[]": file})


def assert_nothing_uploaded(alpha, files_before):
    with tenant_context(alpha):
        assert not Image.objects.exists()
    assert uploaded_files(alpha) == files_before


def test_an_oversized_image_is_refused_and_nothing_is_stored(alpha, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50 * 1024
    files_before = uploaded_files(alpha)

    response = upload(editor, png("too-big-school-photo.png"))

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "This file is too big" in response.json()["error_message"]
    assert "50.0" in response.json()["error_message"]  # the limit, so the editor can act
    assert_nothing_uploaded(alpha, files_before)


@pytest.mark.parametrize(
    "file, message",
    [
        (
            SimpleUploadedFile("minutes.txt", b"Board minutes", content_type="text/plain"),
            "This file is not an image, or it is damaged. Upload an image in one of these formats:",
        ),
        (
            SimpleUploadedFile("fake.png", b"not really a picture", content_type="image/png"),
            "This file is not an image, or it is damaged.",
        ),
    ],
    ids=["unsupported-type", "not-an-image"],
)
def test_a_file_that_is_not_a_supported_image_is_refused(alpha, editor, file, message):
    files_before = uploaded_files(alpha)

    response = upload(editor, file)

    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert "PNG" in response.json()["error_message"]
    assert_nothing_uploaded(alpha, files_before)


def test_the_single_image_form_refuses_an_oversized_file_too(alpha, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50 * 1024
    files_before = uploaded_files(alpha)

    response = editor.client.post(
        admin_url("wagtailimages:add"),
        {"title": "Too big", "file": png("too-big.png"), "collection": 1},
    )

    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert_nothing_uploaded(alpha, files_before)


def test_a_slug_a_sibling_already_has_is_refused(alpha, editor):
    with tenant_context(alpha):
        index = story_index(DistrictHomePage.objects.get())
        add_story(index, "Capstones", "Seniors show their work.", ["Every spring."])
        pages_before, revisions_before = Page.objects.count(), Revision.objects.count()
    form = nested_form_data(
        {
            "title": "Capstones again",
            "slug": "capstones",
            "hero_image": "",
            "hero_alt": "",
            "summary": "A second story with the same address.",
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
            "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"},
        }
    )

    response = editor.client.post(
        admin_url("wagtailadmin_pages:add", "portrait", "storypage", index.pk), form
    )

    assert response.status_code == 200
    assert "The page could not be created due to validation errors." in messages_of(response)
    assert "The slug &#x27;capstones&#x27; is already in use" in response.content.decode()
    with tenant_context(alpha):
        assert not StoryPage.objects.filter(title="Capstones again").exists()
        assert (Page.objects.count(), Revision.objects.count()) == (
            pages_before,
            revisions_before,
        )


def test_a_competency_aligned_to_nothing_is_refused_on_its_block(
    alpha, editor, portrait, state_competencies
):
    with tenant_context(alpha):
        revisions_before = Revision.objects.count()
    form = portrait_form(
        portrait,
        "Unaligned",
        [
            competency_form("Asks good questions", ["curious-learner"]),
            competency_form("Floats free", []),
        ],
    )

    response = editor.client.post(admin_url("wagtailadmin_pages:edit", portrait.pk), form)

    assert response.status_code == 200
    assert "The page could not be saved due to validation errors." in messages_of(response)
    # The admin draws the block's error beside its field from the errors it renders.
    assert "Align this competency to at least one state competency." in response.content.decode()
    errors = response.context["form"].errors["competencies"].as_data()[0]
    assert list(errors.block_errors) == [1]  # the second block, and only it
    assert "Align this competency to at least one state competency." in str(
        errors.block_errors[1].block_errors["aligned_to"]
    )
    with tenant_context(alpha):
        assert Revision.objects.count() == revisions_before
        assert DistrictPortraitPage.objects.get().title == "Portrait of a learner"


def test_an_edit_while_someone_else_holds_the_lock_is_refused(
    alpha, editor, approver, portrait, state_competencies
):
    approver.client.post(admin_url("wagtailadmin_pages:lock", portrait.pk))
    with tenant_context(alpha):
        revisions_before = Revision.objects.count()
    form = portrait_form(portrait, "Sneaked in", [competency_form("A", ["curious-learner"])])

    response = editor.client.post(admin_url("wagtailadmin_pages:edit", portrait.pk), form)

    assert response.status_code == 200
    assert "The page could not be saved as it is locked." in messages_of(response)
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        assert Revision.objects.count() == revisions_before
        assert page.get_latest_revision().content["title"] != "Sneaked in"
        assert page.locked_by == approver.user
