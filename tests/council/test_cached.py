"""The prompt and the council's settings come from the cache, and a change reaches the next
request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from council.models import CouncilSettings, Prompt
from tests.factories.council import make_convening, make_survey, survey_answers


def test_a_prompt_page_is_served_without_a_query_once_cached(state):
    prompt = make_survey()
    state.get(f"/council/prompts/{prompt.slug}/")
    with CaptureQueriesContext(connection) as queries:
        assert state.get(f"/council/prompts/{prompt.slug}/").status_code == 200
    assert len(queries) == 0


def test_editing_a_prompt_or_its_questions_shows_at_once(state):
    prompt = make_survey()
    state.get(f"/council/prompts/{prompt.slug}/")
    question = prompt.questions.get(text="Clear?")
    question.text = "Is it clear enough?"
    question.save()
    assert b"Is it clear enough?" in state.get(f"/council/prompts/{prompt.slug}/").content
    prompt.is_published = False
    prompt.save()
    assert state.get(f"/council/prompts/{prompt.slug}/").status_code == 404


def test_a_renamed_prompt_leaves_its_old_address(state):
    prompt = make_survey()
    state.get("/council/prompts/survey/")
    prompt.slug = "renamed"
    prompt.save()
    assert state.get("/council/prompts/survey/").status_code == 404
    assert state.get("/council/prompts/renamed/").status_code == 200


def test_a_prompt_shows_its_convening_renamed(state):
    convening = make_convening("spring")
    prompt = make_survey(subject="convening", convening=convening)
    state.get(f"/council/prompts/{prompt.slug}/")
    convening.title = "Spring gathering"
    convening.save()
    assert b"Spring gathering" in state.get(f"/council/prompts/{prompt.slug}/").content


def test_a_new_rate_limit_applies_to_the_next_post(state):
    prompt = make_survey()
    assert state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt)).status_code == 302
    settings = CouncilSettings.load()
    settings.submissions_per_minute = 1
    settings.save()
    assert state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt)).status_code == 429
    assert Prompt.objects.get().responses.count() == 1
