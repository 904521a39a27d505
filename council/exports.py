"""CSV and XLSX exports of responses and registrations. Every export is logged."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify

from council.models import (
    Convening,
    ExportLog,
    Prompt,
    PromptMode,
    Registration,
    Response,
    Thought,
    Voice,
)
from spreadsheets import writing as spreadsheets

FORMATS = ("csv", "xlsx")


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[list]


def _voice(value: str) -> str | Promise:
    return Voice(value).label if value in Voice.values else value


def responses_table(prompts: Iterable[Prompt], name: str) -> Table:
    prompts = list(prompts)
    questions = [q for prompt in prompts for q in prompt.questions.all()]
    header = ["prompt", "response", "submitted", "name", "email", "region", "voice", "moderation"]
    header += ["language"]
    header += [question.text for question in questions]
    rows = []
    responses = (
        Response.objects.filter(prompt__in=prompts)
        .select_related("prompt")
        .prefetch_related("answers")
        .order_by("prompt_id", "submitted_at", "id")
    )
    for response in responses:
        by_question = {answer.question_id: answer for answer in response.answers.all()}
        row = [
            response.prompt.title,
            response.pk,
            timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M"),
            response.name,
            response.email,
            response.region,
            _voice(response.voice),
            response.get_moderation_display(),
            str(response.get_language_display()),
        ]
        for question in questions:
            answer = by_question.get(question.pk)
            row.append(_answer_text(answer) if answer else "")
        rows.append(row)
    exchange = any(prompt.mode == PromptMode.EXCHANGE for prompt in prompts)
    if exchange:
        header += ["thought", "average rating", "ratings", "theme"]
        rows = [row + ["", "", "", ""] for row in rows]
        thoughts = (
            Thought.objects.filter(prompt__in=prompts)
            .select_related("prompt", "theme")
            .order_by("prompt_id", "submitted_at", "id")
        )
        for thought in thoughts:
            average = thought.average_rating
            rows.append(
                [
                    thought.prompt.title,
                    f"thought {thought.pk}",
                    timezone.localtime(thought.submitted_at).strftime("%Y-%m-%d %H:%M"),
                    thought.name,
                    thought.email,
                    thought.region,
                    _voice(thought.voice),
                    thought.get_moderation_display(),
                    str(thought.get_language_display()),
                ]
                + [""] * len(questions)
                + [
                    thought.text,
                    round(average, 2) if average is not None else "",
                    thought.rating_count,
                    thought.theme.name if thought.theme else "",
                ]
            )
    return Table(name, header, rows)


def _answer_text(answer) -> object:
    if answer.text:
        return answer.text
    if answer.rating is not None:
        return answer.rating
    return "; ".join(answer.choices)


def registrations_table(convening: Convening) -> Table:
    header = [
        "name",
        "email",
        "status",
        "attending",
        "region",
        "voice",
        "accessibility or other needs",
        "registered",
        "checked in",
        "language",
    ]
    rows = []
    registrations = Registration.objects.filter(convening=convening).order_by("created_at", "id")
    for registration in registrations:
        rows.append(
            [
                registration.name,
                registration.email,
                registration.get_status_display(),
                registration.get_attendance_mode_display(),
                registration.region,
                _voice(registration.voice),
                registration.accommodation_request,
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(registration.checked_in_at).strftime("%Y-%m-%d %H:%M")
                if registration.checked_in_at
                else "",
                str(registration.get_language_display()),
            ]
        )
    return Table(f"registrations-{convening.slug}", header, rows)


def render(table: Table, file_format: str, user, what: str) -> StreamingHttpResponse:
    """The file as a download, logged once the server has handed all of it over.

    The whole file is built first, so an error stops the export before anything is sent or
    logged."""
    content = spreadsheets.export(
        spreadsheets.dataset(table.name, table.header, table.rows), file_format
    )

    def log_export():
        ExportLog.objects.create(
            user=user,
            username=user.get_username(),
            what=what,
            subject=table.name,
            file_format=file_format,
            row_count=len(table.rows),
        )

    response = StreamingHttpResponse(
        spreadsheets.delivered(content, log_export),
        content_type=spreadsheets.CONTENT_TYPES[file_format],
    )
    filename = f"{slugify(table.name)}-{timezone.localdate():%Y%m%d}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
