"""Demo council: convenings past and upcoming, prompts in each mode, answers, themes and a
"you said, we did". Safe to run again: everything is looked up by slug first."""

import uuid
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from council import exchange, lifecycle
from council.models import (
    AgendaItem,
    Convening,
    ConveningFormat,
    MemberProfile,
    Minutes,
    Outcome,
    OutcomeStatus,
    Prompt,
    PromptMode,
    PromptSubject,
    Question,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Theme,
    Thought,
    Voice,
    Vote,
)
from council.submissions import Participant, save_response, save_thought

DEMO_NAMESPACE = uuid.UUID("6f1c0c8e-2b7a-4c55-9a57-3f7d1f0b2c11")
REGIONS = ["Northern", "Central", "Coastal", "Southern"]
VOICES = [voice for voice, _ in Voice.choices]
MEMBER_EMAIL = "member@example.org"


def demo_key(*parts) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(str(part) for part in parts))


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


@transaction.atomic
def seed_council(password: str = "portrait-demo") -> None:
    member = _member(password)
    spring = _convening(
        "spring-listening-session",
        ("Spring listening session", "Sesión de escucha de primavera"),
        days=-45,
        summary=(
            "The council heard from students and employers on the draft portrait.",
            "El consejo escuchó a estudiantes y empleadores sobre el borrador del perfil.",
        ),
        fmt=ConveningFormat.HYBRID,
    )
    upcoming = _convening(
        "portrait-draft-review",
        ("Reviewing the statewide portrait draft", "Revisión del borrador del perfil estatal"),
        days=21,
        summary=(
            "Members and the public respond to the second draft of the statewide portrait of "
            "a learner, competency by competency.",
            "Los miembros y el público comentan el segundo borrador del perfil estatal del "
            "estudiante, competencia por competencia.",
        ),
        fmt=ConveningFormat.HYBRID,
    )
    _convening(
        "fall-regional-convening",
        ("Fall regional convening", "Reunión regional de otoño"),
        days=75,
        summary=(
            "A day in each region on how schools put the portrait into practice.",
            "Un día en cada región sobre cómo las escuelas llevan el perfil a la práctica.",
        ),
        fmt=ConveningFormat.IN_PERSON,
        notice=False,
    )
    _past_registrations(spring, member)
    _minutes(spring)
    survey = _survey(upcoming)
    _answers(survey)
    thoughts = _exchange()
    _theme_and_outcome(thoughts)


def _member(password: str) -> MemberProfile:
    user, created = get_user_model().objects.get_or_create(
        username=MEMBER_EMAIL, defaults={"email": MEMBER_EMAIL}
    )
    if created:
        user.set_password(password)
        user.save()
    profile, _ = MemberProfile.objects.get_or_create(
        user=user,
        defaults={"display_name": "Morgan Reyes", "region": "Coastal", "voice": Voice.FAMILY},
    )
    return profile


def _convening(slug, title, days, summary, fmt, notice=True) -> Convening:
    """`title` and `summary` are (English, Spanish) pairs."""
    convening = Convening.objects.filter(slug=slug).first()
    if convening is not None:
        return convening
    convening = Convening.objects.create(
        slug=slug,
        title=title[0],
        title_es=title[1],
        summary=summary[0],
        summary_es=summary[1],
        format=fmt,
        starts_at=_at(days, 10),
        ends_at=_at(days, 15),
        venue_name="" if fmt == ConveningFormat.ONLINE else "State Library, Community Room",
        venue_address="" if fmt == ConveningFormat.ONLINE else "200 Capitol Avenue",
        join_url="" if fmt == ConveningFormat.IN_PERSON else "https://meet.example.org/council",
        accessibility_services="Live captions and ASL interpretation. Step-free entrance and "
        "a quiet room.",
        accessibility_services_es="Subtítulos en vivo e interpretación en lengua de señas "
        "americana (ASL). Entrada sin escalones y una sala tranquila.",
        capacity=60,
    )
    agenda = [
        (time(10), "Welcome and introductions", "Bienvenida y presentaciones", "information", 20),
        (
            time(10, 20),
            "What we heard since the last convening",
            "Lo que escuchamos desde la última reunión",
            "information",
            40,
        ),
        (time(11), "Public comment", "Comentarios del público", "public_comment", 30),
        (
            time(11, 30),
            "Recommendation on the portrait draft",
            "Recomendación sobre el borrador del perfil",
            "action",
            45,
        ),
    ]
    for position, (starts, item_title, item_title_es, kind, minutes) in enumerate(agenda):
        AgendaItem.objects.create(
            convening=convening,
            sort_order=position,
            starts_at=starts,
            title=item_title,
            title_es=item_title_es,
            kind=kind,
            duration_minutes=minutes,
        )
    if notice:
        # Demo convenings in the past were noticed in good time, before they happened.
        noticed_at = min(timezone.now(), convening.starts_at - timedelta(days=14))
        Convening.objects.filter(pk=convening.pk).update(notice_published_at=noticed_at)
        convening.refresh_from_db()
    return convening


