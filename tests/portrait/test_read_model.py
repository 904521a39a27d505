"""Publishing, unpublishing and deleting in a district reach the state's read model, through
alignment; the rebuild brings it back from every schema."""

from django.core.management import call_command
from django_tenants.utils import tenant_context

from portrait.models import DistrictPortraitPage, StoryIndexPage, StoryPage
from state.models import (
    PortraitAlignment,
    PortraitCompetencyListing,
    PortraitListing,
    StoryListing,
)
from tests.factories import portrait as factories
from tests.portrait.conftest import publish_district_portrait


def aligned_slugs(district) -> set[str]:
    return set(
        PortraitAlignment.objects.filter(district=district).values_list(
            "state_competency_slug", flat=True
        )
    )


def test_a_published_portrait_reaches_the_read_model_on_commit(
    state_portrait, alpha, commit_callbacks
):
    # when
    with commit_callbacks():
        publish_district_portrait(
            alpha,
            {"Solver": ["critical-thinker", "engaged-citizen"], "Speaker": ["critical-thinker"]},
        )
    # then
    listing = PortraitListing.objects.get(district=alpha)
    assert listing.url == "http://alpha.localhost:8000/portrait-of-a-learner/"
    assert "Ready for anything." in listing.vision_summary
    competencies = PortraitCompetencyListing.objects.filter(district=alpha)
    assert [(c.name, c.aligned_slugs) for c in competencies] == [
        ("Solver", ["critical-thinker", "engaged-citizen"]),
        ("Speaker", ["critical-thinker"]),
    ]
    assert aligned_slugs(alpha) == {"critical-thinker", "engaged-citizen"}


def test_unpublishing_the_portrait_takes_it_out_of_the_read_model(
    state_portrait, alpha, commit_callbacks
):
    with commit_callbacks():
        page = publish_district_portrait(alpha, {"Solver": ["critical-thinker"]})
    # when
    with commit_callbacks(), tenant_context(alpha):
        DistrictPortraitPage.objects.get(pk=page.pk).unpublish()
    # then
    assert not PortraitListing.objects.filter(district=alpha).exists()
    assert aligned_slugs(alpha) == set()


def test_same_primary_keys_in_two_districts_never_mix_in_the_read_model(
    state_portrait, alpha, bravo, commit_callbacks
):
    # given two districts whose pages share primary keys (cloned from one template)
    with commit_callbacks():
        alpha_page = publish_district_portrait(alpha, {"Solver": ["critical-thinker"]})
        bravo_page = publish_district_portrait(bravo, {"Citizen": ["engaged-citizen"]})
    assert alpha_page.pk == bravo_page.pk
    # then
    assert aligned_slugs(alpha) == {"critical-thinker"}
    assert aligned_slugs(bravo) == {"engaged-citizen"}


def test_stories_carry_the_state_competencies_their_district_competencies_align_to(
    state_portrait, alpha, commit_callbacks
):
    with commit_callbacks():
        portrait = publish_district_portrait(
            alpha, {"Solver": ["critical-thinker", "effective-communicator"]}
        )
        solver = portrait.competency_entries()[0][0]
        with tenant_context(alpha):
            story = factories.add_story(
                StoryIndexPage.objects.get(),
                "Bus map",
                "Students redraw the routes.",
                ["Text."],
                competency_keys=[solver],
                hero=(factories.picture("Map", (10, 10, 10)), "A map."),
            )
    listing = StoryListing.objects.get(district=alpha, page_id=story.pk)
    assert listing.state_competency_slugs == ["critical-thinker", "effective-communicator"]
    assert listing.url == "http://alpha.localhost:8000/stories/bus-map/"
    # The picture is served from the district's own host and media folder.
    assert listing.image_url.startswith("http://alpha.localhost:8000/media/district_alpha/")
    assert listing.image_alt == "A map."

    # when the story is deleted
    with commit_callbacks(), tenant_context(alpha):
        StoryPage.objects.get(pk=story.pk).delete()
    # then
    assert not StoryListing.objects.filter(district=alpha).exists()


def test_the_rebuild_restores_the_read_model_from_every_schema(state_portrait, alpha, bravo):
    # given published content whose sync never ran (the broker was down)
    publish_district_portrait(alpha, {"Solver": ["critical-thinker"]})
    publish_district_portrait(bravo, {"Citizen": ["engaged-citizen"]})
    assert not PortraitListing.objects.exists()
    # when
    call_command("rebuild_directory", "--no-progress")
    # then
    assert aligned_slugs(alpha) == {"critical-thinker"}
    assert aligned_slugs(bravo) == {"engaged-citizen"}
