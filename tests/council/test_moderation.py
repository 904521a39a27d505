"""People are told when their thought is held; staff publish it with personal data removed."""

import uuid

import pytest

from council import moderation
from council.models import ModerationStatus, Report, Thought
from tests.factories.council import make_exchange

PHONE_TEXT = "More mentors, call Dana on 502-555-0199 or write dana@example.org"


def share(client, prompt, text):
    data = {"idempotency_key": str(uuid.uuid4()), "text": text, "website": ""}
    return client.post(f"/council/prompts/{prompt.slug}/", data, follow=True)


def test_someone_sharing_a_held_thought_is_told_it_waits_for_staff(state):
    prompt = make_exchange()
    page = share(state, prompt, PHONE_TEXT).content.decode()
    assert "held until our staff check it" in page
    assert "email address, phone number" in page


def test_a_plain_thought_is_not_said_to_be_held(state):
    prompt = make_exchange()
    assert "held until" not in share(state, prompt, "More mentors").content.decode()


@pytest.fixture
def held(db):
    prompt = make_exchange()
    moderation_status, flags = moderation.screen(PHONE_TEXT)
    thought = Thought.objects.create(
        prompt=prompt,
        text=PHONE_TEXT,
        participant_key="anon:writer",
        idempotency_key=uuid.uuid4(),
        moderation=moderation_status,
        flags=flags,
    )
    Report.objects.create(thought=thought, reason="Phone number")
    return thought


def test_staff_are_offered_the_text_without_its_personal_data(staff, held):
    page = staff.get("/admin/council/moderation/").content.decode()
    assert "More mentors, call Dana on [phone number removed] or write [email removed]" in page


def test_staff_redact_and_publish_a_held_thought(staff, state, held):
    text = "More mentors, call Dana on [phone number removed]"
    response = staff.post(f"/admin/council/moderation/{held.pk}/redact/", {"text": text})
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.text, held.moderation, held.flags) == (text, ModerationStatus.VISIBLE, "")
    assert not held.reports.filter(resolved_at__isnull=True).exists()
    page = state.get(f"/council/prompts/{held.prompt.slug}/rate/").content.decode()
    assert text in page and "502-555-0199" not in page


@pytest.mark.parametrize(
    "text, message",
    [
        ("Still call 502 555 0199", "still has phone number"),
        ("  ", "Give the text to publish"),
        ("x" * 281, "280 characters"),
    ],
)
def test_a_redaction_that_keeps_personal_data_is_refused(staff, held, text, message):
    response = staff.post(
        f"/admin/council/moderation/{held.pk}/redact/", {"text": text}, follow=True
    )
    assert message in response.content.decode()
    held.refresh_from_db()
    assert (held.text, held.moderation) == (PHONE_TEXT, ModerationStatus.HELD)


def test_only_moderators_redact(state, held):
    state.post(f"/admin/council/moderation/{held.pk}/redact/", {"text": "Nice"})
    held.refresh_from_db()
    assert (held.text, held.moderation) == (PHONE_TEXT, ModerationStatus.HELD)


def test_moderation_never_sends_staff_off_the_site(staff, held):
    response = staff.post(
        f"/admin/council/moderation/{held.pk}/hide/", {"next": "https://evil.example/phish"}
    )
    assert response["Location"] == "/admin/council/moderation/"
    back = staff.post(
        f"/admin/council/moderation/{held.pk}/restore/", {"next": "/admin/council/prompts/1/"}
    )
    assert back["Location"] == "/admin/council/prompts/1/"
