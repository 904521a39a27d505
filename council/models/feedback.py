"""Feedback: prompts and their questions, responses, the exchange of thoughts, moderation,
themes, and what the agency did about them ("you said, we did")."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from council.languages import (
    SPANISH,
    EnglishWithSpanishCharField,
    EnglishWithSpanishTextField,
    TranslatedModelMixin,
    current_language,
    language_field,
)
from council.links import council_path
from council.panels import title_and_slug_panels
from state.models import StateCompetency

THOUGHT_MAX_LENGTH = 280


class PromptMode(models.TextChoices):
    QUESTIONS = "questions", _("Questions")
    EXCHANGE = "exchange", _("Exchange of thoughts")


class PromptSubject(models.TextChoices):
    CONVENING = "convening", _("A convening")
    PORTRAIT = "portrait", _("The statewide portrait draft")
    COMPETENCY = "competency", _("One competency of the draft")


class PromptQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open_now(self):
        now = timezone.now()
        return self.published().filter(
            models.Q(opens_at__isnull=True) | models.Q(opens_at__lte=now),
            models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now),
        )


class Prompt(TranslatedModelMixin, ClusterableModel):
    title = EnglishWithSpanishCharField(max_length=200, verbose_name=_("title"))
    title_es = models.CharField(_("title in Spanish"), max_length=200, blank=True)
    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("slug"))
    introduction = EnglishWithSpanishTextField(blank=True, verbose_name=_("introduction"))
    introduction_es = models.TextField(_("introduction in Spanish"), blank=True)
    mode = models.CharField(max_length=12, choices=PromptMode.choices, verbose_name=_("mode"))
    subject = models.CharField(
        max_length=12, choices=PromptSubject.choices, verbose_name=_("subject")
    )
    convening = models.ForeignKey(
        "council.Convening",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prompts",
        verbose_name=_("convening"),
    )
    competency_slug = models.SlugField(
        max_length=80,
        blank=True,
        help_text=_("The state competency this prompt asks about."),
        verbose_name=_("competency"),
    )
    identified = models.BooleanField(
        default=False,
        help_text=_(
            "Ask for a name and email (members are identified by their account). "
            "Otherwise answers are anonymous."
        ),
        verbose_name=_("identified"),
    )
    members_only = models.BooleanField(
        default=False,
        help_text=_("Only signed-in council members may answer."),
        verbose_name=_("members only"),
    )
    exchange_question = EnglishWithSpanishCharField(
        max_length=300,
        blank=True,
        help_text=_("Exchange mode: what participants answer."),
        verbose_name=_("exchange question"),
    )
    exchange_question_es = models.CharField(
        _("exchange question in Spanish"), max_length=300, blank=True
    )
    rating_sample_size = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Exchange mode: how many others' thoughts each participant rates."),
        verbose_name=_("rating sample size"),
    )
    opens_at = models.DateTimeField(null=True, blank=True, verbose_name=_("opens at"))
    closes_at = models.DateTimeField(null=True, blank=True, verbose_name=_("closes at"))
    is_published = models.BooleanField(default=False, verbose_name=_("published"))
    results_public = models.BooleanField(default=True, verbose_name=_("results public"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    objects = PromptQuerySet.as_manager()

    panels = [
        *title_and_slug_panels(),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("title_es"),
                FieldPanel("introduction_es"),
                FieldPanel("exchange_question_es"),
            ],
            heading=_("In Spanish"),
        ),
        MultiFieldPanel(
            [FieldPanel("subject"), FieldPanel("convening"), FieldPanel("competency_slug")],
            heading=_("What it asks about"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldPanel("identified"),
                FieldPanel("members_only"),
                FieldPanel("exchange_question"),
                FieldPanel("rating_sample_size"),
            ],
            heading=_("How people answer"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("is_published"),
        FieldPanel("results_public"),
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        errors = {}
        if self.subject == PromptSubject.CONVENING and not self.convening_id:
            errors["convening"] = _("Choose the convening this prompt belongs to.")
        if (
            self.subject == PromptSubject.COMPETENCY
            and not StateCompetency.objects.filter(slug=self.competency_slug).exists()
        ):
            errors["competency_slug"] = _("Give the slug of one of the state's competencies.")
        if self.mode == PromptMode.EXCHANGE and not self.exchange_question:
            errors["exchange_question"] = _("An exchange needs the question participants answer.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("A prompt must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return council_path("prompt", self.slug)

    @cached_property
    def question_list(self) -> list["Question"]:
        """The questions in order, read once (and cached with the prompt, council.cached)."""
        return list(self.questions.all())

    @property
    def is_open(self) -> bool:
        now = timezone.now()
        return (
            self.is_published
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or self.closes_at > now)
        )

    @property
    def about(self) -> str:
        if self.subject == PromptSubject.CONVENING and self.convening_id:
            return str(self.convening)
        if self.subject == PromptSubject.COMPETENCY:
            competency = StateCompetency.objects.filter(slug=self.competency_slug).first()
            return competency.name if competency else self.competency_slug
        return str(_("The statewide portrait draft"))


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    RATING = "rating", _("Rating (1 to 5)")
    RANKING = "ranking", _("Ranking")


CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING}


class Question(TranslatedModelMixin, Orderable):
    prompt = ParentalKey(
        Prompt, on_delete=models.CASCADE, related_name="questions", verbose_name=_("prompt")
    )
    text = EnglishWithSpanishCharField(max_length=300, verbose_name=_("text"))
    text_es = models.CharField(_("text in Spanish"), max_length=300, blank=True)
    help_text = EnglishWithSpanishCharField(max_length=300, blank=True, verbose_name=_("help text"))
    help_text_es = models.CharField(_("help text in Spanish"), max_length=300, blank=True)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices, verbose_name=_("kind"))
    required = models.BooleanField(default=True, verbose_name=_("required"))
    choices = models.TextField(
        blank=True,
        help_text=_("Choice and ranking questions: one option per line."),
        verbose_name=_("choices"),
    )
    choices_es = models.TextField(
        _("choices in Spanish"),
        blank=True,
        help_text=_(
            "The same options in Spanish, one per line and in the same order. Answers in "
            "either language count together."
        ),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("text_es"),
        FieldPanel("help_text"),
        FieldPanel("help_text_es"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("choices"),
        FieldPanel("choices_es"),
    ]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        if self.kind in CHOICE_KINDS and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Give at least two options, one per line.")})
        spanish = _lines(self.choices_es)
        if spanish and len(spanish) != len(self.choice_list):
            raise ValidationError(
                {"choices_es": _("Give one Spanish option for each option, in the same order.")}
            )

    @property
    def choice_list(self) -> list[str]:
        """The options in English: what answers store, in either language."""
        return _lines(self.choices)

    def choice_options(self) -> list[tuple[str, str]]:
        """(stored option, label in the active language) for each option."""
        labels = _lines(self.choices_es) if current_language() == SPANISH else []
        if len(labels) != len(self.choice_list):
            labels = self.choice_list
        return list(zip(self.choice_list, labels, strict=True))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ModerationStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    HELD = "held", _("Held for review")
    HIDDEN = "hidden", _("Hidden")


class Response(models.Model):
    """One person's answers to a prompt in question mode."""

    prompt = models.ForeignKey(
        Prompt, on_delete=models.CASCADE, related_name="responses", verbose_name=_("prompt")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("user"),
    )
    name = models.CharField(max_length=120, blank=True, verbose_name=_("name"))
    email = models.EmailField(blank=True, verbose_name=_("email"))
    region = models.CharField(max_length=100, blank=True, verbose_name=_("region"))
    voice = models.CharField(max_length=20, blank=True, verbose_name=_("voice"))
    idempotency_key = models.UUIDField(unique=True, verbose_name=_("idempotency key"))
    moderation = models.CharField(
        max_length=10,
        choices=ModerationStatus.choices,
        default=ModerationStatus.VISIBLE,
        verbose_name=_("moderation"),
    )
    flags = models.CharField(
        max_length=200, blank=True, help_text=_("Personal data found."), verbose_name=_("flags")
    )
    language = language_field()
    submitted_at = models.DateTimeField(default=timezone.now, verbose_name=_("submitted at"))

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["prompt", "submitted_at"])]

    def __str__(self) -> str:
        return _("Response %(number)s to %(prompt)s") % {"number": self.pk, "prompt": self.prompt}


