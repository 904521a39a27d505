"""Spanish end to end, through the real admin views: a district switches Spanish on, a
Translator translates its portrait and a story with wagtail-localize (PO files, as a vendor
returns them) and submits them, an Approver approves them through the workflow, and then a
Spanish reader finds the district's portrait and story, the state's pages, the council and
the council's mail in Spanish."""

import uuid

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context
from wagtail.models import Locale
from wagtail_localize.models import Translation

from council.models import OutboundEmail
from council.tasks import send_outbox
from portrait.models import DistrictPortraitPage, SiteLanguages, StoryIndexPage
from publishing.sync import request_district_sync
from state.models import StateSettings
from tenants.starter import TRANSLATORS
from tests.api_client import get_data
from tests.factories import portrait as factories
from tests.factories.council import make_convening
from tests.portrait.editorial.conftest import admin_url, messages_of, sign_in_member
from tests.portrait.translating import offer_spanish

PORTRAIT_ES = {
    "Every learner belongs here.": "Cada estudiante tiene su lugar aquí.",
    "Portrait of a learner": "Retrato del estudiante",
    "Curious": "Curioso",
}
STORIES = """
query Stories($slug: String!) {
  district(slug: $slug) { stories { title(language: "es") english: title } }
}
"""
STORY_ES_BODY = "They built robots together."
STORY_ES = {
    "Robots in first grade": "Robots en primer grado",
    "Six-year-olds build robots.": "Niños de seis años construyen robots.",
    "They built robots together.": "Construyeron robots juntos.",
}


@pytest.fixture
def district_admin(alpha, host_client):
    with tenant_context(alpha):
        user = get_user_model().objects.create_superuser("alpha-admin", "a@example.org", "x")
        client = host_client(alpha.primary_hostname)
        client.force_login(user)
    return client


@pytest.fixture
def english_content(alpha):
    """The district's portrait and a story, live in English."""
    with tenant_context(alpha):
        portrait = factories.fill_district_portrait(
            DistrictPortraitPage.objects.get(),
            [factories.competency_value("Curious", "Asks why.", aligned_to=["critical-thinker"])],
            vision_statement=f"<p>{next(iter(PORTRAIT_ES))}</p>",
        )
        index = StoryIndexPage.objects.get()
        story = factories.add_story(
            index, "Robots in first grade", "Six-year-olds build robots.", [STORY_ES_BODY]
        )
    return portrait, story


def translate_in_the_admin(translator, district, page, spanish_for: dict[str, str]) -> None:
    """Start the translation, fill it with a PO file and submit it for review."""
    with tenant_context(district):
        spanish = Locale.objects.get(language_code="es")
    started = translator.client.post(
        admin_url("wagtail_localize:submit_page_translation", page.pk), {"locales": [spanish.pk]}
    )
    assert started.status_code == 302, started.content.decode()[:500]
    with tenant_context(district):
        translation = Translation.objects.get(source__object_id=page.translation_key)
    po = polib.pofile(
        translator.client.get(
            admin_url("wagtail_localize:download_pofile", translation.pk)
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = spanish_for.get(entry.msgid, entry.msgstr)
    upload = SimpleUploadedFile("es.po", str(po).encode(), "text/x-gettext-translation")
    uploaded = translator.client.post(
        admin_url("wagtail_localize:upload_pofile", translation.pk), {"file": upload}
    )
    assert "Successfully imported translations" in " ".join(messages_of(uploaded))
    submitted = translator.client.post(admin_url("portrait_submit_translation", translation.pk))
    assert "submitted for review" in " ".join(messages_of(submitted))


def approve(approver, district, page) -> None:
    with tenant_context(district):
        spanish = page.get_translation(Locale.objects.get(language_code="es"))
        task = spanish.current_workflow_task_state
    approver.client.post(
        admin_url("wagtailadmin_pages:workflow_action", spanish.pk, "approve", task.pk),
        {"comment": "Bien."},
    )


def test_a_spanish_reader_finds_the_district_the_state_and_the_council_in_spanish(
    alpha, host_client, district_admin, english_content, django_capture_on_commit_callbacks
):
    StateSettings.load()
    offer_spanish()  # the state's own site
    portrait, story = english_content
    visitor = host_client("alpha.localhost")
    assert visitor.get("/es/").status_code == 404  # not yet offered by the district

    # The district switches Spanish on in its admin.
    switched = district_admin.post(
        admin_url("wagtailsettings:edit", "portrait", "sitelanguages", 1), {"spanish": "on"}
    )
    assert switched.status_code == 302
    with tenant_context(alpha):
        assert SiteLanguages.load().spanish
    # Until a translation is approved, Spanish readers get the English, marked as such.
    untranslated = visitor.get("/es/portrait-of-a-learner/").content.decode()
    assert "Esta página aún no está traducida" in untranslated

    translator = sign_in_member(alpha, host_client, "alpha-translator", TRANSLATORS)
    approver = sign_in_member(alpha, host_client, "alpha-approver", "Approvers")
    with django_capture_on_commit_callbacks(execute=True):
        translate_in_the_admin(translator, alpha, portrait, PORTRAIT_ES)
        translate_in_the_admin(translator, alpha, story, STORY_ES)
    assert "Cada estudiante" not in visitor.get("/es/portrait-of-a-learner/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        approve(approver, alpha, portrait)
        approve(approver, alpha, story)
    # The approvals' commit queues the district's sync; a test's transaction never commits,
    # and the sync queued by the English publish above stands in for it, so ask for it here.
    request_district_sync(alpha.schema_name)

    # The district's own pages, in Spanish.
    spanish_portrait = visitor.get("/es/portrait-of-a-learner/")
    assert spanish_portrait.status_code == 200
    text = spanish_portrait.content.decode()
    assert "Cada estudiante tiene su lugar aquí." in text and '<html lang="es"' in text
    assert "Esta página aún no está traducida" not in text
    spanish_story = visitor.get(f"/es{story.url}").content.decode()
    assert "Construyeron robots juntos." in spanish_story
    assert "Todas las historias" in spanish_story  # the interface around it too

    # The state's pages under /es/ carry the district's Spanish.
    state = host_client("localhost")
    directory = state.get("/es/districts/").content.decode()
    assert '<html lang="es"' in directory and "Retrato del estudiante" in directory
    stories = get_data(state, STORIES, {"slug": alpha.slug})["district"]["stories"]
    assert stories == [{"title": "Robots en primer grado", "english": "Robots in first grade"}]

    # The council, in Spanish, and its mail in the reader's language.
    convening = make_convening(title_es="Reunión de primavera")
    council = state.get(f"/es/council/convenings/{convening.slug}/register/").content.decode()
    assert "Reunión de primavera" in council and "Inscribirse" in council
    registered = state.post(
        f"/es/council/convenings/{convening.slug}/register/",
        {
            "idempotency_key": str(uuid.uuid4()),
            "name": "Ana",
            "email": "ana@example.org",
            "attendance_mode": "in_person",
        },
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert registered.status_code == 302
    send_outbox()
    assert OutboundEmail.objects.get(kind="registration").sent_at is not None
    sent = next(message for message in mail.outbox if "ana@example.org" in message.to)
    assert sent.subject == "Tiene un lugar: Reunión de primavera"
