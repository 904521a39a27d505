"""The pages every new district starts with, laid in the template schema (see tenants.starter)."""

from wagtail.models import Page

from portrait.models import DistrictHomePage, DistrictPortraitPage, StoryIndexPage


def lay_district_pages() -> DistrictHomePage:
    """Idempotent: a home page with an unpublished portrait of a learner and a story index."""
    home = _home_page()
    if not DistrictPortraitPage.objects.child_of(home).exists():
        portrait = DistrictPortraitPage(
            title="Portrait of a learner", slug="portrait-of-a-learner", live=False
        )
        home.add_child(instance=portrait)
        portrait.save_revision().publish()
    if not StoryIndexPage.objects.child_of(home).exists():
        stories = StoryIndexPage(title="Stories", slug="stories")
        home.add_child(instance=stories)
        stories.save_revision().publish()
    return home


def _home_page() -> DistrictHomePage:
    home = DistrictHomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    for welcome in root.get_children().exclude(content_type__model="districthomepage"):
        welcome.delete()
    home = DistrictHomePage(title="Home", slug="home", live=False)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home
