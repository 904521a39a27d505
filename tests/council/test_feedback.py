"""Answering prompts in each mode, moderation, and results with small groups suppressed."""

import uuid

import pytest

from council import exchange, moderation
from council.models import (
    Answer,
    ModerationStatus,
    OutboundEmail,
    Participation,
    Response,
    Thought,
    ThoughtRating,
)
from council.results import question_results
from council.submissions import Participant, save_response
from state.models import StateSettings
from tests.factories.council import make_exchange, make_member, make_survey, survey_answers


def test_an_anonymous_answer_saves_every_question_type(state):
    prompt = make_survey()
    response = state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt))
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    saved = Response.objects.get()
    by_text = {a.question.text: a for a in Answer.objects.select_related("question")}
    assert by_text["Clear?"].rating == 4
    assert by_text["Which one?"].choices == ["Beta"]
    assert by_text["Where?"].choices == ["Class", "Work"]
    assert by_text["Order them"].choices == ["Beta", "Alpha", "Gamma"]
    assert by_text["Missing?"].text == "More time outdoors"
    assert saved.user is None and saved.email == ""


def test_a_double_click_answers_once(state):
    prompt = make_survey()
    data = survey_answers(prompt)
    state.post(f"/council/prompts/{prompt.slug}/", data)
    state.post(f"/council/prompts/{prompt.slug}/", data)
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    "question, value, message",
    [
        ("Clear?", "9", "Select a valid choice"),
        ("Which one?", "", "This field is required"),
        ("Which one?", "Delta", "Select a valid choice"),
        ("Missing?", "x" * 301, "at most 300"),
    ],
)
def test_bad_answers_are_explained_and_nothing_is_half_saved(state, question, value, message):
    prompt = make_survey()
    pk = prompt.questions.get(text=question).pk
    response = state.post(
        f"/council/prompts/{prompt.slug}/", survey_answers(prompt, **{f"q{pk}": value})
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_a_ranking_needs_distinct_places(state):
    prompt = make_survey()
    pk = prompt.questions.get(text="Order them").pk
    data = survey_answers(prompt, **{f"q{pk}_0": "1", f"q{pk}_1": "1"})
    response = state.post(f"/council/prompts/{prompt.slug}/", data)
    assert response.status_code == 400
    assert "different place" in response.content.decode()


def test_identified_prompts_ask_the_public_for_name_and_email_and_send_a_copy(state):
    prompt = make_survey(identified=True)
    missing = state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt))
    assert missing.status_code == 400 and "email" in missing.context["form"].errors
    data = survey_answers(prompt, name="Ana", email="ana@example.org")
    assert state.post(f"/council/prompts/{prompt.slug}/", data).status_code == 302
    assert OutboundEmail.objects.get().to == "ana@example.org"


def test_a_member_answering_anonymously_is_counted_by_group_not_by_name(state):
    member = make_member(region="Coastal")
    state.force_login(member.user)
    prompt = make_survey()
    state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt))
    response = Response.objects.get()
    assert response.user is None and response.region == "Coastal"
    assert Participation.objects.filter(user=member.user, prompt=prompt).exists()


def test_members_only_prompts_turn_the_public_away(state):
    prompt = make_survey(members_only=True)
    assert state.get(f"/council/prompts/{prompt.slug}/").status_code == 403
    assert state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt)).status_code == 403
    assert Response.objects.count() == 0


def test_closed_and_unpublished_prompts_take_no_answers(state):
    from django.utils import timezone

    closed = make_survey("closed", closes_at=timezone.now())
    draft = make_survey("draft", is_published=False)
    assert state.post(f"/council/prompts/{closed.slug}/", survey_answers(closed)).status_code == 410
    assert state.get(f"/council/prompts/{draft.slug}/").status_code == 404
    assert Response.objects.count() == 0


def share(client, prompt, text, **extra):
    data = {"idempotency_key": str(uuid.uuid4()), "text": text, "website": "", **extra}
    return client.post(f"/council/prompts/{prompt.slug}/", data)


def test_exchange_share_then_rate_others_not_your_own(state, host_client):
    prompt = make_exchange()
    others = [host_client("localhost") for _ in range(3)]
    for number, other in enumerate(others):
        share(other, prompt, f"Idea {number}")
    response = share(state, prompt, "My own idea")
    assert response.status_code == 302 and response["Location"].endswith("/rate/")

    page = state.get(f"/council/prompts/{prompt.slug}/rate/")
    shown = page.context["form"].thoughts
    assert {t.text for t in shown} == {"Idea 0", "Idea 1", "Idea 2"}

    scores = {f"t{t.pk}": "5" for t in shown}
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "website": "",
        "shown": ",".join(str(t.pk) for t in shown),
        **scores,
    }
    assert state.post(f"/council/prompts/{prompt.slug}/rate/", data).status_code == 302
    assert state.post(f"/council/prompts/{prompt.slug}/rate/", data).status_code == 302  # resent
    assert ThoughtRating.objects.count() == 3
    assert set(
        Thought.objects.values_list("rating_count", "rating_total").exclude(text="My own idea")
    ) == {(1, 5)}
    # Nothing left to rate: the participant's own thought is never offered.
    assert state.get(f"/council/prompts/{prompt.slug}/rate/").context["form"].thoughts == []


