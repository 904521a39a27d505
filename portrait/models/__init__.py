# The page mixins are named by migrations.
from portrait.models.home import DistrictHomePage, StateHomePage
from portrait.models.identity import SiteIdentity
from portrait.models.languages import SiteLanguages
from portrait.models.mixins import DistrictPageMixin, StatePageMixin
from portrait.models.portraits import DistrictPortraitPage, StatePortraitPage
from portrait.models.stories import StoryIndexPage, StoryPage

__all__ = [
    "DistrictHomePage",
    "DistrictPageMixin",
    "DistrictPortraitPage",
    "SiteIdentity",
    "StateHomePage",
    "StatePageMixin",
    "StatePortraitPage",
    "SiteLanguages",
    "StoryIndexPage",
    "StoryPage",
]
