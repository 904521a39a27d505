"""Held or hidden thoughts and members-only prompts reach nobody they are not for."""

import uuid

import pytest
from django.utils import timezone

from council.models import (
    Answer,
    ModerationStatus,
    Outcome,
    OutcomeStatus,
    Registration,
    Theme,
    Thought,
)
from tests.factories.council import (
    make_convening,
    make_exchange,
    make_member,
    make_survey,
    survey_answers,
)

HELD_TEXT = "Call Dana on 502-555-0199 or dana@example.org"


def thought(prompt, text, moderation=ModerationStatus.VISIBLE, key="anon:writer"):
    return Thought.objects.create(
        prompt=prompt,
        text=text,
        participant_key=key,
        idempotency_key=uuid.uuid4(),
        moderation=moderation,
    )


def rating_post(*thoughts, score="9"):
    return {
        "idempotency_key": str(uuid.uuid4()),
        "website": "",
        "shown": ",".join(str(t.pk) for t in thoughts),
        **{f"t{t.pk}": score for t in thoughts},
    }


@pytest.mark.parametrize("status", [ModerationStatus.HELD, ModerationStatus.HIDDEN])
def test_posting_the_ids_of_held_thoughts_never_returns_their_text(state, status):
    prompt = make_exchange()
    visible = thought(prompt, "Plain idea")
    held = thought(prompt, HELD_TEXT, moderation=status)

    for data in (rating_post(visible, held), rating_post(held), rating_post(held, score="4")):
        page = state.post(f"/council/prompts/{prompt.slug}/rate/", data).content.decode()
        assert "502-555-0199" not in page and "dana@example.org" not in page
    held.refresh_from_db()
    assert held.rating_count == 0


@pytest.fixture
def members_exchange(db):
    prompt = make_exchange("members", members_only=True)
    return prompt, thought(prompt, "Members talk here")


def test_members_only_exchange_refuses_the_public_on_every_route(state, members_exchange):
    prompt, shared = members_exchange
    routes = [
        ("get", f"/council/prompts/{prompt.slug}/", {}),
        ("get", f"/council/prompts/{prompt.slug}/rate/", {}),
        ("post", f"/council/prompts/{prompt.slug}/rate/", rating_post(shared, score="5")),
        ("get", f"/council/prompts/{prompt.slug}/results/", {}),
        ("get", f"/council/thoughts/{shared.pk}/report/", {}),
        ("post", f"/council/thoughts/{shared.pk}/report/", {"idempotency_key": str(uuid.uuid4())}),
    ]
    for method, path, data in routes:
        response = getattr(state, method)(path, data)
        assert response.status_code == 403, path
        assert shared.text not in response.content.decode(), path
    shared.refresh_from_db()
    assert shared.rating_count == 0 and shared.moderation == ModerationStatus.VISIBLE


def test_members_take_part_in_members_only_exchanges_everywhere(state, members_exchange):
    prompt, shared = members_exchange
    state.force_login(make_member().user)
    assert state.get(f"/council/prompts/{prompt.slug}/rate/").status_code == 200
    assert state.get(f"/council/prompts/{prompt.slug}/results/").status_code == 200
    report = state.post(
        f"/council/thoughts/{shared.pk}/report/", {"idempotency_key": str(uuid.uuid4())}
    )
    assert report.status_code == 200


def test_members_only_results_and_what_was_done_stay_with_members(state, host_client):
    prompt = make_survey("members-survey", members_only=True)
    state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt))
    theme = Theme.objects.create(prompt=prompt, name="Quiet rooms")
    Outcome.objects.create(
        theme=theme,
        you_said="Members asked for quiet rooms",
        we_did="Every site has one",
        status=OutcomeStatus.DONE,
        is_published=True,
    )
    assert state.get(f"/council/prompts/{prompt.slug}/results/").status_code == 403
    for path in ("/council/you-said-we-did/", "/council/"):
        assert "quiet rooms" not in state.get(path).content.decode(), path
    prompt.closes_at = timezone.now()
    prompt.save()
    assert prompt.get_absolute_url() not in state.get("/council/prompts/").content.decode()

    member = host_client("localhost")
    member.force_login(make_member().user)
    assert "quiet rooms" in member.get("/council/you-said-we-did/").content.decode()


def registration_post(key, name="Ana Alvarez", email="ana@example.org"):
    return {
        "idempotency_key": str(key),
        "name": name,
        "email": email,
        "attendance_mode": "in_person",
        "accommodation_request": "",
        "website": "",
    }


