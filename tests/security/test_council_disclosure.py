"""Council results under the state's one disclosure rule, attacked with every public output
together: each question's results for everyone, by region and by voice."""

import itertools
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from council.models import Question, QuestionKind
from council.results import AnswerRow, results_from_rows
from council.submissions import Participant, save_response
from state.models import StateSettings
from tests.factories.council import make_survey

REGIONS = ["North", "South", "East", ""]
VOICES = ["student", "family", ""]
BREAKDOWNS = ("region", "voice")
QUESTIONS = [
    Question(pk=1, kind=QuestionKind.SINGLE_CHOICE, choices="Alpha\nBeta", required=True),
    Question(pk=2, kind=QuestionKind.RATING, required=False),
    Question(pk=3, kind=QuestionKind.MULTIPLE_CHOICE, choices="Class\nWork\nHome"),
    Question(pk=4, kind=QuestionKind.RANKING, choices="Alpha\nBeta\nGamma", required=False),
]

# One respondent: their groups and their answer to each question (None: skipped).
respondent = st.fixed_dictionaries(
    {
        "region": st.sampled_from(REGIONS),
        "voice": st.sampled_from(VOICES),
        1: st.sampled_from([("Alpha",), ("Beta",)]),
        2: st.none() | st.integers(1, 5),
        3: st.none() | st.sampled_from([("Class",), ("Work",), ("Class", "Home")]),
        4: st.none() | st.permutations(["Alpha", "Beta", "Gamma"]).map(tuple),
    }
)


def rows_of(people: list[dict]) -> list[AnswerRow]:
    rows = []
    for person in people:
        groups = {"region": person["region"], "voice": person["voice"]}
        for question in QUESTIONS:
            answer = person[question.pk]
            if answer is None:
                continue
            if question.kind == QuestionKind.RATING:
                rows.append(AnswerRow(question.pk, (), answer, groups))
            else:
                rows.append(AnswerRow(question.pk, answer, None, groups))
    return rows


def published(people: list[dict], minimum: int) -> tuple:
    """Everything the public can read about the prompt, as one comparable value."""
    rows = rows_of(people)
    pages = []
    for breakdown in (None, *BREAKDOWNS):
        groups = {person[breakdown] for person in people} if breakdown else set()
        results = results_from_rows(QUESTIONS, rows, groups, breakdown, minimum)
        pages.append(tuple(_shown(result) for result in results))
    return tuple(pages)


def _shown(result) -> tuple:
    def figures(group):
        if group.suppressed:
            return (group.label, "hidden")
        counts = tuple(sorted(group.counts.items()))
        return (group.label, group.respondents, counts, group.mean, tuple(group.positions.items()))

    groups = tuple(figures(group) for group in result.groups)
    return figures(result.overall), groups, result.groups_hidden


def answered(people: list[dict], breakdown: str, group: str, question: int) -> int:
    return sum(1 for p in people if p[breakdown] == group and p[question] is not None)


def chose(people: list[dict], breakdown: str, group: str, question: int, option: str) -> int:
    return sum(1 for p in people if p[breakdown] == group and option in (p[question] or ()))


def group_figures(people: list[dict], breakdown: str, group: str) -> dict:
    """What a hidden group's rows would have shown: who answered, and each option's count
    (options nobody chose are left out: "nobody chose it" is public in the everyone row)."""
    figures = {}
    for question in QUESTIONS:
        figures[question.pk] = answered(people, breakdown, group, question.pk)
        for option in question.choice_list:
            if any(option in (p[question.pk] or ()) for p in people):
                figures[question.pk, option] = chose(people, breakdown, group, question.pk, option)
    return figures


SOME_ANSWER = {2: 3, 3: ("Work",), 4: ("Gamma", "Beta", "Alpha")}