class Answer(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    text = models.TextField(blank=True, verbose_name=_("text"))
    choices = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    rating = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        verbose_name=_("rating"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return _("Answer to %(question)s") % {"question": self.question}


class Theme(models.Model):
    """A name staff give to a group of thoughts or answers."""

    prompt = models.ForeignKey(
        Prompt, on_delete=models.CASCADE, related_name="themes", verbose_name=_("prompt")
    )
    name = models.CharField(max_length=120, verbose_name=_("name"))
    description = models.TextField(blank=True, verbose_name=_("description"))

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["prompt", "name"], name="one_theme_name_per_prompt")
        ]

    def __str__(self) -> str:
        return self.name


class Thought(models.Model):
    """A short contribution to an exchange, rated by other participants."""

    prompt = models.ForeignKey(
        Prompt, on_delete=models.CASCADE, related_name="thoughts", verbose_name=_("prompt")
    )
    text = models.CharField(max_length=THOUGHT_MAX_LENGTH, verbose_name=_("text"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("user"),
    )
    participant_key = models.CharField(
        max_length=64,
        help_text=_("Who wrote it, pseudonymously."),
        verbose_name=_("participant key"),
    )
    name = models.CharField(max_length=120, blank=True, verbose_name=_("name"))
    email = models.EmailField(blank=True, verbose_name=_("email"))
    region = models.CharField(max_length=100, blank=True, verbose_name=_("region"))
    voice = models.CharField(max_length=20, blank=True, verbose_name=_("voice"))
    idempotency_key = models.UUIDField(unique=True, verbose_name=_("idempotency key"))
    moderation = models.CharField(
        max_length=10,
        choices=ModerationStatus.choices,
        default=ModerationStatus.VISIBLE,
        verbose_name=_("moderation"),
    )
    flags = models.CharField(
        max_length=200, blank=True, help_text=_("Personal data found."), verbose_name=_("flags")
    )
    language = language_field()
    theme = models.ForeignKey(
        Theme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="thoughts",
        verbose_name=_("theme"),
    )
    rating_count = models.PositiveIntegerField(default=0, verbose_name=_("rating count"))
    rating_total = models.PositiveIntegerField(default=0, verbose_name=_("rating total"))
    submitted_at = models.DateTimeField(default=timezone.now, verbose_name=_("submitted at"))

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["prompt", "moderation", "rating_count"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def average_rating(self) -> float | None:
        return self.rating_total / self.rating_count if self.rating_count else None


class ThoughtRating(models.Model):
    thought = models.ForeignKey(
        Thought, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("thought")
    )
    participant_key = models.CharField(max_length=64, verbose_name=_("participant key"))
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)], verbose_name=_("score")
    )
    rated_at = models.DateTimeField(default=timezone.now, verbose_name=_("rated at"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["thought", "participant_key"], name="one_rating_per_participant"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="rating_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return _("%(score)s for thought %(number)s") % {
            "score": self.score,
            "number": self.thought_id,
        }


class Report(models.Model):
    """Someone asked staff to look at a thought shown publicly."""

    thought = models.ForeignKey(
        Thought, on_delete=models.CASCADE, related_name="reports", verbose_name=_("thought")
    )
    reason = models.CharField(max_length=300, blank=True, verbose_name=_("reason"))
    reported_at = models.DateTimeField(default=timezone.now, verbose_name=_("reported at"))
    resolved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("resolved at"))

    class Meta:
        ordering = ["-reported_at"]

    def __str__(self) -> str:
        return _("Report on thought %(number)s") % {"number": self.thought_id}


