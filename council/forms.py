"""The council's public forms. Each carries an idempotency key and a honeypot; the key is
unique in the table it lands in, so a double click saves once."""

import uuid

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from caching.generations import remember
from council.idempotency import KEY_REUSED_MESSAGE
from council.models import (
    THOUGHT_MAX_LENGTH,
    Convening,
    ConveningFormat,
    Prompt,
    Question,
    QuestionKind,
    Thought,
    Voice,
)
from tenants.models import District

RATING_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


REGIONS_CACHE_KEY = "council:regions"


def region_choices() -> list[tuple[str, str]]:
    """Districts' regions, kept until a district changes: every public form offers them."""
    regions = remember(REGIONS_CACHE_KEY, lambda: District.objects.active().regions())
    return [(region, region) for region in regions]


class PublicForm(forms.Form):
    """Hidden idempotency key and a honeypot field people never see."""

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def refuse_reused_key(self) -> None:
        """Say the one-time key was spent on other data, and give the form a fresh one."""
        self.add_error(None, KEY_REUSED_MESSAGE)
        self.data = self.data.copy()
        self.data["idempotency_key"] = str(uuid.uuid4())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]


def _optional_about_you(form: forms.Form, required: bool = False) -> None:
    regions = region_choices()
    if regions:
        form.fields["region"] = forms.ChoiceField(
            choices=[("", _("Choose a region"))] + regions,
            required=required,
            label=_("Your region") if required else _("Your region (optional)"),
        )
    else:
        form.fields["region"] = forms.CharField(
            max_length=100, required=required, label=_("Your region")
        )
    form.fields["voice"] = forms.ChoiceField(
        choices=[("", _("Choose one"))] + Voice.choices,
        required=required,
        label=_("You take part as") if required else _("You take part as (optional)"),
        help_text=_("Used only to show results by group, never to identify you."),
    )


class IdentityMixin:
    """Identified prompts ask people without an account for a name and email."""

    def add_identity_fields(self, prompt: Prompt, member) -> None:
        if prompt.identified and member is None:
            self.fields["name"] = forms.CharField(max_length=120, label=_("Your name"))
            self.fields["email"] = forms.EmailField(
                label=_("Your email"), help_text=_("We send you a copy and nothing else.")
            )
        if member is None:
            _optional_about_you(self)


class RegistrationForm(PublicForm):
    name = forms.CharField(max_length=120, label=_("Your name"))
    email = forms.EmailField(label=_("Your email"), help_text=_("Your confirmation goes here."))
    attendance_mode = forms.ChoiceField(
        label=_("How will you attend?"), widget=forms.RadioSelect, choices=()
    )
    accommodation_request = forms.CharField(
        required=False,
        max_length=1000,
        label=_("Accessibility or other needs (optional)"),
        help_text=_("For example an interpreter, captions, large print or a dietary need."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, convening: Convening, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        in_person = (ConveningFormat.IN_PERSON, _("In person"))
        online = (ConveningFormat.ONLINE, _("Online"))
        modes = {
            ConveningFormat.IN_PERSON: [in_person],
            ConveningFormat.ONLINE: [online],
        }.get(convening.format, [in_person, online])
        self.fields["attendance_mode"].choices = modes
        if len(modes) == 1:
            self.initial.setdefault("attendance_mode", modes[0][0])
        if member is None:
            _optional_about_you(self)
        else:
            self.initial.setdefault("name", member.display_name)
            self.initial.setdefault("email", member.user.email)


def question_label(question: Question) -> str:
    if question.required:
        return question.text
    return _("%(question)s (optional)") % {"question": question.text}


def _question_field(question: Question) -> forms.Field:
    common = {
        "label": question_label(question),
        "required": question.required,
        "help_text": question.help_text,
    }
    # The stored value is the English option, so answers in either language count together.
    options = question.choice_options()
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return forms.CharField(max_length=300, **common)
    if kind == QuestionKind.LONG_TEXT:
        return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **common)
    if kind == QuestionKind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.RATING:
        common["help_text"] = question.help_text or _("1 is the lowest, 5 the highest.")
        return forms.TypedChoiceField(
            choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect, **common
        )
    raise ValueError(kind)


class RankingField(forms.MultiValueField):
    """One position per option; works as plain selects without JavaScript."""

    def __init__(self, question: Question, **kwargs):
        self.options = question.choice_list
        self.option_labels = [label for _value, label in question.choice_options()]
        positions = [("", _("Choose a place"))] + [
            (str(n), f"{n}") for n in range(1, len(self.options) + 1)
        ]
        fields = [forms.ChoiceField(choices=positions, required=False) for _option in self.options]
        widget = RankingWidget(self.options, positions, labels=self.option_labels)
        super().__init__(fields=fields, widget=widget, require_all_fields=False, **kwargs)

    def compress(self, values):
        if not values or not any(values):
            return []
        if not all(values):
            raise forms.ValidationError(_("Give every option a place, or leave them all empty."))
        if len(set(values)) != len(values):
            raise forms.ValidationError(_("Give each option a different place."))
        by_place = sorted(zip((int(v) for v in values), self.options, strict=True))
        return [option for _, option in by_place]


class RankingWidget(forms.MultiWidget):
    template_name = "council/widgets/ranking.html"
    use_fieldset = True

    def __init__(self, options: list[str], positions, labels: list[str] | None = None):
        self.options = options
        self.labels = labels or options
        super().__init__([forms.Select(choices=positions) for _option in options])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.labels, strict=True):
            subwidget["option_label"] = label
        return context

    def decompress(self, value):
        if not value:
            return [None] * len(self.options)
        return [str(value.index(option) + 1) for option in self.options]


