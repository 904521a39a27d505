"""Stories of vision in practice, on district sites and on the state site."""

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from portrait.blocks import StoryBodyBlock
from portrait.feeds import AtomStoryFeed, RssStoryFeed
from portrait.models.portraits import DistrictPortraitPage
from portrait.stories import StoryFilters, as_cards, condition_choices
from state.models import StateCompetency
from tenants.state import on_state_schema

STORIES_PER_PAGE = 12


def competency_choices() -> list[tuple[str, str]]:
    """The competencies a story on this site can be tagged with: the state's own on the
    state site, the district portrait's (by block id) on a district's."""
    language = get_language()
    if on_state_schema():
        return list(StateCompetency.names(language).items())
    portrait = DistrictPortraitPage.objects.select_related("locale").order_by("path").first()
    if portrait is None:
        return []
    if language and portrait.locale.language_code != language:
        # Its translation keeps each competency's block id, so the keys stay the same.
        translated = portrait.get_translation_or_none(Locale.get_active())
        if translated is not None and translated.alias_of_id is None:
            portrait = translated
    return [(block_id, name) for block_id, name, _ in portrait.competency_entries()]


class StoryIndexPage(RoutablePageMixin, Page):
    """The stories of a site. On the state site it gathers every district's stories too."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    show_in_menus_default = True
    max_count_per_parent = 1
    parent_page_types = ["portrait.StateHomePage", "portrait.DistrictHomePage"]
    subpage_types = ["portrait.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def competency_choices(self) -> list[tuple[str, str]]:
        return competency_choices()

    def story_pages(self):
        return StoryPage.objects.live().child_of(self)

    @path("")
    def index(self, request):
        filters = StoryFilters.from_request(request, self)
        page_number = request.GET.get("page")
        stories = Paginator(filters.stories(self), STORIES_PER_PAGE).get_page(page_number)
        context = self.get_context(request)
        context.update(filters=filters, stories=stories, cards=as_cards(stories, get_language()))
        return TemplateResponse(request, "portrait/story_index_page.html", context)

    @path("feed/", name="atom")
    def atom_feed(self, request):
        return AtomStoryFeed(self)(request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return RssStoryFeed(self)(request)


class StoryPageForm(WagtailAdminPageForm):
    """Offers the site's own competencies and the frameworks' conditions as check boxes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency_keys"] = forms.MultipleChoiceField(
            label=_("Competencies"),
            choices=competency_choices(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The portrait's competencies this story shows in practice."),
        )
        self.fields["condition_slugs"] = forms.MultipleChoiceField(
            label=_("Framework conditions"),
            choices=condition_choices(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The conditions for change this story illustrates."),
        )


class StoryPage(Page):
    """A story of vision in practice."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        "hero image alternative text",
        max_length=255,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    summary = models.TextField(max_length=300, help_text=_("One or two sentences for cards."))
    body = StreamField(StoryBodyBlock())
    competency_keys = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    condition_slugs = ArrayField(models.SlugField(max_length=80), default=list, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero")),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("competency_keys"), FieldPanel("condition_slugs")], heading=_("Tags")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    base_form_class = StoryPageForm
    parent_page_types = ["portrait.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Add alternative text for the hero image.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        competencies = dict(competency_choices())
        conditions = dict(condition_choices())
        context["competency_names"] = [
            competencies[key] for key in self.competency_keys if key in competencies
        ]
        context["condition_names"] = [
            conditions[slug] for slug in self.condition_slugs if slug in conditions
        ]
        return context
