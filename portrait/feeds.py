"""Atom and RSS feeds of a story index (on the state site: every district's stories)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from portrait.stories import StoryFilterForm, StoryFilters, as_card
from tenants.state import on_state_schema

FEED_LENGTH = 20


class RssStoryFeed(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.url

    def description(self):
        return f"The latest stories from {self.index_page.get_site().site_name}."

    def items(self):
        filters = StoryFilters(form=StoryFilterForm(statewide=on_state_schema()))
        return [as_card(story) for story in filters.stories(self.index_page)[:FEED_LENGTH]]

    def item_title(self, card):
        return f"{card.title} ({card.source})" if card.source else card.title

    def item_description(self, card):
        return card.summary

    def item_link(self, card):
        return card.url

    def item_pubdate(self, card):
        return card.published_at


class AtomStoryFeed(RssStoryFeed):
    feed_type = Atom1Feed
    subtitle = RssStoryFeed.description