def test_rating_out_of_range_is_refused(state):
    prompt = make_exchange()
    thought = Thought.objects.create(
        prompt=prompt, text="x", participant_key="anon:a", idempotency_key=uuid.uuid4()
    )
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "website": "",
        "shown": str(thought.pk),
        f"t{thought.pk}": "6",
    }
    response = state.post(f"/council/prompts/{prompt.slug}/rate/", data)
    assert response.status_code == 400
    assert ThoughtRating.objects.count() == 0


def test_personal_data_is_held_before_anyone_sees_it(state, host_client):
    prompt = make_exchange()
    share(state, prompt, "Call me on 502-555-0199")
    share(state, prompt, "Write to ana@example.org")
    share(state, prompt, "Plain idea")
    held = Thought.objects.filter(moderation=ModerationStatus.HELD)
    assert sorted(held.values_list("flags", flat=True)) == ["email address", "phone number"]
    reader = host_client("localhost")
    shown = reader.get(f"/council/prompts/{prompt.slug}/rate/").context["form"].thoughts
    assert [t.text for t in shown] == ["Plain idea"]


def test_report_holds_a_thought_and_staff_restore_or_hide_it(state):
    prompt = make_exchange()
    thought = Thought.objects.create(
        prompt=prompt, text="Rude", participant_key="anon:a", idempotency_key=uuid.uuid4()
    )
    response = state.post(
        f"/council/thoughts/{thought.pk}/report/",
        {"idempotency_key": str(uuid.uuid4()), "reason": "Unkind", "website": ""},
    )
    assert response.status_code == 200
    thought.refresh_from_db()
    assert thought.moderation == ModerationStatus.HELD
    assert list(moderation.queue()) == [thought]
    moderation.restore(thought)
    assert not thought.reports.filter(resolved_at__isnull=True).exists()
    moderation.hide(thought)
    thought.refresh_from_db()
    assert thought.moderation == ModerationStatus.HIDDEN
    assert state.get(f"/council/thoughts/{thought.pk}/report/").status_code == 404


def test_personal_data_detection():
    assert moderation.personal_data_in("reach me at +1 (502) 555 0199") == ["phone number"]
    assert moderation.personal_data_in("jo.smith+x@mail.example.com") == ["email address"]
    assert moderation.personal_data_in("Class of 2031, grade 9, 3 ideas") == []


def test_results_by_region_follow_the_states_minimum(state):
    settings = StateSettings.load()
    settings.minimum_cell_size = 5
    settings.save()
    prompt = make_survey()
    rating = prompt.questions.get(text="Clear?")
    prompt.questions.exclude(pk=rating.pk).delete()
    for n, region in enumerate(["North"] * 6 + ["South"] * 6 + ["East"] * 2):
        save_response(prompt, Participant(region=region), [(rating, 3 + n % 2)], uuid.uuid4())

    results = {r.question.text: r for r in question_results(prompt, "region")}
    assert results["Clear?"].overall.respondents == 14
    assert results["Clear?"].groups == [] and results["Clear?"].groups_hidden  # East: 2
    page = state.get(f"/council/prompts/{prompt.slug}/results/?by=region")
    assert page.status_code == 200
    assert "Results by region are not shown for this prompt" in page.content.decode()

    for _ in range(3):
        save_response(prompt, Participant(region="East"), [(rating, 2)], uuid.uuid4())
    shown = question_results(prompt, "region")[0]
    assert [(g.label, g.respondents, g.mean) for g in shown.groups] == [
        ("East", 5, 2.6),
        ("North", 6, 3.5),
        ("South", 6, 3.5),
    ]


def test_results_show_nothing_until_enough_people_answer(state):
    prompt = make_survey()
    rating = prompt.questions.get(text="Clear?")
    save_response(prompt, Participant(region="North"), [(rating, 5)], uuid.uuid4())
    page = state.get(f"/council/prompts/{prompt.slug}/results/")
    assert "Too few answers to show yet" in page.content.decode()


def test_ranked_thoughts_put_the_best_rated_first(db):
    prompt = make_exchange()
    low, high = (
        Thought.objects.create(
            prompt=prompt, text=t, participant_key=f"anon:{t}", idempotency_key=uuid.uuid4()
        )
        for t in ("low", "high")
    )
    exchange.save_ratings(prompt, "anon:r1", {low.pk: 2, high.pk: 5})
    exchange.save_ratings(prompt, "anon:r2", {low.pk: 3, high.pk: 4})
    assert [t.text for t in exchange.ranked(prompt)] == ["high", "low"]


def test_the_rating_page_names_a_prompt_asked_as_its_title_once(state):
    prompt = make_exchange()  # its title is its question, as most exchanges are

    page = state.get(f"/council/prompts/{prompt.slug}/rate/").content.decode()

    assert '<p class="meta">What do graduates need?</p>' in page
    assert "What do graduates need?: What do graduates need?" not in page


def test_the_rating_page_shows_a_question_that_differs_from_the_title(state):
    prompt = make_exchange(title="The graduate of 2035", exchange_question="What will they need?")

    page = state.get(f"/council/prompts/{prompt.slug}/rate/").content.decode()

    assert "The graduate of 2035: What will they need?" in page