class OutcomeStatus(models.TextChoices):
    UNDER_REVIEW = "under_review", _("Under review")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_TAKEN_UP = "not_taken_up", _("Not taken up")


class OutcomeQuerySet(models.QuerySet):
    def published_to(self, member):
        """Published outcomes; those of members-only prompts for members only."""
        published = self.filter(is_published=True)
        return (
            published if member is not None else published.exclude(theme__prompt__members_only=True)
        )


class Outcome(models.Model):
    """“You said, we did”: what the agency did with a theme."""

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="outcomes", verbose_name=_("theme")
    )
    you_said = models.TextField(
        help_text=_("What participants told the agency, in brief."), verbose_name=_("you said")
    )
    we_did = models.TextField(
        help_text=_("What the agency did or decided, and why."), verbose_name=_("we did")
    )
    status = models.CharField(
        max_length=20, choices=OutcomeStatus.choices, verbose_name=_("status")
    )
    is_published = models.BooleanField(default=False, verbose_name=_("published"))
    published_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("published at")
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    objects = OutcomeQuerySet.as_manager()

    panels = [
        FieldPanel("theme"),
        FieldPanel("you_said"),
        FieldPanel("we_did"),
        FieldPanel("status"),
        FieldPanel("is_published"),
    ]

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"{self.theme}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)


class Participation(models.Model):
    """That a member took part in a prompt, kept apart from what they said, so members can
    follow what became of it even when their answers are anonymous."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_participations",
        verbose_name=_("user"),
    )
    prompt = models.ForeignKey(
        Prompt, on_delete=models.CASCADE, related_name="participations", verbose_name=_("prompt")
    )
    first_at = models.DateTimeField(default=timezone.now, verbose_name=_("first took part"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "prompt"], name="one_participation_per_prompt")
        ]

    def __str__(self) -> str:
        return _("%(user)s in %(prompt)s") % {"user": self.user, "prompt": self.prompt}
