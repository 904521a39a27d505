"""Results of a prompt, overall and by region or voice, with small groups suppressed.

A group with fewer respondents than the state's minimum is not shown. If only one group would
be hidden, the next smallest is hidden too, so it cannot be worked out from the total.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from council.models import (
    Answer,
    ModerationStatus,
    Prompt,
    Question,
    QuestionKind,
    Voice,
)
from statewide.models import StateSettings

BREAKDOWNS = {"region": "Region", "voice": "Voice"}
NOT_GIVEN = "Not given"


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

    @property
    def options(self) -> list[str]:
        if self.question.kind == QuestionKind.RANKING:
            return sorted(self.overall.positions, key=self.overall.positions.get)
        return self.question.choice_list


def suppress(groups: list[GroupResult], minimum: int) -> list[GroupResult]:
    small = [group for group in groups if group.respondents < minimum]
    for group in small:
        group.suppressed = True
    if len(small) == 1:
        shown = sorted((g for g in groups if not g.suppressed), key=lambda g: g.respondents)
        if shown:
            shown[0].suppressed = True
    return groups


def _group(label: str, rows: list[dict], question: Question) -> GroupResult:
    result = GroupResult(label=label, respondents=len(rows))
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        counts = Counter(choice for row in rows for choice in row["choices"])
        result.counts = {option: counts.get(option, 0) for option in question.choice_list}
    elif question.kind == QuestionKind.RATING:
        ratings = [row["rating"] for row in rows if row["rating"]]
        result.mean = round(sum(ratings) / len(ratings), 1) if ratings else None
    elif question.kind == QuestionKind.RANKING:
        totals: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            for position, option in enumerate(row["choices"], start=1):
                totals[option].append(position)
        result.positions = {
            option: round(sum(places) / len(places), 1) for option, places in totals.items()
        }
    return result


def _label(breakdown: str, value: str) -> str:
    if not value:
        return NOT_GIVEN
    if breakdown == "voice":
        return Voice(value).label if value in Voice.values else value
    return value


def question_results(prompt: Prompt, breakdown: str | None) -> list[QuestionResult]:
    minimum = StateSettings.load().minimum_cell_size
    questions = [
        q
        for q in prompt.questions.all()
        if q.kind not in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
    ]
    rows_by_question: dict[int, list[dict]] = defaultdict(list)
    answers = (
        Answer.objects.filter(question__in=questions)
        .exclude(response__moderation=ModerationStatus.HIDDEN)
        .values("question_id", "choices", "rating", "response__region", "response__voice")
    )
    for row in answers:
        rows_by_question[row["question_id"]].append(row)
    results = []
    for question in questions:
        rows = rows_by_question[question.pk]
        overall = _group("Everyone", rows, question)
        overall.suppressed = overall.respondents < minimum
        groups: list[GroupResult] = []
        if breakdown in BREAKDOWNS and not overall.suppressed:
            by_value: dict[str, list[dict]] = defaultdict(list)
            for row in rows:
                by_value[row[f"response__{breakdown}"]].append(row)
            groups = [
                _group(_label(breakdown, value), group_rows, question)
                for value, group_rows in sorted(by_value.items())
            ]
            suppress(groups, minimum)
        results.append(QuestionResult(question, overall, groups))
    return results
