"""Every cache forgets the moment its source changes, on a real Redis: nothing is served stale
for a number of seconds after a change, on the state's site or any district's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.functional import cached_property

from council.models import Prompt
from routing.host_routes import district_for_host, districts_changed
from state.models import PortraitLabel, StateSettings
from tenants.models import Domain
from tests.factories.council import make_survey
from tests.security.real_redis import redis_caches  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("redis_caches")


def test_a_new_portrait_label_shows_on_district_pages_at_once(alpha, host_client, commit_callbacks):
    settings = StateSettings.load()
    visitor = host_client("alpha.localhost")
    assert "Portrait of a Learner" in visitor.get("/").content.decode()

    with commit_callbacks():
        settings.portrait_label = PortraitLabel.GRADUATE
        settings.save()

    page = visitor.get("/").content.decode()
    assert "Portrait of a Graduate" in page
    assert "Portrait of a Learner" not in page


def test_a_label_is_read_once_then_from_the_cache(alpha, host_client):
    StateSettings.load()
    visitor = host_client("alpha.localhost")
    visitor.get("/")
    with CaptureQueriesContext(connection) as queries:
        visitor.get("/")
    assert not [q for q in queries if "statewide_statesettings" in q["sql"]]


def test_a_bulk_renamed_domain_stops_routing_once_its_caller_says_so(alpha, host_client):
    Domain.objects.create(domain="old-name.localhost", tenant=alpha, is_primary=False)
    assert district_for_host("old-name.localhost") == alpha

    Domain.objects.filter(domain="old-name.localhost").update(domain="new-name.localhost")
    districts_changed()  # a bulk update sends no signal

    assert district_for_host("old-name.localhost") is None
    assert host_client("old-name.localhost").get("/").status_code == 404
    assert host_client("new-name.localhost").get("/").status_code == 200


def test_a_prompt_read_while_it_changes_is_not_served_after_the_change(
    public_client, commit_callbacks, monkeypatch
):
    """One request reads the prompt, another saves a new title before the first has stored
    what it read: the next request shows the new title."""
    StateSettings.load()
    prompt = make_survey(title="Old title")
    read_questions = Prompt.question_list.func

    def change_while_reading(self):
        questions = read_questions(self)
        monkeypatch.undo()  # once
        with commit_callbacks():
            changed = Prompt.objects.get(pk=prompt.pk)
            changed.title = "New title"
            changed.save()
        return questions

    changing = cached_property(change_while_reading)
    changing.__set_name__(Prompt, "question_list")
    monkeypatch.setattr(Prompt, "question_list", changing)
    assert "Old title" in public_client.get("/council/prompts/survey/").content.decode()

    assert "New title" in public_client.get("/council/prompts/survey/").content.decode()


def test_a_districts_new_region_is_offered_on_a_prompt_form_at_once(
    alpha, public_client, commit_callbacks
):
    StateSettings.load()
    make_survey()
    assert "Mountain" not in public_client.get("/council/prompts/survey/").content.decode()

    with commit_callbacks():
        alpha.region = "Mountain"
        alpha.save()

    assert "Mountain" in public_client.get("/council/prompts/survey/").content.decode()
