"""Council pages show live state: with the page cache on (in Redis), a visitor sees a change
the moment it is made, never a copy from before it."""

import uuid

import pytest

from council import lifecycle, moderation
from council import registration as seats
from council.models import Outcome, OutcomeStatus, Theme, Thought
from council.submissions import Participant, save_response
from state.models import StateSettings
from tests.factories.council import make_convening, make_exchange, make_survey

pytestmark = pytest.mark.usefixtures("redis_page_cache")


def get_twice(client, path):
    """The second answer is the one a cache would give."""
    client.get(path)
    return client.get(path)


def test_seats_left_drop_the_moment_someone_registers(state):
    convening = make_convening("spring", capacity=2)
    path = convening.get_absolute_url()
    assert "2 seats left" in get_twice(state, path).content.decode()
    registrant = seats.Registrant(name="Ana", email="ana@example.org", attendance_mode="online")
    seats.register(convening.pk, registrant, uuid.uuid4())
    assert "1 seat left" in state.get(path).content.decode()


def test_a_notice_just_published_is_not_answered_with_a_cached_404(state):
    convening = make_convening("autumn", noticed=False)
    path = f"/council/convenings/{convening.slug}/"
    assert get_twice(state, path).status_code == 404
    lifecycle.publish_notice(convening)
    assert state.get(path).status_code == 200
    assert convening.title in state.get("/council/convenings/").content.decode()


def test_a_reported_or_hidden_thought_leaves_every_public_page_at_once(state, host_client):
    prompt = make_exchange()
    thought = Thought.objects.create(
        prompt=prompt,
        text="Graduates need patience",
        participant_key="anon:writer",
        idempotency_key=uuid.uuid4(),
        rating_count=3,
        rating_total=12,
    )
    results = f"/council/prompts/{prompt.slug}/results/"
    report = f"/council/thoughts/{thought.pk}/report/"
    assert thought.text in get_twice(state, results).content.decode()
    assert get_twice(state, report).status_code == 200

    moderation.report(thought, "Off topic")
    assert thought.text not in state.get(results).content.decode()
    assert state.get(report).status_code == 404

    moderation.restore(thought)
    assert thought.text in state.get(results).content.decode()
    moderation.hide(thought)
    assert thought.text not in state.get(results).content.decode()


def test_what_was_done_and_new_answers_show_at_once(state):
    settings = StateSettings.load()
    settings.minimum_cell_size = 2
    settings.save()
    prompt = make_survey()
    rating = prompt.questions.get(text="Clear?")
    outcomes, results = "/council/you-said-we-did/", f"/council/prompts/{prompt.slug}/results/"
    assert "Quiet rooms" not in get_twice(state, outcomes).content.decode()
    assert "Too few answers" in get_twice(state, results).content.decode()

    theme = Theme.objects.create(prompt=prompt, name="Quiet rooms")
    Outcome.objects.create(
        theme=theme,
        you_said="Quiet rooms",
        we_did="Added",
        status=OutcomeStatus.DONE,
        is_published=True,
    )
    for score in (4, 5):
        save_response(prompt, Participant(), [(rating, score)], uuid.uuid4())
    assert "Quiet rooms" in state.get(outcomes).content.decode()
    assert state.get(results).context["results"][0].overall.mean == 4.5
