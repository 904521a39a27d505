"""Results of a prompt, overall and by region or voice, under the state's one disclosure rule
(progress/suppression.py).

Each breakdown of a question is a row of counts, one cell per group: how many people of each
group answered it, completed with zeros for the prompt's other groups. The rule hides the
whole row when any cell is under the minimum. Here the decision is made once per prompt and
breakdown: if any question's row would hide a group, no question shows any group, so a group
hidden in one question is never recovered from another (a total of 37 in one question and 36
in the next gives nothing away). The "Everyone" row of a question is a row of one cell.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from council.models import (
    Answer,
    ModerationStatus,
    Prompt,
    Question,
    QuestionKind,
    Response,
    Voice,
)
from progress.suppression import suppress_row
from state.models import StateSettings

BREAKDOWNS = {"region": _("Region"), "voice": _("Voice")}
NOT_GIVEN = _("Not given")
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


@dataclass(frozen=True)
class AnswerRow:
    """What the results read of one answer: the question, the answer, who gave it."""

    question_id: int
    choices: tuple[str, ...] = ()
    rating: int | None = None
    groups: dict[str, str] = field(default_factory=dict)  # breakdown → the person's group


@dataclass
class GroupResult:
    label: str
    respondents: int
    suppressed: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # choice questions
    mean: float | None = None  # ratings; for ranking, mean position per option in `positions`
    positions: dict[str, float] = field(default_factory=dict)

    def share(self, option: str) -> int:
        return round(100 * self.counts.get(option, 0) / self.respondents) if self.respondents else 0


@dataclass
class QuestionResult:
    question: Question
    overall: GroupResult
    groups: list[GroupResult]
    groups_hidden: bool = False  # the breakdown asked for is withheld for this prompt

    @property
    def options(self) -> list[str]:
        """The options as the reader's language names them, the keys of every group's counts."""
        if self.question.kind == QuestionKind.RANKING:
            return sorted(self.overall.positions, key=self.overall.positions.get)
        return [label for _option, label in self.question.choice_options()]


def is_disclosed(counts: dict[str, int], minimum: int) -> bool:
    """The state's rule, asked of one row of group counts: shown only if nothing is hidden."""
    row = suppress_row(counts, minimum)
    return not row.hidden() and row.total is not None


def breakdown_disclosed(
    questions: list[Question],
    rows: list[AnswerRow],
    groups: Iterable[str],
    breakdown: str,
    minimum: int,
) -> bool:
    """Whether every question's row of groups passes the rule; one answer for the prompt."""
    for question in questions:
        answered = Counter(row.groups[breakdown] for row in rows if row.question_id == question.pk)
        if not is_disclosed({group: answered[group] for group in groups}, minimum):
            return False
    return True


def _group(label: str, rows: list[AnswerRow], question: Question) -> GroupResult:
    result = GroupResult(label=label, respondents=len(rows))
    # Answers store the English option whatever language they were given in, so they count
    # together; each option is then named in the reader's language.
    labels = dict(question.choice_options())
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        counts = Counter(choice for row in rows for choice in row.choices)
        result.counts = {labels[option]: counts.get(option, 0) for option in question.choice_list}
    elif question.kind == QuestionKind.RATING:
        ratings = [row.rating for row in rows if row.rating]
        result.mean = round(sum(ratings) / len(ratings), 1) if ratings else None
    elif question.kind == QuestionKind.RANKING:
        totals: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            for position, option in enumerate(row.choices, start=1):
                totals[option].append(position)
        result.positions = {
            labels.get(option, option): round(sum(places) / len(places), 1)
            for option, places in totals.items()
        }
    return result


def _label(breakdown: str, value: str) -> str:
    if not value:
        return str(NOT_GIVEN)
    if breakdown == "voice":
        return Voice(value).label if value in Voice.values else value
    return value


def results_from_rows(
    questions: list[Question],
    rows: list[AnswerRow],
    groups: Iterable[str],
    breakdown: str | None,
    minimum: int,
) -> list[QuestionResult]:
    """Every question's results from its answers (no database): `groups` are the prompt's
    groups in `breakdown`, so a group that skipped a question counts as a zero there."""
    groups = sorted(set(groups))
    by_question: dict[int, list[AnswerRow]] = defaultdict(list)
    for row in rows:
        by_question[row.question_id].append(row)
    disclosed = breakdown in BREAKDOWNS and breakdown_disclosed(
        questions, rows, groups, breakdown, minimum
    )
    results = []
    for question in questions:
        answers = by_question[question.pk]
        overall = _group(str(_("Everyone")), answers, question)
        overall.suppressed = not is_disclosed({"everyone": len(answers)}, minimum)
        group_results = []
        if disclosed and not overall.suppressed:
            group_results = [
                _group(
                    _label(breakdown, group),
                    [row for row in answers if row.groups[breakdown] == group],
                    question,
                )
                for group in groups
            ]
        hidden = breakdown in BREAKDOWNS and not disclosed
        results.append(QuestionResult(question, overall, group_results, groups_hidden=hidden))
    return results


def question_results(prompt: Prompt, breakdown: str | None) -> list[QuestionResult]:
    minimum = StateSettings.load().minimum_cell_size
    questions = [q for q in prompt.questions.all() if q.kind not in TEXT_KINDS]
    counted = Response.objects.filter(prompt=prompt).exclude(moderation=ModerationStatus.HIDDEN)
    answers = Answer.objects.filter(question__in=questions, response__in=counted).values_list(
        "question_id", "choices", "rating", "response__region", "response__voice"
    )
    rows = [
        AnswerRow(question_id, tuple(choices), rating, {"region": region, "voice": voice})
        for question_id, choices, rating, region, voice in answers
    ]
    groups: list[str] = []
    if breakdown in BREAKDOWNS:
        groups = list(counted.values_list(breakdown, flat=True).distinct())
    return results_from_rows(questions, rows, groups, breakdown, minimum)
