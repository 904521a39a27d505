"""Story cards and filters, shared by district story indexes and the statewide feed."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext

from state.models import StoryListing
from state.progress.models import Condition, FrameworkVersion
from tenants.models import District
from tenants.state import on_state_schema

HERO_RENDITION = "fill-640x360"


@dataclass(frozen=True)
class StoryCard:
    title: str
    url: str
    summary: str
    published_at: datetime
    image_url: str = ""
    image_alt: str = ""
    source: str = ""  # the district's name on the statewide feed
    language: str = ""  # the language it is written in, where the feed mixes languages


def condition_choices() -> list[tuple[str, str]]:
    """The conditions of the newest version of each framework the state has loaded, by slug;
    where two frameworks share a slug the first (by name) names it."""
    newest = FrameworkVersion.objects.filter(framework=OuterRef("version__framework")).order_by(
        "-number"
    )
    conditions = (
        Condition.objects.filter(version=Subquery(newest.values("pk")[:1]))
        .order_by("version__framework__name", "position")
        .values_list("slug", "name")
    )
    choices: dict[str, str] = {}
    for slug, name in conditions:
        choices.setdefault(slug, name)
    return list(choices.items())


def region_choices() -> list[tuple[str, str]]:
    return [(region, region) for region in District.objects.active().regions()]


class StoryFilterForm(forms.Form):
    competency = forms.ChoiceField(required=False)
    condition = forms.ChoiceField(required=False)
    region = forms.ChoiceField(required=False)

    def __init__(self, *args, competencies: list[tuple[str, str]], statewide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].choices = [("", gettext("All competencies")), *competencies]
        self.fields["condition"].choices = [("", gettext("All conditions")), *condition_choices()]
        if statewide:
            self.fields["region"].choices = [("", gettext("All regions")), *region_choices()]
        else:
            del self.fields["region"]


@dataclass
class StoryFilters:
    form: StoryFilterForm
    competency: str = ""
    condition: str = ""
    region: str = ""

    @classmethod
    def from_request(cls, request, index_page) -> "StoryFilters":
        """The filters a story index was asked for, among the competencies it offers."""
        form = StoryFilterForm(
            request.GET or None,
            competencies=index_page.competency_choices(),
            statewide=on_state_schema(),
        )
        # An unknown value shows its error and filters nothing, rather than failing.
        values = form.cleaned_data if form.is_bound and form.is_valid() else {}
        return cls(form=form, **{key: value for key, value in values.items() if value})

    @property
    def query_string(self) -> str:
        """The filters in force, as a link's query: the feeds of a filtered list keep them."""
        values = {"competency": self.competency, "condition": self.condition, "region": self.region}
        return urlencode({key: value for key, value in values.items() if value})

    def stories(self, index_page) -> QuerySet:
        """The matching stories, newest first: listings on the state site, pages on a
        district's. Turn each into a card with `as_card`."""
        if on_state_schema():
            return self._statewide_listings()
        return self._district_stories(index_page)

    def _statewide_listings(self) -> QuerySet:
        # Originals only: a reader of another language gets translations from `as_cards`.
        listings = StoryListing.objects.filter(
            Q(district__isnull=True) | Q(district__is_active=True), language=settings.LANGUAGE_CODE
        ).select_related("district")
        if self.competency:
            listings = listings.filter(state_competency_slugs__contains=[self.competency])
        if self.condition:
            listings = listings.filter(condition_slugs__contains=[self.condition])
        if self.region:
            listings = listings.filter(district__region__iexact=self.region)
        return listings

    def _district_stories(self, index_page) -> QuerySet:
        stories = (
            index_page.story_pages()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-first_published_at", "-pk")
        )
        if self.competency:
            stories = stories.filter(competency_keys__contains=[self.competency])
        if self.condition:
            stories = stories.filter(condition_slugs__contains=[self.condition])
        return stories


def as_cards(stories, language: str) -> list[StoryCard]:
    """Cards in the reader's language: a statewide listing's translation where one is listed
    (one query for the whole page), otherwise the original, marked with its language."""
    stories = list(stories)
    listings = [story for story in stories if isinstance(story, StoryListing)]
    translated = {}
    if language != settings.LANGUAGE_CODE and listings:
        keys = [listing.translation_key for listing in listings if listing.translation_key]
        translated = {
            (listing.district_id, listing.translation_key): listing
            for listing in StoryListing.objects.filter(
                language=language, translation_key__in=keys
            ).select_related("district")
        }
    return [
        as_card(translated.get((getattr(story, "district_id", None), story.translation_key), story))
        for story in stories
    ]


def as_card(story) -> StoryCard:
    """A card from a StoryListing (statewide) or a StoryPage (a district's own)."""
    if isinstance(story, StoryListing):
        return StoryCard(
            title=story.title,
            url=story.url,
            summary=story.summary,
            published_at=story.published_at,
            image_url=story.image_url,
            image_alt=story.image_alt,
            source=story.district.name if story.district else "",
            language=story.language,
        )
    return story_card(story)


def story_card(story) -> StoryCard:
    image_url = story.hero_image.get_rendition(HERO_RENDITION).url if story.hero_image else ""
    return StoryCard(
        title=story.title,
        url=story.url,
        summary=story.summary,
        published_at=story.first_published_at,
        image_url=image_url,
        image_alt=story.hero_alt if story.hero_image else "",
    )
