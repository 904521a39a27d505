"""The home pages of the state site and of every district site."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portrait.adoption import adoption_map, adoption_rows
from portrait.blocks import state_competency_choices
from portrait.models.mixins import DistrictPageMixin, StatePageMixin
from portrait.models.portraits import StatePortraitPage
from portrait.models.stories import StoryPage
from portrait.stories import StoryFilterForm, StoryFilters, as_cards

# A Wagtail hook: each function registered under this name is called with the request and
# the state home page's context, and adds to the context what its app shows there.
CONSTRUCT_STATE_HOME_CONTEXT = "construct_state_home_context"


class StateHomePage(StatePageMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portrait.StatePortraitPage", "portrait.StoryIndexPage"]

    class Meta:
        verbose_name = _("state home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = StoryFilterForm(competencies=state_competency_choices(), statewide=True)
        latest = StoryFilters(form=form).stories(None)[:3]
        context["latest_stories"] = as_cards(latest, get_language())
        portrait = StatePortraitPage.objects.live().first()
        if portrait is not None:
            context["state_portrait"] = portrait
            context.update(portrait.picture_context(request))
        context["adoption"] = adoption_rows()
        context["adoption_map"] = adoption_map()
        # Other apps add their sections (the council its upcoming convenings).
        for add_to_context in hooks.get_hooks(CONSTRUCT_STATE_HOME_CONTEXT):
            add_to_context(request, context)
        return context


class DistrictHomePage(DistrictPageMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # Made by provisioning, one per district.
    is_creatable = False
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portrait.DistrictPortraitPage", "portrait.StoryIndexPage"]

    class Meta:
        verbose_name = _("district home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific().order_by("path")
        context["sections"] = children
        portrait = next(
            (child for child in children if getattr(child, "picture_context", None)), None
        )
        if portrait is not None and portrait.competencies:
            context["district_portrait"] = portrait
            context.update(portrait.picture_context(request))
        context["latest_stories"] = (
            StoryPage.objects.live().descendant_of(self).order_by("-first_published_at")[:3]
        )
        return context
