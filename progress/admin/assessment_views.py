"""A district team's round: each member rates on their own, then the team agrees and publishes."""

from collections import Counter, defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from progress.admin.assessment_forms import ConsensusForm, IndividualRatingForm
from progress.models import AssessmentRound, ConsensusRating, IndividualRating
from state.progress.models import Competency, Stage
from tenants.state import on_state_schema


def _round_for(request, pk, permission: str) -> AssessmentRound:
    if on_state_schema() or not request.user.has_perm(f"progress.{permission}"):
        raise PermissionDenied
    return get_object_or_404(AssessmentRound, pk=pk)


def framework_structure(round_: AssessmentRound):
    """The round's stages, and its competencies grouped by condition, in framework order."""
    version = round_.framework_version_object()
    stages = list(Stage.objects.filter(version=version))
    competencies = Competency.objects.filter(version=version).select_related("condition")
    conditions = defaultdict(list)
    for competency in competencies.prefetch_related("stage_descriptions"):
        conditions[competency.condition].append(competency)
    return version, stages, list(conditions.items())


def _freeze_unless(editable: bool, form) -> None:
    """A published round is shown, not offered for editing."""
    if not editable:
        for field in form.fields.values():
            field.disabled = True


def ratings_view(request, pk):
    """The signed-in member's own ratings for every competency of the round."""
    round_ = _round_for(request, pk, "add_individualrating")
    version, stages, conditions = framework_structure(round_)
    existing = {
        r.competency_slug: r
        for r in IndividualRating.objects.filter(round=round_, rater=request.user)
    }
    editable = not round_.is_published
    rows = []
    for condition, competencies in conditions:
        for competency in competencies:
            form = IndividualRatingForm(
                request.POST if request.method == "POST" and editable else None,
                request.FILES or None,
                instance=existing.get(competency.slug),
                prefix=competency.slug,
                stages=stages,
            )
            _freeze_unless(editable, form)
            rows.append((condition, competency, form))
    if request.method == "POST" and editable:
        if all(form.is_valid() for _, _, form in rows):
            with transaction.atomic():
                for _, competency, form in rows:
                    if form.instance.pk or form.has_content():
                        rating = form.save(commit=False)
                        rating.round, rating.rater = round_, request.user
                        rating.competency_slug = competency.slug
                        rating.save()
            messages.success(request, gettext("Your ratings are saved. Only your team sees them."))
            return redirect("progress_rounds:ratings", pk=round_.pk)
        messages.error(request, gettext("Some ratings could not be saved; see the notes below."))
    return TemplateResponse(
        request,
        "progress/round_ratings.html",
        {"round": round_, "version": version, "stages": stages, "rows": rows, "editable": editable},
    )


def consensus_view(request, pk):
    """Every member's ratings side by side, and the stage the team agrees for each."""
    round_ = _round_for(request, pk, "change_consensusrating")
    version, stages, conditions = framework_structure(round_)
    existing = {c.competency_slug: c for c in ConsensusRating.objects.filter(round=round_)}
    stage_names = {stage.slug: stage.name for stage in stages}
    ratings = defaultdict(list)
    for rating in IndividualRating.objects.filter(round=round_).select_related(
        "rater", "evidence_document"
    ):
        rating.stage_name = stage_names.get(rating.stage_slug, "not rated")
        ratings[rating.competency_slug].append(rating)
    editable = not round_.is_published
    rows = []
    for condition, competencies in conditions:
        for competency in competencies:
            form = ConsensusForm(
                request.POST if request.method == "POST" and editable else None,
                instance=existing.get(competency.slug),
                prefix=competency.slug,
                stages=stages,
            )
            _freeze_unless(editable, form)
            tally = Counter(r.stage_slug for r in ratings[competency.slug] if r.stage_slug)
            summary = [(stage_names[s.slug], tally[s.slug]) for s in stages if tally[s.slug]]
            rows.append((condition, competency, form, ratings[competency.slug], summary))
    if request.method == "POST" and editable:
        if all(row[2].is_valid() for row in rows):
            with transaction.atomic():
                for _, competency, form, _, _ in rows:
                    if form.cleaned_data.get("stage_slug"):
                        consensus = form.save(commit=False)
                        consensus.round, consensus.competency_slug = round_, competency.slug
                        consensus.save()
                    elif form.instance.pk:
                        form.instance.delete()
            messages.success(request, gettext("The consensus is saved."))
            return redirect("progress_rounds:consensus", pk=round_.pk)
        messages.error(request, gettext("The consensus could not be saved; see the notes below."))
    return TemplateResponse(
        request,
        "progress/round_consensus.html",
        {
            "round": round_,
            "version": version,
            "rows": rows,
            "stage_names": stage_names,
            "editable": editable,
        },
    )


def publish_view(request, pk):
    round_ = _round_for(request, pk, "change_consensusrating")
    consensus = ConsensusRating.objects.filter(round=round_)
    if request.method == "POST":
        try:
            with transaction.atomic():
                round_.publish()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                gettext(
                    "“%(round)s” is published: the state now sees the team's agreed stages "
                    "(and nothing else from this round)."
                )
                % {"round": round_},
            )
            return redirect(reverse("progress_rounds:index"))
    return TemplateResponse(
        request,
        "progress/round_publish.html",
        {"round": round_, "consensus_count": consensus.count()},
    )
