"""The council in English and Spanish: Spanish text for prompts and convenings, the language
each participant used, mail in that language, and results that count both together."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.utils import timezone, translation
from django.utils.formats import date_format

from council import registration as seats
from council.models import (
    Convening,
    OutboundEmail,
    Prompt,
    Question,
    QuestionKind,
    Registration,
    Response,
    Thought,
)
from council.results import question_results
from council.submissions import Participant, save_response
from council.tasks import queue_reminders
from demo.council import seed_council
from state.models import StateSettings
from tests.factories.council import make_convening, make_exchange, make_survey, survey_answers
from tests.portrait.translating import offer_spanish


def spanish_survey(**extra) -> Prompt:
    prompt = make_survey(title_es="¿Qué opina?", **extra)
    Question.objects.filter(prompt=prompt, text="Which one?").update(
        text_es="¿Cuál prefiere?", choices_es="Alfa\nBeta\nGama"
    )
    return prompt


@pytest.fixture(autouse=True)
def spanish_offered(state):
    """The state's site offers Spanish, at /es/."""
    offer_spanish()


def at(language: str, path: str) -> str:
    """`path` as a reader of `language` asks for it: Spanish lives under /es/."""
    return f"/es{path}" if language == "es" else path


def answer(client, prompt: Prompt, language: str, **overrides):
    data = survey_answers(prompt, **overrides)  # finds questions by their English text
    with translation.override(language):
        return client.post(at(language, f"/council/prompts/{prompt.slug}/"), data)


def test_a_spanish_participant_sees_the_prompt_in_spanish_and_the_stored_options_in_english(
    state,
):
    prompt = spanish_survey()
    which = prompt.questions.get(text="Which one?")
    with translation.override("es"):
        page = state.get(f"/es/council/prompts/{prompt.slug}/")
    html = page.content.decode()
    assert "¿Qué opina?" in html and "¿Cuál prefiere?" in html
    # The Spanish label stands beside the English value the answer stores.
    field = page.context["form"][f"q{which.pk}"]
    assert [(option.data["value"], option.data["label"]) for option in field] == [
        ("Alpha", "Alfa"),
        ("Beta", "Beta"),
        ("Gamma", "Gama"),
    ]
    assert "Elija" in html or "(opcional)" in html


def test_the_form_in_one_language_is_never_served_from_the_other_languages_cache(state):
    prompt = spanish_survey()
    with translation.override("es"):
        state.get(f"/es/council/prompts/{prompt.slug}/")
    english = state.get(f"/council/prompts/{prompt.slug}/").content.decode()
    assert "¿Cuál prefiere?" not in english and "Which one?" in english


def test_a_spanish_answer_records_spanish_and_its_receipt_is_in_spanish(state):
    prompt = spanish_survey(identified=True)
    sent = answer(state, prompt, "es", name="Ana", email="ana@example.org")
    assert sent.status_code == 302
    response = Response.objects.get()
    assert response.language == "es"
    receipt = OutboundEmail.objects.get(to="ana@example.org")
    assert receipt.subject == "Gracias por responder: ¿Qué opina?"
    assert "¿Qué opina?" in receipt.body
    # Dates in the body are written the Spanish way too.
    with translation.override("es"):
        spanish_month = date_format(response.submitted_at, "F")
    assert spanish_month != date_format(response.submitted_at, "F")
    assert spanish_month in receipt.body


def test_an_english_answer_records_english_and_its_receipt_is_in_english(state):
    prompt = spanish_survey(identified=True)
    assert answer(state, prompt, "en", name="Al", email="al@example.org").status_code == 302
    assert Response.objects.get().language == "en"
    assert OutboundEmail.objects.get().subject == "Thank you for answering: What do you think?"


