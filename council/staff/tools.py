"""Staff tools beyond editing records: the overview, a convening's desk, the check-in desk,
the moderation queue, grouping thoughts into themes, approving minutes and exports."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from council import exchange, exports, lifecycle, moderation
from council import registration as seats
from council.models import (
    THOUGHT_MAX_LENGTH,
    Convening,
    Minutes,
    Prompt,
    PromptMode,
    Registration,
    RegistrationStatus,
    Theme,
    Thought,
)
from council.staff.guards import state_staff_required
from state.models import StateSettings


@state_staff_required("council.view_convening")
def overview(request):
    return TemplateResponse(
        request,
        "council/staff/overview.html",
        {
            "notices_due": lifecycle.notices_due(),
            "minutes_overdue": lifecycle.minutes_overdue(),
            "held": moderation.queue().count(),
            "upcoming": Convening.objects.upcoming()[:10],
        },
    )


@state_staff_required("council.view_convening")
def convening_desk(request, pk):
    convening = get_object_or_404(Convening, pk=pk)
    registrations = convening.registrations.order_by("status", "created_at", "id")
    lead = StateSettings.load().notice_lead_working_days
    return TemplateResponse(
        request,
        "council/staff/convening_desk.html",
        {
            "convening": convening,
            "registrations": registrations,
            "seated": registrations.filter(status=RegistrationStatus.REGISTERED).count(),
            "waiting": registrations.filter(status=RegistrationStatus.WAITLISTED).count(),
            "present": registrations.filter(checked_in_at__isnull=False).count(),
            "notice_deadline": convening.notice_deadline(lead),
            "lead": lead,
            "minutes": Minutes.objects.filter(convening=convening).first(),
            "prompts": convening.prompts.all(),
        },
    )


@require_POST
@state_staff_required("council.change_convening")
def publish_notice(request, pk):
    convening = get_object_or_404(Convening, pk=pk)
    try:
        lifecycle.publish_notice(convening)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The notice for “%(convening)s” is published.") % {"convening": convening}
        )
    return redirect("council_admin:convening_desk", convening.pk)


@require_POST
@state_staff_required("council.change_registration")
def cancel_registration(request, pk):
    registration = get_object_or_404(Registration, pk=pk)
    seats.cancel(registration.pk)
    messages.success(request, f"{registration.name}'s registration is cancelled.")
    return redirect("council_admin:convening_desk", registration.convening_id)


class CheckInForm(forms.Form):
    code = forms.CharField(
        max_length=8, label=_("Check-in code"), help_text=_("Eight letters and digits.")
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper().replace(" ", "")
        registration = (
            Registration.objects.select_related("convening").filter(check_in_code=code).first()
        )
        if registration is None:
            raise ValidationError(_("No registration has this code. Check it and try again."))
        if registration.status != RegistrationStatus.REGISTERED:
            raise ValidationError(
                f"{registration.name} is {registration.get_status_display().lower()}, "
                "not registered: they have no seat."
            )
        self.registration = registration
        return code


@state_staff_required("council.change_registration")
def check_in(request):
    """Type a code, or scan a QR code, whose link opens this page with the code filled in."""
    data = request.POST if request.method == "POST" else None
    if data is None and request.GET.get("code"):
        form = CheckInForm(request.GET)
        found = form.registration if form.is_valid() else None
        form = CheckInForm(initial={"code": request.GET["code"]})
        return TemplateResponse(
            request, "council/staff/check_in.html", {"form": form, "found": found}
        )
    form = CheckInForm(data)
    if data is not None and form.is_valid():
        registration = form.registration
        if seats.check_in(registration):
            messages.success(
                request, f"{registration.name} is checked in to {registration.convening}."
            )
        else:
            messages.warning(request, f"{registration.name} was already checked in.")
        return redirect("council_admin:check_in")
    return TemplateResponse(request, "council/staff/check_in.html", {"form": form, "found": None})


@require_POST
@state_staff_required("council.change_minutes")
def approve_minutes(request, pk):
    minutes = get_object_or_404(Minutes.objects.select_related("convening"), pk=pk)
    try:
        lifecycle.approve_minutes(minutes, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The minutes of “%(convening)s” are approved.") % {"convening": minutes.convening},
        )
    return redirect("council_admin:convening_desk", minutes.convening_id)


@state_staff_required("council.change_thought")
def moderation_queue(request):
    thoughts = list(moderation.queue()[:200])
    for thought in thoughts:
        thought.redaction = moderation.redacted(thought.text)
    context = {"thoughts": thoughts, "max_length": THOUGHT_MAX_LENGTH}
    return TemplateResponse(request, "council/staff/moderation.html", context)


@require_POST
@state_staff_required("council.change_thought")
def moderate(request, pk, action):
    thought = get_object_or_404(Thought, pk=pk)
    if action == "hide":
        moderation.hide(thought)
        messages.success(request, _("The thought is hidden."))
    elif action == "restore":
        moderation.restore(thought)
        messages.success(request, _("The thought is shown again."))
    elif action == "redact":
        try:
            moderation.redact_and_publish(thought, request.POST.get("text", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The thought is published without its personal data."))
    else:
        raise Http404
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "council_admin:moderation"  # never off the site, whatever the form says
    return redirect(back or "council_admin:moderation")


class ThemeForm(forms.Form):
    thoughts = forms.ModelMultipleChoiceField(
        queryset=Thought.objects.none(), widget=forms.CheckboxSelectMultiple, label=_("Thoughts")
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.none(), required=False, label=_("Add them to a theme")
    )
    new_theme = forms.CharField(max_length=120, required=False, label=_("Or name a new theme"))

    def __init__(self, *args, prompt: Prompt, **kwargs):
        super().__init__(*args, **kwargs)
        self.prompt = prompt
        self.fields["thoughts"].queryset = prompt.thoughts.all()
        self.fields["theme"].queryset = prompt.themes.all()

    def clean(self):
        data = super().clean()
        if bool(data.get("theme")) == bool(data.get("new_theme")):
            raise ValidationError(_("Choose a theme or name a new one (not both)."))
        name = data.get("new_theme")
        if name and self.prompt.themes.filter(name__iexact=name).exists():
            raise ValidationError("A theme of that name exists: choose it from the list.")
        return data


@state_staff_required("council.change_theme")
def prompt_desk(request, pk):
    prompt = get_object_or_404(Prompt, pk=pk)
    form = ThemeForm(request.POST or None, prompt=prompt)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            theme = form.cleaned_data["theme"] or Theme.objects.create(
                prompt=prompt, name=form.cleaned_data["new_theme"]
            )
            count = prompt.thoughts.filter(pk__in=form.cleaned_data["thoughts"]).update(theme=theme)
        messages.success(request, f"{count} thoughts are in the theme “{theme}”.")
        return redirect("council_admin:prompt_desk", prompt.pk)
    ranked = exchange.ranked(prompt) if prompt.mode == PromptMode.EXCHANGE else []
    return TemplateResponse(
        request,
        "council/staff/prompt_desk.html",
        {
            "prompt": prompt,
            "form": form,
            "ranked": ranked,
            "responses": prompt.responses.count(),
            "themes": prompt.themes.all(),
        },
    )


def _format(file_format: str) -> str:
    if file_format not in exports.FORMATS:
        raise Http404
    return file_format


@state_staff_required("council.view_response")
def export_prompt(request, pk, file_format):
    prompt = get_object_or_404(Prompt, pk=pk)
    table = exports.responses_table([prompt], f"responses-{prompt.slug}")
    return exports.render(table, _format(file_format), request.user, "responses")


@state_staff_required("council.view_response")
def export_convening_feedback(request, pk, file_format):
    convening = get_object_or_404(Convening, pk=pk)
    table = exports.responses_table(convening.prompts.all(), f"feedback-{convening.slug}")
    return exports.render(table, _format(file_format), request.user, "feedback")


@state_staff_required("council.view_registration")
def export_registrations(request, pk, file_format):
    convening = get_object_or_404(Convening, pk=pk)
    table = exports.registrations_table(convening)
    return exports.render(table, _format(file_format), request.user, "registrations")


def desk_url(convening: Convening) -> str:
    return reverse("council_admin:convening_desk", args=[convening.pk])


urlpatterns = [
    path("", overview, name="overview"),
    path("convenings/<int:pk>/", convening_desk, name="convening_desk"),
    path("convenings/<int:pk>/notice/", publish_notice, name="publish_notice"),
    path(
        "convenings/<int:pk>/registrations.<str:file_format>",
        export_registrations,
        name="export_registrations",
    ),
    path(
        "convenings/<int:pk>/feedback.<str:file_format>",
        export_convening_feedback,
        name="export_convening_feedback",
    ),
    path("registrations/<int:pk>/cancel/", cancel_registration, name="cancel_registration"),
    path("check-in/", check_in, name="check_in"),
    path("minutes/<int:pk>/approve/", approve_minutes, name="approve_minutes"),
    path("moderation/", moderation_queue, name="moderation"),
    path("moderation/<int:pk>/<str:action>/", moderate, name="moderate"),
    path("prompts/<int:pk>/", prompt_desk, name="prompt_desk"),
    path("prompts/<int:pk>/responses.<str:file_format>", export_prompt, name="export_prompt"),
]
