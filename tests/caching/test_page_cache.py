"""The page cache: anonymous visitors get whole pages from it, per schema, until a change.

Alpha and Bravo hold pages with the same primary key and the same path, so a cache keyed by
anything less than the schema would hand one district's page to the other.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context, tenant_context
from wagtail.models import Page

from caching.page_cache import (
    UpdatePageCacheMiddleware,
    generation,
    invalidate,
    page_cache_key,
)
from portrait.models import DistrictHomePage, DistrictPortraitPage
from publishing.sync import record_listing
from state.models import StateCompetency, StateSettings
from tests.tenants.test_isolation import SHARED_PK, make_editor, sign_in

pytestmark = pytest.mark.usefixtures("page_cache", "state_settings")

CACHE_STATUS = "X-Wagtail-Cache"


@pytest.fixture
def state_settings(db):
    """Made on first use otherwise, which (rightly) refreshes every cached page."""
    return StateSettings.load()


def publish_vision(district, title: str) -> DistrictPortraitPage:
    """The district's portrait page at /vision/, with the same primary key in every district."""
    with tenant_context(district):
        page = DistrictPortraitPage.objects.filter(pk=SHARED_PK).first()
        if page is None:
            DistrictPortraitPage.objects.all().delete()  # the starter one: one per home page
            page = DistrictPortraitPage(pk=SHARED_PK, title=title, slug="vision")
            DistrictHomePage.objects.get().add_child(instance=page)
        page.title = title
        page.save_revision().publish()
        return page


def get_twice(client, path: str = "/vision/"):
    first, second = client.get(path), client.get(path)
    return first, second


def test_an_anonymous_visitor_gets_a_cached_page_without_a_single_query(alpha, host_client):
    publish_vision(alpha, "Alpha's vision")
    visitor = host_client("alpha.localhost")
    assert visitor.get("/vision/")[CACHE_STATUS] == "miss"

    with CaptureQueriesContext(connection) as queries:
        response = visitor.get("/vision/")

    assert response.status_code == 200
    assert response[CACHE_STATUS] == "hit"
    assert "Alpha&#x27;s vision" in response.content.decode()
    assert [query["sql"] for query in queries] == []


def test_two_districts_never_get_each_others_cached_pages(alpha, bravo, host_client):
    alpha_page = publish_vision(alpha, "Alpha's vision")
    bravo_page = publish_vision(bravo, "Bravo's vision")
    assert alpha_page.pk == bravo_page.pk and alpha_page.url_path == bravo_page.url_path

    on_alpha = get_twice(host_client("alpha.localhost"))
    on_bravo = get_twice(host_client("bravo.localhost"))

    assert [r[CACHE_STATUS] for r in on_alpha + on_bravo] == ["miss", "hit", "miss", "hit"]
    for response in on_alpha:
        assert "Alpha&#x27;s vision" in response.content.decode()
        assert "Bravo" not in response.content.decode()
    for response in on_bravo:
        assert "Bravo&#x27;s vision" in response.content.decode()
        assert "Alpha" not in response.content.decode()


def test_the_same_key_in_two_schemas_is_two_entries(alpha, bravo):
    with schema_context(alpha.schema_name):
        alpha_key = page_cache_key("views.decorators.cache.cache_page.x", "", 1)
    with schema_context(bravo.schema_name):
        bravo_key = page_cache_key("views.decorators.cache.cache_page.x", "", 1)
    assert alpha_key.startswith("district_alpha:")
    assert bravo_key.startswith("district_bravo:")


def test_a_publish_in_alpha_refreshes_alphas_pages_and_leaves_bravos_cached(
    alpha, bravo, host_client, django_capture_on_commit_callbacks
):
    publish_vision(alpha, "Alpha's vision")
    publish_vision(bravo, "Bravo's vision")
    on_alpha, on_bravo = host_client("alpha.localhost"), host_client("bravo.localhost")
    get_twice(on_alpha), get_twice(on_bravo)

    with django_capture_on_commit_callbacks(execute=True):
        publish_vision(alpha, "Alpha's revised vision")

    alpha_now, bravo_now = on_alpha.get("/vision/"), on_bravo.get("/vision/")
    assert alpha_now[CACHE_STATUS] == "miss"
    assert "Alpha&#x27;s revised vision" in alpha_now.content.decode()
    assert bravo_now[CACHE_STATUS] == "hit"
    assert "Bravo&#x27;s vision" in bravo_now.content.decode()


def unpublish(page):
    page.unpublish()


def delete(page):
    page.delete()


@pytest.mark.parametrize("change", [unpublish, delete], ids=["unpublish", "delete"])
def test_an_unpublished_or_deleted_page_leaves_the_cache(alpha, host_client, change):
    publish_vision(alpha, "Alpha's vision")
    visitor = host_client("alpha.localhost")
    assert get_twice(visitor)[1][CACHE_STATUS] == "hit"

    with tenant_context(alpha):
        change(DistrictPortraitPage.objects.get(pk=SHARED_PK))

    assert visitor.get("/vision/").status_code == 404