def test_results_count_a_choice_answered_in_spanish_with_the_same_choice_in_english(state):
    settings = StateSettings.load()
    settings.minimum_cell_size = 2
    settings.save()
    prompt = spanish_survey()
    which = prompt.questions.get(text="Which one?")
    assert answer(state, prompt, "en", **{f"q{which.pk}": "Alpha"}).status_code == 302
    assert answer(state, prompt, "es", **{f"q{which.pk}": "Alpha"}).status_code == 302
    assert answer(state, prompt, "es", **{f"q{which.pk}": "Gamma"}).status_code == 302
    assert sorted(Response.objects.values_list("language", flat=True)) == ["en", "es", "es"]

    by_question = {result.question.pk: result for result in question_results(prompt, None)}
    overall = by_question[which.pk].overall
    assert overall.respondents == 3
    assert overall.counts == {"Alpha": 2, "Beta": 0, "Gamma": 1}
    # A Spanish reader sees the same counts under the Spanish names of the options.
    with translation.override("es"):
        spanish = {result.question.pk: result for result in question_results(prompt, None)}
        assert spanish[which.pk].options == ["Alfa", "Beta", "Gama"]
        page = state.get(f"/es/council/prompts/{prompt.slug}/results/").content.decode()
    assert spanish[which.pk].overall.counts == {"Alfa": 2, "Beta": 0, "Gama": 1}
    assert '<th scope="col">Alfa</th>' in page


def test_a_spanish_ranking_stores_the_english_options(state):
    prompt = spanish_survey()
    order = prompt.questions.get(text="Order them")
    Question.objects.filter(pk=order.pk).update(choices_es="Alfa\nBeta\nGama")
    with translation.override("es"):
        page = state.get(f"/es/council/prompts/{prompt.slug}/").content.decode()
    assert "Alfa" in page and "Gama" in page
    assert answer(state, prompt, "es").status_code == 302
    assert Response.objects.get().answers.get(question=order).choices == ["Beta", "Alpha", "Gamma"]


def test_a_thought_shared_in_spanish_records_spanish(state):
    prompt = make_exchange(exchange_question_es="¿Qué necesitan los graduados?")
    with translation.override("es"):
        page = state.get(f"/es/council/prompts/{prompt.slug}/")
        assert "¿Qué necesitan los graduados?" in page.content.decode()
        state.post(
            f"/es/council/prompts/{prompt.slug}/",
            {"idempotency_key": str(uuid.uuid4()), "text": "Saber trabajar en equipo"},
        )
    assert Thought.objects.get().language == "es"


def test_a_registration_in_spanish_is_confirmed_in_spanish_with_a_spanish_calendar(state):
    convening = make_convening(title_es="Reunión de primavera", summary_es="Hablamos del perfil.")
    with translation.override("es"):
        page = state.get(f"/es/council/convenings/{convening.slug}/register/")
        assert "Reunión de primavera" in page.content.decode()
        sent = state.post(
            f"/es/council/convenings/{convening.slug}/register/",
            {
                "idempotency_key": str(uuid.uuid4()),
                "name": "Ana",
                "email": "ana@example.org",
                "attendance_mode": "in_person",
            },
        )
    assert sent.status_code == 302
    assert Registration.objects.get().language == "es"
    confirmation = OutboundEmail.objects.get(kind="registration")
    assert confirmation.subject == "Tiene un lugar: Reunión de primavera"
    event = confirmation.calendar.replace("\r\n ", "")
    assert "SUMMARY:Reunión de primavera" in event
    assert "Detalles y agenda:" in event and "Enlace para unirse en línea:" in event


def registrant(name: str, language: str) -> seats.Registrant:
    return seats.Registrant(
        name=name,
        email=f"{name.lower()}@example.org",
        attendance_mode="in_person",
        language=language,
    )


def test_a_promotion_goes_out_in_the_language_the_person_registered_in(db):
    convening = make_convening(capacity=1, title_es="Reunión de primavera")
    with translation.override("en"):
        seated = seats.register(convening.pk, registrant("Al", "en"), uuid.uuid4())
    with translation.override("es"):
        waiting = seats.register(convening.pk, registrant("Ana", "es"), uuid.uuid4())
    assert waiting.language == "es"
    assert OutboundEmail.objects.get(to=waiting.email).subject == (
        "Está en la lista de espera: Reunión de primavera"
    )

    with translation.override("en"):  # the English speaker cancels
        seats.cancel(seated.pk)

    promotion = OutboundEmail.objects.get(kind="promotion")
    assert promotion.to == waiting.email
    assert promotion.subject == "Un lugar es suyo: Reunión de primavera"


