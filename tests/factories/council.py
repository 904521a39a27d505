"""The council's convenings, prompts, members and staff, for tests on the state site."""

import uuid
from datetime import datetime, time, timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone
from factory.django import DjangoModelFactory

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

COUNCIL_STAFF_MODELS = (
    "convening",
    "registration",
    "minutes",
    "prompt",
    "thought",
    "theme",
    "response",
    "outcome",
    "invitation",
)

SURVEY_QUESTIONS = [
    ("Clear?", QuestionKind.RATING, True, ""),
    ("Which one?", QuestionKind.SINGLE_CHOICE, True, "Alpha\nBeta\nGamma"),
    ("Where?", QuestionKind.MULTIPLE_CHOICE, False, "Class\nWork\nHome"),
    ("Order them", QuestionKind.RANKING, False, "Alpha\nBeta\nGamma"),
    ("Missing?", QuestionKind.SHORT_TEXT, False, ""),
    ("Anything else?", QuestionKind.LONG_TEXT, False, ""),
]


def at(days: int, hour: int = 10) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


class ConveningFactory(DjangoModelFactory):
    """A hybrid convening `days` from today, with a welcome on its agenda and its notice out."""

    class Meta:
        model = Convening
        skip_postgeneration_save = True

    class Params:
        days = 30

    slug = factory.Sequence(lambda number: f"convening-{number}")
    title = factory.LazyAttribute(lambda convening: f"Convening {convening.slug}")
    format = ConveningFormat.HYBRID
    starts_at = factory.LazyAttribute(lambda convening: at(convening.days, 10))
    ends_at = factory.LazyAttribute(lambda convening: at(convening.days, 15))
    venue_name = "State Library"
    join_url = "https://meet.example.org/council"
    capacity = 50

    @factory.post_generation
    def agenda(convening, create, extracted, **kwargs):
        if create and extracted is not False:
            AgendaItem.objects.create(
                convening=convening, starts_at=time(10), title="Welcome", kind="information"
            )

    @factory.post_generation
    def noticed(convening, create, extracted, **kwargs):
        # Written past the model's save(), as a notice published yesterday would be.
        if create and extracted is not False:
            Convening.objects.filter(pk=convening.pk).update(
                notice_published_at=timezone.now() - timedelta(days=1)
            )
            convening.refresh_from_db()


class PromptFactory(DjangoModelFactory):
    class Meta:
        model = Prompt
        skip_postgeneration_save = True

    title = "What do you think?"
    slug = factory.Sequence(lambda number: f"prompt-{number}")
    mode = PromptMode.QUESTIONS
    subject = PromptSubject.PORTRAIT
    is_published = True


class SurveyFactory(PromptFactory):
    """A published prompt with one question of every kind (SURVEY_QUESTIONS)."""

    @factory.post_generation
    def questions(prompt, create, extracted, **kwargs):
        if not create:
            return
        for position, (text, kind, required, choices) in enumerate(SURVEY_QUESTIONS):
            Question.objects.create(
                prompt=prompt,
                sort_order=position,
                text=text,
                kind=kind,
                required=required,
                choices=choices,
            )


class ExchangeFactory(PromptFactory):
    """A published prompt where members write thoughts and rate a sample of others'."""

    title = "What do graduates need?"
    mode = PromptMode.EXCHANGE
    exchange_question = "What do graduates need?"
    rating_sample_size = 3


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda number: f"user-{number}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-member-password")


class MemberProfileFactory(DjangoModelFactory):
    class Meta:
        model = MemberProfile

    user = factory.SubFactory(UserFactory)
    display_name = "Morgan Member"
    region = "North"
    voice = Voice.FAMILY


class CouncilStaffFactory(UserFactory):
    """A state admin user who may add, change and view the given council models."""

    username = "council-staff"
    password = factory.django.Password("x")

    @factory.post_generation
    def council_models(user, create, extracted, **kwargs):
        if not create:
            return
        codenames = [
            f"{verb}_{model}"
            for model in (COUNCIL_STAFF_MODELS if extracted is None else extracted)
            for verb in ("add", "change", "view")
        ]
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            *Permission.objects.filter(content_type__app_label="council", codename__in=codenames),
        )


def make_convening(
    slug="spring", days=30, capacity=50, noticed=True, agenda=True, **extra
) -> Convening:
    return ConveningFactory(
        slug=slug, days=days, capacity=capacity, noticed=noticed, agenda=agenda, **extra
    )


def make_survey(slug="survey", **extra) -> Prompt:
    return SurveyFactory(slug=slug, **extra)


def make_exchange(slug="exchange", **extra) -> Prompt:
    return ExchangeFactory(slug=slug, **extra)


def make_member(email="member@example.org", region="North", voice=Voice.FAMILY) -> MemberProfile:
    return MemberProfileFactory(user__username=email, user__email=email, region=region, voice=voice)


def make_staff(username="council-staff", perms=COUNCIL_STAFF_MODELS):
    return CouncilStaffFactory(username=username, council_models=perms)


def survey_answers(prompt: Prompt, **overrides) -> dict:
    """A valid POST for a SurveyFactory prompt."""
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
