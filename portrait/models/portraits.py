"""The statewide portrait of a learner and each district's own."""

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portrait.blocks import (
    CO_CREATION_KINDS,
    CoCreationStepBlock,
    DistrictCompetencyBlock,
    StateCompetencyBlock,
)
from portrait.models.mixins import DistrictPageMixin, StatePageMixin, duplicate_values
from portrait.models.pictures import PortraitPictureMixin
from state.models import StateCompetency
from tenants.prose import and_list

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StatePortraitPage(StatePageMixin, PortraitPictureMixin, Page):
    """The statewide portrait: the competencies every district aligns to."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES)
    version = models.CharField(max_length=20, blank=True, help_text=_("For example “2.0”."))
    adopted_on = models.DateField(null=True, blank=True)
    competencies = StreamField(
        [("competency", StateCompetencyBlock())],
        min_num=1,
        help_text=_("Each competency's slug is how districts align to it; keep it stable."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("version"), FieldPanel("adopted_on")], heading=_("Adoption")),
        FieldPanel("competencies"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("competencies"),
    ]

    max_count = 1
    parent_page_types = ["portrait.StateHomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("state portrait")

    def clean(self):
        super().clean()
        blocks = [block.value for block in self.competencies]
        errors = []
        if slugs := duplicate_values(value["slug"] for value in blocks):
            errors.append(
                _("Two competencies share the slug %(slugs)s.") % {"slugs": and_list(sorted(slugs))}
            )
        if names := duplicate_values(value["name"].strip().lower() for value in blocks):
            errors.append(
                _("Two competencies share the name %(names)s.") % {"names": and_list(sorted(names))}
            )
        if errors:
            raise ValidationError({"competencies": errors})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.picture_context(request))
        return context


class DistrictPortraitPage(DistrictPageMixin, PortraitPictureMixin, Page):
    """A district's portrait: its vision, its competencies and how the community wrote it."""

    vision_statement = RichTextField(blank=True, features=TEXT_FEATURES)
    community_why = RichTextField(
        "why it matters",
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Why the community wants these things for its graduates."),
    )
    competencies = StreamField(
        [("competency", DistrictCompetencyBlock())],
        blank=True,
        help_text=_("Each competency is aligned to one or more of the state's."),
    )
    co_creation = StreamField(
        [("step", CoCreationStepBlock())],
        blank=True,
        verbose_name=_("how we wrote it"),
        help_text=_("Convenings, surveys, focus groups and interviews, in date order."),
    )
    last_revisited = models.DateField(
        null=True, blank=True, help_text=_("When the community last looked at the portrait again.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("vision_statement"),
        FieldPanel("community_why"),
        FieldPanel("competencies"),
        MultiFieldPanel(
            [FieldPanel("co_creation"), FieldPanel("last_revisited")], heading=_("Co-creation")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("vision_statement"),
        index.SearchField("community_why"),
        index.SearchField("competencies"),
    ]

    show_in_menus_default = True
    max_count_per_parent = 1
    parent_page_types = ["portrait.DistrictHomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("district portrait")

    def clean(self):
        super().clean()
        names = duplicate_values(block.value["name"].strip().lower() for block in self.competencies)
        if names:
            raise ValidationError(
                {
                    "competencies": _("Two competencies share the name %(names)s.")
                    % {"names": and_list(sorted(names))}
                }
            )

    def competency_entries(self) -> list[tuple[str, str, list[str]]]:
        """(block id, name, aligned state slugs) for each competency, in order."""
        return [
            (block.id, block.value["name"], list(block.value["aligned_to"]))
            for block in self.competencies
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        state_names = StateCompetency.names(get_language())
        context["competencies"] = [
            (
                block,
                [state_names[slug] for slug in block.value["aligned_to"] if slug in state_names],
            )
            for block in self.competencies
        ]
        context["adoption_stage"] = getattr(connection.tenant, "get_adoption_stage_display", None)
        kinds = dict(CO_CREATION_KINDS)
        context["co_creation_steps"] = sorted(
            (
                {**block.value, "kind_label": kinds[block.value["kind"]]}
                for block in self.co_creation
            ),
            key=lambda step: step["date"],
        )
        if self.competencies:
            context.update(self.picture_context(request))
        return context
