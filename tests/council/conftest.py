"""Factories for the council's tests: convenings, prompts, members and staff on the state
site (host `localhost`)."""

import uuid
from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.utils import timezone

from council.models import (
    AgendaItem,
    Convening,
    ConveningFormat,
    MemberProfile,
    Prompt,
    PromptMode,
    PromptSubject,
    Question,
    QuestionKind,
    Voice,
)
from statewide.models import StateSettings

User = get_user_model()


def at(days: int, hour: int = 10) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def make_convening(
    slug="spring", days=30, capacity=50, noticed=True, agenda=True, **extra
) -> Convening:
    fields = {
        "title": f"Convening {slug}",
        "slug": slug,
        "format": ConveningFormat.HYBRID,
        "starts_at": at(days, 10),
        "ends_at": at(days, 15),
        "venue_name": "State Library",
        "join_url": "https://meet.example.org/council",
        "capacity": capacity,
    }
    fields.update(extra)
    convening = Convening.objects.create(**fields)
    if agenda:
        AgendaItem.objects.create(
            convening=convening, starts_at=time(10), title="Welcome", kind="information"
        )
    if noticed:
        Convening.objects.filter(pk=convening.pk).update(
            notice_published_at=timezone.now() - timedelta(days=1)
        )
        convening.refresh_from_db()
    return convening


def make_survey(slug="survey", **extra) -> Prompt:
    fields = {
        "title": "What do you think?",
        "slug": slug,
        "mode": PromptMode.QUESTIONS,
        "subject": PromptSubject.PORTRAIT,
        "is_published": True,
    }
    fields.update(extra)
    prompt = Prompt.objects.create(**fields)
    specs = [
        ("Clear?", QuestionKind.RATING, True, ""),
        ("Which one?", QuestionKind.SINGLE_CHOICE, True, "Alpha\nBeta\nGamma"),
        ("Where?", QuestionKind.MULTIPLE_CHOICE, False, "Class\nWork\nHome"),
        ("Order them", QuestionKind.RANKING, False, "Alpha\nBeta\nGamma"),
        ("Missing?", QuestionKind.SHORT_TEXT, False, ""),
        ("Anything else?", QuestionKind.LONG_TEXT, False, ""),
    ]
    for position, (text, kind, required, choices) in enumerate(specs):
        Question.objects.create(
            prompt=prompt,
            sort_order=position,
            text=text,
            kind=kind,
            required=required,
            choices=choices,
        )
    return prompt


def make_exchange(slug="exchange", **extra) -> Prompt:
    fields = {
        "title": "What do graduates need?",
        "slug": slug,
        "mode": PromptMode.EXCHANGE,
        "subject": PromptSubject.PORTRAIT,
        "exchange_question": "What do graduates need?",
        "rating_sample_size": 3,
        "is_published": True,
    }
    fields.update(extra)
    return Prompt.objects.create(**fields)


def survey_answers(prompt: Prompt, **overrides) -> dict:
    """A valid POST for make_survey's prompt."""
    questions = {q.text: q.pk for q in prompt.questions.all()}
    data = {
        "idempotency_key": str(uuid.uuid4()),
        f"q{questions['Clear?']}": "4",
        f"q{questions['Which one?']}": "Beta",
        f"q{questions['Where?']}": ["Class", "Work"],
        f"q{questions['Order them']}_0": "2",
        f"q{questions['Order them']}_1": "1",
        f"q{questions['Order them']}_2": "3",
        f"q{questions['Missing?']}": "More time outdoors",
        f"q{questions['Anything else?']}": "",
        "website": "",
    }
    data.update(overrides)
    return data


def make_member(email="member@example.org", region="North", voice=Voice.FAMILY) -> MemberProfile:
    user = User.objects.create_user(email, email, "a-long-member-password")
    return MemberProfile.objects.create(
        user=user, display_name="Morgan Member", region=region, voice=voice
    )


def make_staff(
    username="council-staff",
    perms=(
        "convening",
        "registration",
        "minutes",
        "prompt",
        "thought",
        "theme",
        "response",
        "outcome",
        "invitation",
    ),
):
    user = User.objects.create_user(username, f"{username}@example.org", "x")
    codenames = [f"{verb}_{model}" for model in perms for verb in ("add", "change", "view")]
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        *Permission.objects.filter(content_type__app_label="council", codename__in=codenames),
    )
    return user


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def state(db, host_client):
    # The state's settings row exists on a running portal; made on first use, it would
    # itself count as a change to what cached pages show.
    StateSettings.load()
    return host_client("localhost")


@pytest.fixture
def staff(db, host_client):
    client = host_client("localhost")
    client.force_login(make_staff())
    return client
