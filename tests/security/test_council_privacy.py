"""Held or hidden thoughts and members-only prompts reach nobody they are not for."""

import uuid

import pytest

from council.models import ModerationStatus, Outcome, OutcomeStatus, Theme, Thought
from tests.council.conftest import make_exchange, make_member, make_survey, survey_answers

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

    member = host_client("localhost")
    member.force_login(make_member().user)
    assert "quiet rooms" in member.get("/council/you-said-we-did/").content.decode()
