"""Home and portrait pages of the state site and of every district site."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from tenants.state import on_state_schema


class StatePageMixin:
    """Page types that only make sense on the state site."""

    @classmethod
    def can_create_at(cls, parent):
        return on_state_schema() and super().can_create_at(parent)


class DistrictPageMixin:
    """Page types that only make sense on a district's site."""

    @classmethod
    def can_create_at(cls, parent):
        return not on_state_schema() and super().can_create_at(parent)


class StateHomePage(StatePageMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portrait.StatePortraitPage"]

    def get_context(self, request, *args, **kwargs):
        from tenants.models import DistrictListing

        context = super().get_context(request, *args, **kwargs)
        # The read model answers in one query whatever the number of districts.
        context["listings"] = DistrictListing.objects.filter(
            district__is_active=True
        ).select_related("district")
        return context

    class Meta:
        verbose_name = "state home page"


class StatePortraitPage(StatePageMixin, Page):
    """The statewide portrait of a learner: the competencies every district aligns to."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    version = models.CharField(max_length=20, blank=True, help_text="For example “2.0”.")
    adopted_on = models.DateField(null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("version"), FieldPanel("adopted_on")], heading="Adoption"),
        InlinePanel("competencies", heading="Competencies", min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["portrait.StateHomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "state portrait of a learner"


class StateCompetency(Orderable):
    """A competency of the state portrait. Districts refer to it by its stable slug."""

    page = ParentalKey(StatePortraitPage, on_delete=models.CASCADE, related_name="competencies")
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    definition = models.TextField(max_length=600)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("definition")]

    class Meta(Orderable.Meta):
        verbose_name_plural = "state competencies"

    def __str__(self) -> str:
        return self.name


class DistrictHomePage(DistrictPageMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # Made by provisioning, one per district.
    is_creatable = False
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portrait.DistrictPortraitPage"]

    class Meta:
        verbose_name = "district home page"


class DistrictPortraitPage(DistrictPageMixin, Page):
    """The district's portrait of a learner."""

    vision_statement = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("vision_statement")]
    search_fields = Page.search_fields + [index.SearchField("vision_statement")]

    max_count_per_parent = 1
    parent_page_types = ["portrait.DistrictHomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "district portrait of a learner"
