"""Atom and RSS feeds of a story index (on the state site: every district's stories)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from portrait.stories import StoryFilters, as_card

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

    def get_object(self, request, *args, **kwargs) -> StoryFilters:
        """The list's filters, from the feed's query: a feed of a filtered list is filtered."""
        return StoryFilters.from_request(request, self.index_page)

    def items(self, filters: StoryFilters):
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
