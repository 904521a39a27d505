"""A Translator translates the district portrait in the real admin (wagtail-localize, with a PO
file as a vendor would return it), submits it, and only an Approver's approval puts it live
at /es/; a change to the English page shows up as out of date in the translation."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation

from portrait.models import DistrictPortraitPage
from tenants.starter import TRANSLATORS
from tests.portrait.editorial.conftest import admin_url, messages_of, sign_in_member
from tests.portrait.translating import offer_spanish

ENGLISH_VISION = "Every learner belongs here."
SPANISH_VISION = "Cada estudiante tiene su lugar aquí."


@pytest.fixture
def translator(alpha, host_client):
    return sign_in_member(alpha, host_client, "alpha-translator", TRANSLATORS)


@pytest.fixture
def live_portrait(alpha):
    with tenant_context(alpha):
        offer_spanish()
        page = DistrictPortraitPage.objects.get()
        page.vision_statement = f"<p>{ENGLISH_VISION}</p>"
        page.save_revision().publish()
        return page


def start_translation(translator, alpha, page) -> Translation:
    with tenant_context(alpha):
        spanish = Locale.objects.get(language_code="es")
    response = translator.client.post(
        admin_url("wagtail_localize:submit_page_translation", page.pk),
        {"locales": [spanish.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    with tenant_context(alpha):
        return Translation.objects.get(source__object_id=page.translation_key)


def translate_with_po_file(translator, translation) -> None:
    download = translator.client.get(admin_url("wagtail_localize:download_pofile", translation.pk))
    po = polib.pofile(download.content.decode())
    for entry in po:
        if entry.msgid == ENGLISH_VISION:
            entry.msgstr = SPANISH_VISION
    upload = SimpleUploadedFile("portrait-es.po", str(po).encode(), "text/x-gettext-translation")
    response = translator.client.post(
        admin_url("wagtail_localize:upload_pofile", translation.pk), {"file": upload}
    )
    assert "Successfully imported translations" in " ".join(messages_of(response))


def test_a_translators_portrait_goes_live_in_spanish_only_once_an_approver_approves(
    alpha, translator, approver, live_portrait, host_client, django_capture_on_commit_callbacks
):
    translation = start_translation(translator, alpha, live_portrait)
    translate_with_po_file(translator, translation)
    visitor = host_client("alpha.localhost")

    with django_capture_on_commit_callbacks(execute=True):
        submitted = translator.client.post(admin_url("portrait_submit_translation", translation.pk))

    assert "submitted for review" in " ".join(messages_of(submitted))
    with tenant_context(alpha):
        spanish = DistrictPortraitPage.objects.get(locale__language_code="es")
        assert not spanish.live
        assert spanish.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert spanish.get_workflow().name == "Review by Approvers"
        task_state = spanish.current_workflow_task_state
    assert SPANISH_VISION not in visitor.get("/es/portrait-of-a-learner/").content.decode()

    # A Translator cannot approve it, nor publish it from the translation editor.
    refused = translator.client.post(
        admin_url("wagtailadmin_pages:workflow_action", spanish.pk, "approve", task_state.pk)
    )
    assert "you do not have permission" in " ".join(messages_of(refused))
    translator.client.post(admin_url("wagtailadmin_pages:edit", spanish.pk), {"action": "publish"})
    with tenant_context(alpha):
        assert not DistrictPortraitPage.objects.get(pk=spanish.pk).live

    with django_capture_on_commit_callbacks(execute=True):
        approver.client.post(
            admin_url("wagtailadmin_pages:workflow_action", spanish.pk, "approve", task_state.pk),
            {"comment": "Bien."},
        )

    live = visitor.get("/es/portrait-of-a-learner/")
    assert live.status_code == 200
    assert SPANISH_VISION in live.content.decode()
    english = visitor.get("/portrait-of-a-learner/").content.decode()
    assert ENGLISH_VISION in english and SPANISH_VISION not in english


def test_a_translator_cannot_publish_or_change_an_original(alpha, translator, live_portrait):
    edit = translator.client.get(admin_url("wagtailadmin_pages:edit", live_portrait.pk))
    assert b"action-publish" not in edit.content
    translator.client.post(
        admin_url("wagtailadmin_pages:unpublish", live_portrait.pk), {"include_descendants": ""}
    )
    with tenant_context(alpha):
        assert DistrictPortraitPage.objects.get(pk=live_portrait.pk).live


def test_a_change_to_the_english_page_shows_the_translation_is_out_of_date(
    alpha, translator, approver, live_portrait
):
    translation = start_translation(translator, alpha, live_portrait)
    translate_with_po_file(translator, translation)
    with tenant_context(alpha):
        strings, translated = translation.get_progress()
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get(pk=live_portrait.pk)
        page.vision_statement = f"<p>{ENGLISH_VISION}</p><p>So does every family.</p>"
        page.save_revision().publish()

    # "Sync translated pages" on the English page brings its new text to the translation...
    approver.client.post(
        admin_url("wagtail_localize:update_translations", translation.source_id), {}
    )

    # ...which now lacks the new paragraph, and keeps what it had.
    with tenant_context(alpha):
        translation = Translation.objects.get(pk=translation.pk)
        assert translation.get_progress() == (strings + 1, translated)
        editor_page = translator.client.get(
            admin_url("wagtailadmin_pages:edit", translation.get_target_instance().pk)
        )
    assert editor_page.status_code == 200
    assert "So does every family." in editor_page.content.decode()
