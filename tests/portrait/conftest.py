"""A published state portrait, and district portraits aligned to it."""

import pytest
from django_tenants.utils import tenant_context
from wagtail.models import Page, Site

from portrait.models import DistrictPortraitPage, StateHomePage
from portrait.sync import sync_state_portrait_and_stories
from tests.factories import portrait as factories

STATE_COMPETENCIES = [
    ("Critical thinker", "critical-thinker"),
    ("Effective communicator", "effective-communicator"),
    ("Engaged citizen", "engaged-citizen"),
]


@pytest.fixture
def state_home(db):
    home = StateHomePage.objects.first()
    if home is None:
        home = StateHomePage(title="State", slug="state-home")
        Page.get_first_root_node().add_child(instance=home)
        factories.publish(home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def state_portrait(state_home):
    portrait = factories.build_state_portrait(
        state_home,
        [
            factories.competency_value(name, f"What a {name.lower()} does.", slug=slug)
            for name, slug in STATE_COMPETENCIES
        ],
        version="2.0",
    )
    sync_state_portrait_and_stories()
    return portrait


def publish_district_portrait(district, alignments: dict[str, list[str]], **fields):
    """Give the district's portrait one competency per entry of `alignments` and publish."""
    with tenant_context(district):
        page = DistrictPortraitPage.objects.get()
        return factories.fill_district_portrait(
            page,
            [
                factories.competency_value(name, f"{name} in {district.name}.", aligned_to=slugs)
                for name, slugs in alignments.items()
            ],
            vision_statement=fields.pop("vision_statement", "<p>Ready for anything.</p>"),
            **fields,
        )
