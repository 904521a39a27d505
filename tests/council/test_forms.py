"""The public forms on their own: rankings, ratings and the honeypot."""

import uuid

from council.forms import PromptForm, RatingForm, RegistrationForm
from council.models import Thought
from tests.factories.council import make_convening, make_exchange, make_survey


def ranking_field(prompt):
    return f"q{prompt.questions.get(text='Order them').pk}"


def test_a_ranking_comes_back_in_order_of_place(db):
    prompt = make_survey()
    name = ranking_field(prompt)
    data = {
        "idempotency_key": str(uuid.uuid4()),
        f"{name}_0": "3",
        f"{name}_1": "1",
        f"{name}_2": "2",
    }
    form = PromptForm(data, prompt=prompt)
    form.is_valid()
    assert form.cleaned_data[name] == ["Beta", "Gamma", "Alpha"]


def test_a_half_filled_ranking_is_refused_and_an_empty_optional_one_is_fine(db):
    prompt = make_survey()
    name = ranking_field(prompt)
    half = PromptForm({"idempotency_key": str(uuid.uuid4()), f"{name}_0": "1"}, prompt=prompt)
    assert not half.is_valid() and "every option a place" in str(half.errors[name])
    empty = PromptForm({"idempotency_key": str(uuid.uuid4())}, prompt=prompt)
    empty.is_valid()
    assert name not in empty.errors


def test_every_blank_form_carries_a_fresh_key_and_the_honeypot(db):
    prompt = make_survey()
    first, second = PromptForm(prompt=prompt), PromptForm(prompt=prompt)
    assert first.initial["idempotency_key"] != second.initial["idempotency_key"]
    assert "website" in first.fields
    assert "website" not in [field.name for field in first.visible_fields()]
    assert PromptForm({"website": "http://spam"}, prompt=prompt).is_spam


def test_the_attendance_choice_follows_the_format(db):
    online = make_convening("online-only", format="online", venue_name="")
    form = RegistrationForm(convening=online)
    assert [value for value, _ in form.fields["attendance_mode"].choices] == ["online"]
    hybrid = make_convening("both")
    form = RegistrationForm(convening=hybrid)
    assert len(form.fields["attendance_mode"].choices) == 2


def test_a_rating_form_needs_at_least_one_score(db):
    prompt = make_exchange()
    thought = Thought.objects.create(
        prompt=prompt, text="x", participant_key="anon:a", idempotency_key=uuid.uuid4()
    )
    empty = RatingForm(
        {"idempotency_key": str(uuid.uuid4()), "shown": str(thought.pk)}, thoughts=[thought]
    )
    assert not empty.is_valid() and "Rate at least one" in str(empty.errors)
    rated = RatingForm(
        {"idempotency_key": str(uuid.uuid4()), "shown": str(thought.pk), f"t{thought.pk}": "3"},
        thoughts=[thought],
    )
    assert rated.is_valid() and rated.scores() == {thought.pk: 3}
