"""The public pages and forms: registration, answering, bad input and abuse."""

import uuid

import pytest
from django.test import Client

from council.models import CouncilSettings, Registration, Response
from tests.factories.council import make_convening, make_survey, survey_answers


def register_data(**overrides) -> dict:
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "name": "Rae Public",
        "email": "rae@example.org",
        "attendance_mode": "in_person",
        "accommodation_request": "Captions, please",
        "region": "",
        "voice": "family",
        "website": "",
    }
    data.update(overrides)
    return data


def test_the_convening_pages_show_only_noticed_convenings(state):
    make_convening("open")
    make_convening("draft", noticed=False)
    listing = state.get("/council/convenings/")
    assert b"Convening open" in listing.content and b"Convening draft" not in listing.content
    assert state.get("/council/convenings/open/").status_code == 200
    assert state.get("/council/convenings/draft/").status_code == 404
    feed = state.get("/council/convenings.ics")
    assert feed["Content-Type"].startswith("text/calendar")
    assert feed.content.count(b"BEGIN:VEVENT") == 1
    assert b"meet.example.org" not in feed.content  # the join link is for registrants only


def test_register_then_see_the_code_and_cancel(state):
    make_convening("open", capacity=1)
    response = state.post("/council/convenings/open/register/", register_data())
    registration = Registration.objects.get()
    assert response.status_code == 302 and response["Location"] == registration.get_absolute_url()
    page = state.get(registration.get_absolute_url())
    assert registration.check_in_code.encode() in page.content
    qr = state.get(registration.get_absolute_url() + "qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    state.post(registration.get_absolute_url() + "cancel/")
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_a_double_click_registers_once(state):
    make_convening("open")
    data = register_data()
    first = state.post("/council/convenings/open/register/", data)
    second = state.post("/council/convenings/open/register/", data)
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"name": ""}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"attendance_mode": "by-carrier-pigeon"}, "attendance_mode"),
        ({"idempotency_key": "not-a-uuid"}, "idempotency_key"),
        ({"accommodation_request": "x" * 1001}, "accommodation_request"),
    ],
)
def test_bad_registrations_are_explained_and_save_nothing(state, overrides, field):
    make_convening("open")
    response = state.post("/council/convenings/open/register/", register_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert b"There is a problem" in response.content
    assert Registration.objects.count() == 0


def test_registering_twice_with_one_email_is_explained(state):
    make_convening("open")
    state.post("/council/convenings/open/register/", register_data())
    response = state.post("/council/convenings/open/register/", register_data())
    assert response.status_code == 400
    assert b"already registered" in response.content


def test_the_honeypot_saves_nothing(state):
    make_convening("open")
    response = state.post("/council/convenings/open/register/", register_data(website="spam"))
    assert response.status_code == 302
    assert Registration.objects.count() == 0


def test_public_forms_need_the_csrf_token(db):
    make_convening("open")
    strict = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    response = strict.post("/council/convenings/open/register/", register_data())
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_the_rate_limit_stops_a_flood_from_one_address(state):
    settings = CouncilSettings.load()
    settings.submissions_per_minute = 3
    settings.save()
    prompt = make_survey()
    codes = [
        state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt)).status_code
        for _ in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 3
    # Another client address behind the trusted proxy still gets through.
    other = state.post(
        f"/council/prompts/{prompt.slug}/",
        survey_answers(prompt),
        HTTP_X_FORWARDED_FOR="203.0.113.9",
        REMOTE_ADDR="127.0.0.1",
    )
    assert other.status_code == 302


def test_forwarded_addresses_from_untrusted_clients_are_ignored(state):
    settings = CouncilSettings.load()
    settings.submissions_per_minute = 1
    settings.save()
    prompt = make_survey()
    spoofed = [
        state.post(
            f"/council/prompts/{prompt.slug}/",
            survey_answers(prompt),
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(3)
    ]
    assert spoofed == [302, 429, 429]


def test_registration_closes_and_says_so(state):
    make_convening("full", registration_open=False)
    response = state.get("/council/convenings/full/register/")
    assert response.status_code == 410
    assert b"closed" in response.content


def asks_for_a_page(keys) -> bool:
    keys = [keys] if isinstance(keys, str) else keys
    return any(not key.startswith("generation:") for key in keys)


@pytest.mark.usefixtures("page_cache")
def test_form_pages_skip_the_page_cache_without_asking_it(state, monkeypatch):
    from django.core.cache import caches

    make_survey("survey")
    make_convening("open")
    pages = caches["pages"]
    asked = []
    for name in ("get", "get_many"):
        original = getattr(pages, name)
        monkeypatch.setattr(
            pages, name, lambda *a, _o=original, **k: asked.append(a) or _o(*a, **k)
        )

    for path in ("/council/prompts/survey/", "/council/convenings/open/register/"):
        response = state.get(path)
        assert response.status_code == 200
        assert response["X-Wagtail-Cache"] == "skip"
        assert "csrfmiddlewaretoken" in response.content.decode()
    for path in ("/council/", "/council/convenings/", "/council/convenings/open/"):
        assert state.get(path)["X-Wagtail-Cache"] == "skip"  # live state: seats, notices
    # The generation counters (what the prompt's own cache is keyed on) are not pages.
    assert [keys for keys, *_ in asked if asks_for_a_page(keys)] == []

    state.get("/districts/")  # a page that can be cached is still looked up
    assert asked
