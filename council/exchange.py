"""The exchange: participants share short thoughts, then rate a sample of others' thoughts."""

import re
import uuid

from django.db import IntegrityError, transaction
from django.db.models import F, FloatField, Value
from django.db.models.functions import Cast, Coalesce, NullIf

from council.models import ModerationStatus, Prompt, Thought, ThoughtRating

PARTICIPANT_COOKIE = "council_participant"
PARTICIPANT_SALT = "council.participant"
ID = re.compile(r"[0-9]{1,18}")  # ASCII digits that fit a bigint primary key


def participant_key(request) -> str:
    """Who is taking part, without an account: the member's id, or a signed random cookie."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    key = request.get_signed_cookie(PARTICIPANT_COOKIE, default=None, salt=PARTICIPANT_SALT)
    if not key:
        key = getattr(request, "_council_new_participant", None) or uuid.uuid4().hex
        request._council_new_participant = key
    return f"anon:{key}"


def remember_participant(request, response):
    """Set the participant cookie on the response if this request made a new one."""
    new = getattr(request, "_council_new_participant", None)
    if new:
        response.set_signed_cookie(
            PARTICIPANT_COOKIE,
            new,
            salt=PARTICIPANT_SALT,
            max_age=180 * 24 * 3600,
            httponly=True,
            samesite="Lax",
        )
    return response


def rateable(prompt: Prompt, key: str):
    """Visible thoughts by others that this participant has not rated yet: the only ones a
    rating form may show or record."""
    return (
        prompt.thoughts.filter(moderation=ModerationStatus.VISIBLE)
        .exclude(participant_key=key)
        .exclude(ratings__participant_key=key)
    )


def sample_to_rate(prompt: Prompt, key: str) -> list[Thought]:
    """A sample of rateable thoughts, least-rated first so every thought gets its share of
    ratings."""
    return list(rateable(prompt, key).order_by("rating_count", "?")[: prompt.rating_sample_size])


def thoughts_sent_back(prompt: Prompt, key: str, shown: str) -> list[Thought]:
    """The thoughts a posted rating form names ("12,15,9"), in its order, keeping only visible
    ones by others: the ids come from the visitor, so a held or hidden thought's text is never
    echoed back. Ones already rated stay, so a form sent twice is still valid (save_ratings
    skips them). No more ids are read than a sample holds, and none out of range."""
    shown_ids = [int(pk) for pk in shown.split(",") if ID.fullmatch(pk)]
    shown_ids = shown_ids[: prompt.rating_sample_size]
    visible = prompt.thoughts.filter(moderation=ModerationStatus.VISIBLE, pk__in=shown_ids)
    thoughts = list(visible.exclude(participant_key=key))
    thoughts.sort(key=lambda thought: shown_ids.index(thought.pk))
    return thoughts


def save_ratings(prompt: Prompt, key: str, scores: dict[int, int]) -> int:
    """Record one participant's scores (thought id to 1..5); thoughts already rated by them,
    their own, and hidden ones are ignored. Returns how many were recorded."""
    with transaction.atomic():
        allowed = set(rateable(prompt, key).filter(pk__in=scores).values_list("pk", flat=True))
        recorded = 0
        for thought_id in sorted(allowed):  # a fixed order: concurrent raters cannot deadlock
            score = scores[thought_id]
            try:
                with transaction.atomic():
                    ThoughtRating.objects.create(
                        thought_id=thought_id, participant_key=key, score=score
                    )
            except IntegrityError:
                continue  # the same form, sent twice at once
            Thought.objects.filter(pk=thought_id).update(
                rating_count=F("rating_count") + 1, rating_total=F("rating_total") + score
            )
            recorded += 1
        return recorded


def ranked(prompt: Prompt):
    """Thoughts best-rated first, for staff and for the results page."""
    average = Coalesce(
        Cast(F("rating_total"), FloatField()) / NullIf(F("rating_count"), Value(0)),
        Value(0.0),
    )
    return (
        prompt.thoughts.annotate(average=average)
        .select_related("theme")
        .order_by("-average", "-rating_count", "submitted_at")
    )