def nearby_worlds(people: list[dict], breakdown: str, labels: list[str]):
    """Worlds the attacker can rule out only by published figures: one person's group told
    differently, two people's groups swapped, or one person's optional answer given or
    skipped."""
    for index, person in enumerate(people):
        changes = [{breakdown: label} for label in labels if label != person[breakdown]]
        changes += [
            {question: None if person[question] is not None else answer}
            for question, answer in SOME_ANSWER.items()
        ]
        for change in changes:
            yield [*people[:index], {**person, **change}, *people[index + 1 :]]
    for first, second in itertools.combinations(range(len(people)), 2):
        if people[first][breakdown] != people[second][breakdown]:
            world = list(people)
            world[first] = {**people[first], breakdown: people[second][breakdown]}
            world[second] = {**people[second], breakdown: people[first][breakdown]}
            yield world


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.lists(respondent, max_size=20), minimum=st.integers(2, 6))
def test_no_hidden_group_figure_is_recovered_from_all_outputs_together(people, minimum):
    seen = published(people, minimum)
    for page in seen[1:]:
        for _overall, groups, _hidden in page:
            for group in groups:  # every group figure shown is of enough people
                assert group[1] != "hidden" and group[1] >= minimum

    for position, breakdown in enumerate(BREAKDOWNS, start=1):
        if not any(hidden for _, _, hidden in seen[position]):
            continue
        labels = REGIONS if breakdown == "region" else VOICES
        alike = [
            world
            for world in nearby_worlds(people, breakdown, labels)
            if published(world, minimum) == seen
        ]
        for group in {person[breakdown] for person in people}:
            truths = group_figures(people, breakdown, group)
            elsewhere = [group_figures(world, breakdown, group) for world in alike]
            for figure, truth in truths.items():
                # The attacker sees the same pages in a world where the figure differs.
                assert any(world.get(figure, 0) != truth for world in elsewhere), (
                    breakdown,
                    group,
                    figure,
                    truth,
                )


def test_a_group_hidden_in_one_question_is_not_recovered_from_another(state):
    """37 answer the first question and 36 the second: the one who skipped is no clue."""
    settings_ = StateSettings.load()
    settings_.minimum_cell_size = 10
    settings_.save()
    prompt = make_survey()
    rating = prompt.questions.get(text="Clear?")
    which = prompt.questions.get(text="Which one?")
    which.required = False
    which.save()
    prompt.questions.exclude(pk__in=[rating.pk, which.pk]).delete()
    for n in range(37):
        region = "North" if n < 27 else "South"
        answers = [(rating, 1 + n % 5)] + ([(which, "Beta")] if n != 36 else [])
        save_response(prompt, Participant(region=region), answers, uuid.uuid4())

    page = state.get(f"/council/prompts/{prompt.slug}/results/?by=region")
    results = page.context["results"]
    assert [r.overall.respondents for r in results] == [37, 36]
    assert all(r.groups == [] for r in results)
    text = page.content.decode()
    assert "North" not in text and "South" not in text
    assert "Results by region are not shown for this prompt" in text


def test_groups_are_shown_only_when_every_question_passes_the_rule():
    people = [
        {"region": region, "voice": "", 1: ("Alpha",), 2: 4, 3: None, 4: None}
        for region in ["North"] * 3 + ["South"] * 3
    ]
    both = QUESTIONS[:2]
    single, rating = results_from_rows(both, rows_of(people), {"North", "South"}, "region", 3)
    assert [(g.label, g.respondents, g.counts) for g in single.groups] == [
        ("North", 3, {"Alpha": 3, "Beta": 0}),
        ("South", 3, {"Alpha": 3, "Beta": 0}),
    ]
    assert [(g.label, g.mean) for g in rating.groups] == [("North", 4.0), ("South", 4.0)]

    people[0][2] = None  # one person in the North skips the rating: 2 < 3 there
    results = results_from_rows(both, rows_of(people), {"North", "South"}, "region", 3)
    assert all(r.groups == [] and r.groups_hidden for r in results)
