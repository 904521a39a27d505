"""Saving what people send: all of it in one transaction, or none of it."""

import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from council import emails
from council.idempotency import KeyReused
from council.languages import current_language
from council.models import (
    Answer,
    MemberProfile,
    Participation,
    Prompt,
    QuestionKind,
    Response,
    Thought,
)
from council.moderation import screen


@dataclass
class Participant:
    """Who is answering, as far as the prompt may know."""

    user_id: int | None = None
    name: str = ""
    email: str = ""
    region: str = ""
    voice: str = ""
    language: str = field(default_factory=current_language)

    @classmethod
    def from_form(cls, prompt: Prompt, data: dict, member: MemberProfile | None):
        if member is not None:
            return cls(
                user_id=member.user_id,
                name=member.display_name if prompt.identified else "",
                email=member.user.email if prompt.identified else "",
                region=member.region,
                voice=member.voice,
            )
        return cls(
            name=data.get("name", ""),
            email=data.get("email", ""),
            region=data.get("region", ""),
            voice=data.get("voice", ""),
        )

    def as_fields(self, prompt: Prompt) -> dict:
        # Anonymous prompts keep no link to the member who answered, only their groups.
        return {
            "user_id": self.user_id if prompt.identified else None,
            "name": self.name,
            "email": self.email,
            "region": self.region,
            "voice": self.voice,
            "language": self.language,
        }


def save_response(
    prompt: Prompt, participant: Participant, answers: list, idempotency_key: uuid.UUID
) -> tuple[Response, bool]:
    """Save a response and its answers; (response, created). A repeated key returns the
    response it saved the first time if sent with the same prompt, person and answers, and
    raises KeyReused otherwise."""
    try:
        with transaction.atomic():
            texts = " ".join(str(value) for q, value in answers if q.kind in _TEXT and value)
            moderation, flags = screen(texts)
            response = Response.objects.create(
                prompt=prompt,
                idempotency_key=idempotency_key,
                moderation=moderation,
                flags=flags,
                **participant.as_fields(prompt),
            )
            Answer.objects.bulk_create(
                [_answer(response, question, value) for question, value in answers if value]
            )
            if response.email:
                emails.queue_response_receipt(response)
            record_participation(participant, prompt)
            return response, True
    except IntegrityError:
        existing = Response.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        if _answered(existing) != _answered_now(prompt, participant, answers):
            raise KeyReused from None
        return existing, False


def _answered(response: Response) -> tuple:
    """What a saved response says and who sent it, comparable with `_answered_now`."""
    answers = {(a.question_id, a.text, tuple(a.choices), a.rating) for a in response.answers.all()}
    person = (response.user_id, response.name, response.email, response.region, response.voice)
    return response.prompt_id, person, answers


def _answered_now(prompt: Prompt, participant: Participant, answers: list) -> tuple:
    unsaved = [_answer(Response(), question, value) for question, value in answers if value]
    fields = participant.as_fields(prompt)
    person = tuple(fields[name] for name in ("user_id", "name", "email", "region", "voice"))
    answered = {(a.question_id, a.text, tuple(a.choices), a.rating) for a in unsaved}
    return prompt.pk, person, answered


_TEXT = {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT}


def _answer(response: Response, question, value) -> Answer:
    answer = Answer(response=response, question=question)
    if question.kind in _TEXT:
        answer.text = value
    elif question.kind == QuestionKind.RATING:
        answer.rating = value
    elif question.kind == QuestionKind.SINGLE_CHOICE:
        answer.choices = [value]
    else:
        answer.choices = list(value)
    return answer


def save_thought(
    prompt: Prompt,
    participant: Participant,
    participant_key: str,
    text: str,
    idempotency_key: uuid.UUID,
) -> tuple[Thought, bool]:
    """Save a thought; (thought, created). A repeated key returns the thought it saved if sent
    by the same participant with the same text to the same prompt, and raises KeyReused
    otherwise."""
    try:
        with transaction.atomic():
            moderation, flags = screen(text)
            thought = Thought.objects.create(
                prompt=prompt,
                text=text,
                participant_key=participant_key,
                idempotency_key=idempotency_key,
                moderation=moderation,
                flags=flags,
                **participant.as_fields(prompt),
            )
            record_participation(participant, prompt)
            return thought, True
    except IntegrityError:
        existing = Thought.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        sent = (prompt.pk, participant_key, text)
        if (existing.prompt_id, existing.participant_key, existing.text) != sent:
            raise KeyReused from None
        return existing, False


def record_participation(participant: Participant, prompt: Prompt) -> None:
    if participant.user_id is not None:
        Participation.objects.get_or_create(user_id=participant.user_id, prompt=prompt)
