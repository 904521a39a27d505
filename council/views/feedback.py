"""Public pages of feedback: prompts in each mode, results, reports and "you said, we did"."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from caching.generations import generational_key
from caching.page_cache import never_page_cached
from council import exchange, moderation
from council.cached import published_prompt
from council.forms import PromptForm, RatingForm, ReportForm, ThoughtForm
from council.idempotency import KeyReused
from council.languages import current_language
from council.models import (
    ModerationStatus,
    Outcome,
    Prompt,
    PromptMode,
    Thought,
)
from council.results import BREAKDOWNS, question_results
from council.submissions import Participant, save_response, save_thought
from council.views.common import member_for, over_rate_limit, too_many
from state.models import StateSettings


def prompt_list(request):
    prompts = Prompt.objects.open_now().select_related("convening").order_by("closes_at")
    closed = (
        Prompt.objects.published().filter(results_public=True).exclude(pk__in=prompts.values("pk"))
    )
    if member_for(request) is None:
        closed = closed.exclude(members_only=True)  # their results are for members
    return render(request, "council/prompt_list.html", {"prompts": prompts, "closed": closed[:20]})


def _published(slug: str) -> Prompt:
    prompt = published_prompt(slug)
    if prompt is None:
        raise Http404
    return prompt


def members_only_refusal(request, prompt: Prompt):
    """The page refusing a members-only prompt to anyone but a member, or None: every route
    of a prompt (answer, rate, report, results) asks it."""
    if prompt.members_only and member_for(request) is None:
        return render(request, "council/prompt_members_only.html", {"prompt": prompt}, status=403)
    return None


@never_page_cached
def prompt_detail(request, slug):
    prompt = _published(slug)
    member = member_for(request)
    if not prompt.is_open:
        return render(request, "council/prompt_closed.html", {"prompt": prompt}, status=410)
    if refusal := members_only_refusal(request, prompt):
        return refusal
    if prompt.mode == PromptMode.EXCHANGE:
        return _share_thought(request, prompt, member)
    return _answer_questions(request, prompt, member)


def fields_cache_key(prompt: Prompt, member) -> str:
    """The blank form's fields are the same for every visitor of one kind in one language:
    render them once, until the prompt or the state's generation (a district's region, too)
    changes."""
    visitor = "member" if member else "public"
    stamp = prompt.updated_at.timestamp()
    return generational_key(f"{prompt.pk}:{stamp}:{visitor}:{current_language()}")


def _answer_questions(request, prompt: Prompt, member):
    def save(form):
        participant = Participant.from_form(prompt, form.cleaned_data, member)
        save_response(prompt, participant, form.answers(), form.cleaned_data["idempotency_key"])
        return redirect("council:prompt_thanks", prompt.slug)

    return _public_form(request, prompt, member, PromptForm, "council/prompt.html", "answer", save)


def _share_thought(request, prompt: Prompt, member):
    def save(form):
        participant = Participant.from_form(prompt, form.cleaned_data, member)
        thought, _ = save_thought(
            prompt,
            participant,
            exchange.participant_key(request),
            form.cleaned_data["text"],
            form.cleaned_data["idempotency_key"],
        )
        if thought.moderation == ModerationStatus.HELD:
            messages.info(request, moderation.held_message(thought))
        response = redirect("council:prompt_rate", prompt.slug)
        return exchange.remember_participant(request, response)

    template = "council/prompt_exchange.html"
    return _public_form(request, prompt, member, ThoughtForm, template, "share", save)


def _public_form(request, prompt: Prompt, member, form_class, template, limit, save):
    """A public prompt form: spam is thanked and dropped, a flood is slowed, and a valid
    form is handed to `save`, which answers with where to go next."""
    form = form_class(request.POST or None, prompt=prompt, member=member)
    context = {
        "prompt": prompt,
        "form": form,
        "member": member,
        "fields_cache_key": fields_cache_key(prompt, member),
    }
    if request.method == "POST":
        if form.is_spam:
            return redirect("council:prompt_thanks", prompt.slug)
        if over_rate_limit(request, limit):
            return too_many(request, template, context)
        if form.is_valid():
            try:
                return save(form)
            except KeyReused:
                form.refuse_reused_key()
    return render(request, template, context, status=400 if form.errors else 200)


@never_page_cached
def prompt_rate(request, slug):
    prompt = _published(slug)
    if prompt.mode != PromptMode.EXCHANGE:
        raise Http404
    if not prompt.is_open:
        return render(request, "council/prompt_closed.html", {"prompt": prompt}, status=410)
    if refusal := members_only_refusal(request, prompt):
        return refusal
    template = "council/prompt_rate.html"
    key = exchange.participant_key(request)
    if request.method == "POST":
        thoughts = exchange.thoughts_sent_back(prompt, key, request.POST.get("shown", ""))
    else:
        thoughts = exchange.sample_to_rate(prompt, key)
    form = RatingForm(request.POST or None, thoughts=thoughts)
    context = {"prompt": prompt, "form": form}
    if request.method == "POST":
        if form.is_spam or "skip" in request.POST:
            return redirect("council:prompt_thanks", prompt.slug)
        if over_rate_limit(request, "rate"):
            return too_many(request, template, context)
        if form.is_valid():
            exchange.save_ratings(prompt, key, form.scores())
            return exchange.remember_participant(
                request, redirect(reverse("council:prompt_rate", args=[prompt.slug]) + "?more=1")
            )
    response = render(request, template, context, status=400 if form.errors else 200)
    return exchange.remember_participant(request, response)


def prompt_thanks(request, slug):
    prompt = _published(slug)
    return render(request, "council/prompt_thanks.html", {"prompt": prompt})


def prompt_results(request, slug):
    prompt = get_object_or_404(Prompt.objects.published().filter(results_public=True), slug=slug)
    if refusal := members_only_refusal(request, prompt):
        return refusal
    breakdown = request.GET.get("by", "")
    if breakdown not in BREAKDOWNS:
        breakdown = ""
    top_thoughts = []
    if prompt.mode == PromptMode.EXCHANGE:
        top_thoughts = list(
            exchange.ranked(prompt).filter(moderation=ModerationStatus.VISIBLE, rating_count__gt=0)[
                :10
            ]
        )
    results = question_results(prompt, breakdown or None)
    return render(
        request,
        "council/prompt_results.html",
        {
            "prompt": prompt,
            "results": results,
            "groups_hidden": any(result.groups_hidden for result in results),
            "breakdown": breakdown,
            "breakdown_label": BREAKDOWNS.get(breakdown, ""),
            "breakdowns": BREAKDOWNS,
            "top_thoughts": top_thoughts,
            "themes": prompt.themes.all(),
            "minimum": StateSettings.load().minimum_cell_size,
            "outcomes": Outcome.objects.filter(theme__prompt=prompt, is_published=True),
        },
    )


@never_page_cached
def report_thought(request, pk):
    thought = get_object_or_404(
        Thought.objects.select_related("prompt"),
        pk=pk,
        moderation=ModerationStatus.VISIBLE,
        prompt__is_published=True,
    )
    if refusal := members_only_refusal(request, thought.prompt):
        return refusal
    template = "council/report_form.html"
    form = ReportForm(request.POST or None)
    context = {"thought": thought, "form": form}
    if request.method == "POST":
        if form.is_spam:
            return redirect("council:prompt", thought.prompt.slug)
        if over_rate_limit(request, "report"):
            return too_many(request, template, context)
        if form.is_valid():
            moderation.report(thought, form.cleaned_data["reason"])
            return render(request, "council/report_thanks.html", {"thought": thought})
    return render(request, template, context, status=400 if form.errors else 200)


def outcome_list(request):
    outcomes = (
        Outcome.objects.published_to(member_for(request))
        .select_related("theme__prompt")
        .order_by("-published_at")
    )
    return render(request, "council/outcome_list.html", {"outcomes": outcomes})