class PromptForm(IdentityMixin, PublicForm):
    """The prompt's questions, one field each, named by question id."""

    def __init__(self, *args, prompt: Prompt, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.prompt = prompt
        self.questions = prompt.question_list
        for question in self.questions:
            if question.kind == QuestionKind.RANKING:
                self.fields[f"q{question.pk}"] = RankingField(
                    question,
                    label=question_label(question),
                    required=question.required,
                    help_text=question.help_text or _("1 is the most important."),
                )
            else:
                self.fields[f"q{question.pk}"] = _question_field(question)
        self.add_identity_fields(prompt, member)

    def answers(self) -> list[tuple[Question, object]]:
        return [(q, self.cleaned_data.get(f"q{q.pk}")) for q in self.questions]


class ThoughtForm(IdentityMixin, PublicForm):
    text = forms.CharField(
        max_length=THOUGHT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=format_lazy(
            _(
                "Up to {length} characters. Please leave out names, emails and phone numbers: "
                "others will read it."
            ),
            length=THOUGHT_MAX_LENGTH,
        ),
    )

    def __init__(self, *args, prompt: Prompt, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = prompt.exchange_question
        self.add_identity_fields(prompt, member)


class RatingForm(PublicForm):
    """A one-to-five score for each thought in the participant's sample."""

    def __init__(self, *args, thoughts: list[Thought], **kwargs):
        super().__init__(*args, **kwargs)
        self.thoughts = thoughts
        for number, thought in enumerate(thoughts, start=1):
            self.fields[f"t{thought.pk}"] = forms.TypedChoiceField(
                choices=RATING_CHOICES,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                label=_("Thought %(number)s: “%(text)s”")
                % {"number": number, "text": thought.text},
                help_text=_("1 means you disagree strongly, 5 that you agree strongly."),
            )
            self.fields[f"t{thought.pk}"].thought = thought
        self.fields["shown"] = forms.CharField(
            widget=forms.HiddenInput, initial=",".join(str(t.pk) for t in thoughts)
        )

    def clean(self):
        data = super().clean()
        if not self.scores():
            raise forms.ValidationError(_("Rate at least one thought, or skip this step."))
        return data

    def scores(self) -> dict[int, int]:
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("t") and value
        }


class ReportForm(PublicForm):
    reason = forms.CharField(
        max_length=300,
        required=False,
        label=_("What is wrong with it? (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AcceptInvitationForm(forms.Form):
    display_name = forms.CharField(max_length=120, label=_("Your name as others see it"))
    region = forms.CharField(max_length=100)
    voice = forms.ChoiceField(
        choices=Voice.choices, label=_("You take part as"), widget=forms.RadioSelect
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("The password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        regions = region_choices()
        if regions:
            self.fields["region"] = forms.ChoiceField(
                choices=[("", _("Choose a region"))] + regions, label=_("Your region")
            )

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError(_("The two passwords differ; type the same one twice."))
        if second:
            user = get_user_model()(username=self.email, email=self.email)
            password_validation.validate_password(second, user)
        return second

    def clean(self):
        data = super().clean()
        if get_user_model().objects.filter(username__iexact=self.email).exists():
            raise forms.ValidationError(
                _("An account with this email already exists. Sign in instead.")
            )
        return data


class ProfileForm(forms.Form):
    display_name = forms.CharField(max_length=120, label=_("Your name as others see it"))
    region = forms.CharField(max_length=100, label=_("Your region"))
    voice = forms.ChoiceField(
        choices=Voice.choices, label=_("You take part as"), widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = region_choices()
        if regions:
            self.fields["region"] = forms.ChoiceField(
                choices=[("", _("Choose a region"))] + regions, label=_("Your region")
            )


class SignInForm(AuthenticationForm):
    """Django's sign-in form without autofocus: focus starts at the top of the page, where
    the skip link and the navigation are, as on every other page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)