def _past_registrations(convening: Convening, member: MemberProfile) -> None:
    people = [(member.display_name, MEMBER_EMAIL, member.user_id)] + [
        (f"Participant {n}", f"participant{n}@example.org", None) for n in range(1, 12)
    ]
    for number, (name, email, user_id) in enumerate(people):
        Registration.objects.get_or_create(
            idempotency_key=demo_key("registration", convening.slug, email),
            defaults={
                "convening": convening,
                "user_id": user_id,
                "name": name,
                "email": email,
                "region": REGIONS[number % 4],
                "voice": VOICES[number % 6],
                "attendance_mode": ConveningFormat.IN_PERSON,
                "status": RegistrationStatus.REGISTERED,
                "checked_in_at": convening.starts_at + timedelta(minutes=number),
            },
        )


def _minutes(convening: Convening) -> None:
    if Minutes.objects.filter(convening=convening).exists():
        return
    minutes = Minutes.objects.create(
        convening=convening,
        body="<p>The council reviewed what students and employers said about the draft and "
        "recommended that the agency add a competency on financial well-being.</p>",
    )
    Vote.objects.create(
        minutes=minutes,
        motion="Recommend a financial well-being competency in the next draft",
        in_favour=10,
        against=1,
        abstaining=1,
        carried=True,
    )
    admin = get_user_model().objects.filter(is_superuser=True).first()
    lifecycle.approve_minutes(minutes, admin)


def _survey(convening: Convening) -> Prompt:
    prompt = Prompt.objects.filter(slug="portrait-draft-survey").first()
    if prompt is not None:
        return prompt
    prompt = Prompt.objects.create(
        slug="portrait-draft-survey",
        title="What do you think of the portrait draft?",
        title_es="¿Qué opina del borrador del perfil?",
        introduction="Five short questions before the convening. They take about four minutes.",
        introduction_es="Cinco preguntas breves antes de la reunión. Responderlas toma unos "
        "cuatro minutos.",
        mode=PromptMode.QUESTIONS,
        subject=PromptSubject.CONVENING,
        convening=convening,
        is_published=True,
    )
    competencies = (
        "Critical thinker\nEffective communicator\nCollaborative contributor",
        "Pensador crítico\nComunicador eficaz\nColaborador en equipo",
    )
    questions = [
        (
            ("How clear is the draft overall?", "¿Qué tan claro es el borrador en general?"),
            QuestionKind.RATING,
            True,
            ("", ""),
        ),
        (
            ("Which competency matters most to you?", "¿Qué competencia le importa más?"),
            QuestionKind.SINGLE_CHOICE,
            True,
            competencies,
        ),
        (
            (
                "Where should graduates practice these competencies?",
                "¿Dónde deberían practicar estas competencias los graduados?",
            ),
            QuestionKind.MULTIPLE_CHOICE,
            False,
            (
                "In class\nIn work-based learning\nIn the community\nOnline",
                "En clase\nEn el aprendizaje en el trabajo\nEn la comunidad\nEn línea",
            ),
        ),
        (
            (
                "Put these competencies in order of importance",
                "Ordene estas competencias según su importancia",
            ),
            QuestionKind.RANKING,
            False,
            competencies,
        ),
        (
            ("In a few words, what is missing?", "En pocas palabras, ¿qué falta?"),
            QuestionKind.SHORT_TEXT,
            False,
            ("", ""),
        ),
        (
            (
                "Anything else you would like the agency to know?",
                "¿Hay algo más que quiera que la agencia sepa?",
            ),
            QuestionKind.LONG_TEXT,
            False,
            ("", ""),
        ),
    ]
    for position, (text, kind, required, choices) in enumerate(questions):
        Question.objects.create(
            prompt=prompt,
            sort_order=position,
            text=text[0],
            text_es=text[1],
            kind=kind,
            required=required,
            choices=choices[0],
            choices_es=choices[1],
        )
    return prompt


