"""The demo council is seeded once, whatever the number of runs."""

from council.models import (
    Convening,
    MemberProfile,
    Outcome,
    Prompt,
    Registration,
    Response,
    Thought,
    ThoughtRating,
)
from demo.council import seed_council

MODELS = [Convening, MemberProfile, Outcome, Prompt, Registration, Response, Thought, ThoughtRating]


def test_seed_council_builds_every_part_and_a_rerun_changes_nothing(db):
    seed_council()
    counts = {model.__name__: model.objects.count() for model in MODELS}
    assert all(counts.values()), counts
    assert Convening.objects.noticed().upcoming().filter(registration_open=True).exists()
    assert set(Prompt.objects.values_list("mode", flat=True)) == {"questions", "exchange"}
    seed_council()
    assert {model.__name__: model.objects.count() for model in MODELS} == counts
