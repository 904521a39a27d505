"""Forms for a round: one member's own ratings, and the team's consensus."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.widgets import AdminDocumentChooser

from progress.models import AssessmentRound, ConsensusRating, IndividualRating
from state.progress.models import Framework


class AssessmentRoundForm(WagtailAdminModelForm):
    framework = forms.ChoiceField(help_text=_("Rounds keep the framework version they start on."))

    class Meta:
        model = AssessmentRound
        fields = ["name", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["framework"]
        else:
            self.fields["framework"].choices = [
                (f.slug, f.name)
                for f in Framework.objects.filter(versions__isnull=False).distinct()
            ]
            self.order_fields(["name", "framework", "notes"])

    def save(self, commit=True):
        if not self.instance.pk:
            framework = Framework.objects.get(slug=self.cleaned_data["framework"])
            self.instance.framework_slug = framework.slug
            self.instance.framework_version = framework.current_version.number
        return super().save(commit)


def stage_choices(stages, blank_label: str):
    return [("", blank_label)] + [(stage.slug, stage.name) for stage in stages]


class IndividualRatingForm(forms.ModelForm):
    class Meta:
        model = IndividualRating
        fields = ["stage_slug", "evidence_notes", "evidence_links", "evidence_document"]
        labels = {
            "stage_slug": "Your rating",
            "evidence_notes": "Evidence: notes",
            "evidence_links": "Evidence: links",
            "evidence_document": "Evidence: a document",
        }
        widgets = {
            "evidence_notes": forms.Textarea(attrs={"rows": 3}),
            "evidence_links": forms.Textarea(attrs={"rows": 2}),
            "evidence_document": AdminDocumentChooser,
        }

    def __init__(self, *args, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage_slug"] = forms.ChoiceField(
            label=_("Your rating"),
            choices=stage_choices(stages, "Not rated yet"),
            required=False,
            widget=forms.RadioSelect,
        )

    def clean_evidence_links(self):
        links = self.cleaned_data["evidence_links"]
        validate = forms.URLField(assume_scheme="https").clean
        for line in links.splitlines():
            if line.strip():
                validate(line.strip())
        return links

    def has_content(self) -> bool:
        data = self.cleaned_data
        return any(data.get(name) for name in self.Meta.fields)


class ConsensusForm(forms.ModelForm):
    class Meta:
        model = ConsensusRating
        fields = ["stage_slug", "rationale", "is_priority"]
        labels = {"is_priority": "Priority: keep an action plan"}
        widgets = {"rationale": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage_slug"] = forms.ChoiceField(
            label=_("Agreed stage"),
            choices=stage_choices(stages, "Not agreed yet"),
            required=False,
        )

    def clean(self):
        data = super().clean()
        stage, rationale = data.get("stage_slug"), (data.get("rationale") or "").strip()
        if not stage and (rationale or data.get("is_priority")):
            self.add_error("stage_slug", _("Choose the agreed stage, or clear the rationale."))
        if stage and not rationale:
            self.add_error("rationale", _("Say why the team agreed on this stage."))
        return data