def test_reminders_go_out_in_each_persons_language(db):
    soon = timezone.now() + timedelta(hours=2)
    convening = make_convening(
        capacity=5,
        title_es="Reunión de primavera",
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
    )
    seats.register(convening.pk, registrant("Al", "en"), uuid.uuid4())
    seats.register(convening.pk, registrant("Ana", "es"), uuid.uuid4())
    assert queue_reminders() == 2
    subjects = dict(OutboundEmail.objects.filter(kind="reminder").values_list("to", "subject"))
    assert subjects == {
        "al@example.org": f"Reminder: {convening.title}",
        "ana@example.org": "Recordatorio: Reunión de primavera",
    }


def test_an_invitation_is_written_in_the_language_staff_choose(staff):
    response = staff.post(
        "/admin/council_invitations/new/",
        {"email": "nueva@example.org", "region": "", "voice": "", "language": "es"},
    )
    assert response.status_code == 302
    invitation = OutboundEmail.objects.get(kind="invitation")
    assert invitation.subject.startswith("Le invitamos a formar parte del consejo")


def test_spanish_text_falls_back_to_english_and_never_overwrites_it(db):
    prompt = make_survey(title_es="¿Qué opina?")
    with translation.override("es"):
        assert prompt.title == "¿Qué opina?"
        assert prompt.introduction == ""  # no Spanish and no English: nothing to fall back on
        assert prompt.questions.get(text="Clear?").text == "Clear?"  # not translated yet
        # An editor working in Spanish edits the English field as English.
        assert model_to_dict(prompt)["title"] == "What do you think?"
        prompt.full_clean()
        prompt.save()
    prompt.refresh_from_db()
    assert prompt.title == "What do you think?" and prompt.title_es == "¿Qué opina?"


def test_spanish_options_must_match_the_english_ones_one_for_one(db):
    prompt = make_survey()
    question = Question(
        prompt=prompt,
        text="Which?",
        kind=QuestionKind.SINGLE_CHOICE,
        choices="Yes\nNo",
        choices_es="Sí",
    )
    with pytest.raises(ValidationError) as refused:
        question.full_clean()
    assert "one Spanish option for each option" in str(refused.value)


def test_the_public_calendar_is_written_in_the_visitors_language(state):
    convening = make_convening(title_es="Reunión de primavera")
    with translation.override("es"):
        ics = state.get(f"/es/council/convenings/{convening.slug}/event.ics").content.decode()
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Reunión de primavera" in unfolded and "Detalles y agenda:" in unfolded
    assert "Enlace para unirse" not in unfolded  # the public copy has no join link


def test_exports_say_which_language_each_answer_and_registration_came_in(staff):
    convening = make_convening()
    prompt = make_survey(subject="convening", convening=convening)
    clear = prompt.questions.get(text="Clear?")
    for language in ("en", "es"):
        participant = Participant(region="North", voice="student", language=language)
        save_response(prompt, participant, [(clear, 4)], uuid.uuid4())
    seats.register(convening.pk, registrant("Ana", "es"), uuid.uuid4())

    feedback = csv_rows(staff, f"/admin/council/convenings/{convening.pk}/feedback.csv")
    assert sorted(row["language"] for row in feedback) == ["English", "Spanish"]
    registrations = csv_rows(staff, f"/admin/council/convenings/{convening.pk}/registrations.csv")
    assert [row["language"] for row in registrations] == ["Spanish"]


def csv_rows(client, url: str) -> list[dict]:
    response = client.get(url)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_demo_council_is_in_spanish_too_and_its_results_count_both_languages(db):
    seed_council()
    survey = Prompt.objects.get(slug="portrait-draft-survey")
    answered = Response.objects.filter(prompt=survey)
    assert answered.filter(language="es").exists() and answered.filter(language="en").exists()
    with translation.override("es"):
        assert survey.title == "¿Qué opina del borrador del perfil?"
        assert Convening.objects.get(slug="portrait-draft-review").agenda_items.first().title == (
            "Bienvenida y presentaciones"
        )
        which = survey.questions.get(kind=QuestionKind.SINGLE_CHOICE)
        result = next(r for r in question_results(survey, None) if r.question.pk == which.pk)
        assert result.overall.respondents == answered.count()
        assert result.options[0] == "Pensador crítico"