def _answers(prompt: Prompt) -> None:
    questions = list(prompt.questions.all())
    for n in range(36):
        answers = []
        for question in questions:
            options = question.choice_list
            value = {
                QuestionKind.RATING: 2 + n % 4,
                QuestionKind.SINGLE_CHOICE: options[n % len(options)] if options else "",
                QuestionKind.MULTIPLE_CHOICE: options[: 1 + n % 3] if options else [],
                QuestionKind.RANKING: options[n % 3 :] + options[: n % 3] if options else [],
                QuestionKind.SHORT_TEXT: "More about money and work" if n % 5 == 0 else "",
                QuestionKind.LONG_TEXT: "",
            }[question.kind]
            answers.append((question, value))
        # Every fourth answer came in Spanish; results count them with the English ones.
        language = "es" if n % 4 == 0 else "en"
        participant = Participant(region=REGIONS[n % 3], voice=VOICES[n % 3], language=language)
        save_response(prompt, participant, answers, demo_key("response", prompt.slug, n))


def _exchange() -> list[Thought]:
    prompt = Prompt.objects.filter(slug="graduates-need").first()
    if prompt is None:
        prompt = Prompt.objects.create(
            slug="graduates-need",
            title="What does a graduate need that school does not yet give?",
            title_es="¿Qué necesita un graduado que la escuela todavía no le da?",
            introduction="Share one idea, then rate a few of other people's.",
            introduction_es="Comparta una idea y luego califique algunas de otras personas.",
            mode=PromptMode.EXCHANGE,
            subject=PromptSubject.PORTRAIT,
            exchange_question="What does a graduate need that school does not yet give?",
            exchange_question_es="¿Qué necesita un graduado que la escuela todavía no le da?",
            is_published=True,
        )
    ideas = [
        "Handling money: budgets, loans and taxes.",
        "Time in real workplaces before graduating.",
        "Practice disagreeing respectfully with people who see things differently.",
        "Knowing how to look after their mental health.",
        "Confidence to speak up in a meeting of adults.",
        "Skills to judge whether a source online can be trusted.",
    ]
    thoughts = []
    for n, text in enumerate(ideas):
        thought, _ = save_thought(
            prompt,
            Participant(region=REGIONS[n % 4], voice=VOICES[n % 6]),
            f"demo:{n}",
            text,
            demo_key("thought", n),
        )
        thoughts.append(thought)
    for rater in range(12):
        key = f"demo-rater:{rater}"
        scores = {thought.pk: 1 + (rater + n * 2) % 5 for n, thought in enumerate(thoughts)}
        exchange.save_ratings(prompt, key, scores)
    return thoughts


def _theme_and_outcome(thoughts: list[Thought]) -> None:
    prompt = thoughts[0].prompt
    theme, _ = Theme.objects.get_or_create(
        prompt=prompt,
        name="Ready for adult life",
        defaults={"description": "Money, work and looking after oneself."},
    )
    Thought.objects.filter(pk__in=[thoughts[0].pk, thoughts[1].pk, thoughts[3].pk]).update(
        theme=theme
    )
    Outcome.objects.get_or_create(
        theme=theme,
        defaults={
            "you_said": "Graduates need to be ready for adult life: managing money, knowing the "
            "world of work and looking after their own well-being.",
            "we_did": "The second draft of the statewide portrait adds a competency on "
            "well-being and financial readiness, now open for comment.",
            "status": OutcomeStatus.IN_PROGRESS,
            "is_published": True,
        },
    )