def test_moving_a_page_refreshes_the_districts_pages(alpha, host_client):
    page = publish_vision(alpha, "Alpha's vision")
    visitor = host_client("alpha.localhost")
    assert get_twice(visitor)[1][CACHE_STATUS] == "hit"

    with tenant_context(alpha):
        sibling = DistrictHomePage.objects.get().add_child(
            instance=Page(title="About", slug="about")
        )
        Page.objects.get(pk=page.pk).move(sibling, pos="right")

    assert visitor.get("/vision/")[CACHE_STATUS] == "miss"


def test_a_signed_in_editor_neither_gets_nor_fills_the_anonymous_cache(alpha, host_client):
    publish_vision(alpha, "Alpha's vision")
    make_editor(alpha, "alpha-editor", "alpha-password-1")
    editor = host_client("alpha.localhost")
    assert sign_in(editor, "alpha-editor", "alpha-password-1").status_code == 302

    as_editor = get_twice(editor)
    assert [r[CACHE_STATUS] for r in as_editor] == ["skip", "skip"]
    # The first anonymous visitor still finds nothing cached: the editor filled nothing.
    visitor = host_client("alpha.localhost")
    assert [r[CACHE_STATUS] for r in get_twice(visitor)] == ["miss", "hit"]
    assert editor.get("/vision/")[CACHE_STATUS] == "skip"


def test_a_preview_is_never_cached_nor_shown_to_visitors(alpha, host_client):
    publish_vision(alpha, "Alpha's vision")
    make_editor(alpha, "alpha-editor", "alpha-password-1")
    editor = host_client("alpha.localhost")
    sign_in(editor, "alpha-editor", "alpha-password-1")
    with tenant_context(alpha):
        home = DistrictHomePage.objects.get()
    preview_url = f"/admin/pages/{home.pk}/edit/preview/"
    visitor = host_client("alpha.localhost")
    assert get_twice(visitor, "/")[1][CACHE_STATUS] == "hit"

    posted = editor.post(preview_url, {"title": "A draft title", "slug": home.slug})
    assert posted.json()["is_valid"] is True
    preview = editor.get(preview_url)

    assert "A draft title" in preview.content.decode()
    assert preview[CACHE_STATUS] == "skip"
    live = visitor.get("/")
    assert live[CACHE_STATUS] == "hit"
    assert "A draft title" not in live.content.decode()


def test_the_admin_is_never_cached_even_for_visitors(alpha, host_client):
    visitor = host_client("alpha.localhost")
    assert [r[CACHE_STATUS] for r in get_twice(visitor, "/admin/login/")] == ["skip", "skip"]


def test_a_district_sync_refreshes_the_states_pages_only(alpha, bravo):
    before = generation("public"), generation(bravo.schema_name)
    record_listing(alpha)
    assert generation("public") != before[0]
    assert generation(bravo.schema_name) == before[1]


def test_a_renamed_state_competency_refreshes_every_districts_pages(alpha, bravo):
    before = generation(alpha.schema_name), generation(bravo.schema_name)
    StateCompetency.objects.create(slug="curiosity", name="Curiosity", position=0)
    assert generation(alpha.schema_name) != before[0]
    assert generation(bravo.schema_name) != before[1]


def test_clear_forgets_one_schemas_pages_only(alpha, bravo, host_client):
    publish_vision(alpha, "Alpha's vision")
    publish_vision(bravo, "Bravo's vision")
    on_alpha, on_bravo = host_client("alpha.localhost"), host_client("bravo.localhost")
    get_twice(on_alpha), get_twice(on_bravo)

    with schema_context(alpha.schema_name):
        caches["pages"].clear()  # what wagtail-cache's "Clear cache" button calls

    assert on_alpha.get("/vision/")[CACHE_STATUS] == "miss"
    assert on_bravo.get("/vision/")[CACHE_STATUS] == "hit"


def test_a_request_keeps_the_generation_it_started_with(alpha, rf):
    """A page rendered while a publish commits is stored under the old generation."""
    keys = []

    def render_across_a_publish(request):
        keys.append(page_cache_key("page", "", 1))
        invalidate(alpha.schema_name)
        keys.append(page_cache_key("page", "", 1))
        return None

    with schema_context(alpha.schema_name):
        middleware = UpdatePageCacheMiddleware(render_across_a_publish)
        middleware.process_response = lambda request, response: response  # store nothing
        middleware(rf.get("/"))
        next_request_key = page_cache_key("page", "", 1)

    assert keys[0] == keys[1]
    assert next_request_key != keys[0]