def test_a_key_reused_at_a_shared_desk_never_shows_the_earlier_registration(state):
    convening = make_convening("spring")
    register = f"/council/convenings/{convening.slug}/register/"
    key = uuid.uuid4()
    first = state.post(register, registration_post(key))
    assert first.status_code == 302

    # The next person presses Back and sends the same form with their own details.
    reused = state.post(register, registration_post(key, "Ben Brooks", "ben@example.org"))
    page = reused.content.decode()
    assert reused.status_code == 400
    assert "already sent, with other details" in page
    assert "ana@example.org" not in page and "Cancel" not in page
    assert Registration.objects.count() == 1

    fresh_key = reused.context["form"].data["idempotency_key"]
    assert fresh_key != str(key)
    again = state.post(register, registration_post(fresh_key, "Ben Brooks", "ben@example.org"))
    assert again.status_code == 302
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "ana@example.org",
        "ben@example.org",
    ]


def test_a_key_belongs_to_the_convening_it_was_issued_for(state):
    spring, autumn = make_convening("spring"), make_convening("autumn")
    key = uuid.uuid4()
    state.post(f"/council/convenings/{spring.slug}/register/", registration_post(key))
    other = state.post(f"/council/convenings/{autumn.slug}/register/", registration_post(key))
    assert other.status_code == 400
    assert "already sent, with other details" in other.content.decode()
    assert list(Registration.objects.values_list("convening__slug", flat=True)) == ["spring"]


def test_a_key_belongs_to_the_person_who_was_given_it(state, host_client):
    convening = make_convening("spring")
    key = uuid.uuid4()
    state.post(f"/council/convenings/{convening.slug}/register/", registration_post(key))
    member = host_client("localhost")
    member.force_login(make_member(email="ana@example.org").user)
    taken = member.post(f"/council/convenings/{convening.slug}/register/", registration_post(key))
    assert taken.status_code == 400
    assert Registration.objects.get().user_id is None


def test_a_double_click_still_lands_on_the_one_registration(state):
    convening = make_convening("spring")
    data = registration_post(uuid.uuid4(), email="Ana@Example.org")
    first = state.post(f"/council/convenings/{convening.slug}/register/", data)
    second = state.post(f"/council/convenings/{convening.slug}/register/", data)
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1


def test_a_key_reused_with_other_answers_is_refused_and_saves_nothing(state):
    prompt = make_survey()
    key = str(uuid.uuid4())
    which = f"q{prompt.questions.get(text='Which one?').pk}"
    state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt, idempotency_key=key))
    other = survey_answers(prompt, idempotency_key=key, **{which: "Gamma"})
    response = state.post(f"/council/prompts/{prompt.slug}/", other)
    assert response.status_code == 400
    assert "already sent, with other details" in response.content.decode()
    assert list(
        Answer.objects.filter(question__text="Which one?").values_list("choices", flat=True)
    ) == [["Beta"]]
    same = state.post(
        f"/council/prompts/{prompt.slug}/", survey_answers(prompt, idempotency_key=key)
    )
    assert same.status_code == 302  # the same answers again: a double click


def test_a_key_reused_for_another_thought_is_refused(state, host_client):
    prompt = make_exchange()
    key = str(uuid.uuid4())
    path = f"/council/prompts/{prompt.slug}/"
    state.post(path, {"idempotency_key": key, "text": "First idea", "website": ""})
    again = state.post(path, {"idempotency_key": key, "text": "Second idea", "website": ""})
    assert again.status_code == 400
    other_person = host_client("localhost").post(
        path, {"idempotency_key": key, "text": "First idea", "website": ""}
    )
    assert other_person.status_code == 400
    assert list(Thought.objects.values_list("text", flat=True)) == ["First idea"]


@pytest.mark.parametrize("shown", ["9" * 5000, "99999999999999999999", "²,³", "-1,abc,,"])
def test_odd_thought_ids_in_a_rating_form_are_refused_plainly(state, shown):
    prompt = make_exchange()
    data = {"idempotency_key": str(uuid.uuid4()), "website": "", "shown": shown}
    response = state.post(f"/council/prompts/{prompt.slug}/rate/", data)
    assert response.status_code == 400  # nothing to rate, said plainly; never a 500


def test_a_rating_form_names_no_more_thoughts_than_a_sample(state):
    prompt = make_exchange(rating_sample_size=3)
    thoughts = [thought(prompt, f"Idea {n}", key=f"anon:{n}") for n in range(6)]
    page = state.post(f"/council/prompts/{prompt.slug}/rate/", rating_post(*thoughts))
    assert len(page.context["form"].thoughts) == 3
