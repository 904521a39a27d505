"""Attacks on the page cache and the GraphQL response cache, on a real Redis: each would have
stored or served an answer to someone it was not for, and each is refused.

The page cache keeps only complete `200` answers to anonymous `GET`s of pages; the GraphQL
response cache shares an answer only between callers allowed the same things.
"""

import json
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils.http import http_date
from wagtail import hooks

from caching.page_cache import check_page_cache_middleware
from council.lifecycle import publish_notice
from state.models import StateSettings
from state.progress.models import ApiToken
from tests.api_client import operation, post
from tests.caching.test_page_cache import publish_vision
from tests.conftest import grant
from tests.factories.council import make_convening
from tests.progress.read_model import outcome_counts
from tests.security.real_redis import redis_caches  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("redis_caches", "state_settings")

CACHE_STATUS = "X-Wagtail-Cache"
IMAGE_BYTES = b"\x89PNG\r\n\x1a\n an uploaded image"
OUTCOMES = {"competency": "critical-thinker", "schoolYear": "2024-25"}
SMALL_ROW = {"K-2": {"beginning": 4, "approaching": 20, "meeting": 30, "exceeding": 12}}
INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.fixture
def state_settings(db):
    """Made on first use otherwise, which (rightly) forgets every cached page."""
    return StateSettings.load()


@pytest.fixture
def uploaded_image(alpha):
    folder = settings.MEDIA_ROOT / alpha.schema_name / "original_images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hero.png").write_bytes(IMAGE_BYTES)
    return f"/media/{alpha.schema_name}/original_images/hero.png"


def in_an_hour() -> str:
    return http_date(time.time() + 3600)


def test_a_browsers_revalidation_never_empties_an_image_for_everyone(
    alpha, host_client, uploaded_image
):
    browser = host_client("alpha.localhost")
    revalidated = browser.get(uploaded_image, HTTP_IF_MODIFIED_SINCE=in_an_hour())
    assert revalidated.status_code == 304

    visitor = host_client("alpha.localhost").get(uploaded_image)

    assert visitor.status_code == 200
    assert b"".join(visitor.streaming_content) == IMAGE_BYTES
    assert revalidated[CACHE_STATUS] == visitor[CACHE_STATUS] == "skip"


def test_hooks_cannot_widen_the_policy(alpha, host_client, uploaded_image):
    def always(*args):
        return True

    with (
        hooks.register_temporarily("is_request_cacheable", always),
        hooks.register_temporarily("is_response_cacheable", always),
    ):
        host_client("alpha.localhost").get(uploaded_image, HTTP_IF_MODIFIED_SINCE=in_an_hour())
        visitor = host_client("alpha.localhost").get(uploaded_image)

    assert visitor.status_code == 200
    assert b"".join(visitor.streaming_content) == IMAGE_BYTES


def test_a_notice_just_published_is_not_answered_with_a_cached_404(public_client):
    convening = make_convening("spring", noticed=False)
    assert public_client.get("/council/convenings/spring/").status_code == 404

    publish_notice(convening)  # a queryset update: no signal reaches any cache

    assert public_client.get("/council/convenings/spring/").status_code == 200


def test_a_missing_page_is_never_stored(alpha, host_client):
    visitor = host_client("alpha.localhost")
    answers = [visitor.get("/no-such-page/") for _ in range(2)]
    assert [(a.status_code, a[CACHE_STATUS]) for a in answers] == [(404, "skip"), (404, "skip")]


@pytest.fixture
def outcomes(alpha):
    outcome_counts(alpha, "critical-thinker", "2024-25", SMALL_ROW)
    return alpha


def get_graphql(client, query: str, variables: dict, **headers):
    return client.get("/graphql/", {"query": query, "variables": json.dumps(variables)}, **headers)


def counts(answer) -> list:
    return [row["count"] for row in answer.json()["data"]["learnerOutcomes"]]


def test_an_answer_for_a_token_is_never_served_to_a_visitor_with_the_same_cookie(
    outcomes, restricted_user, host_client
):
    token = ApiToken.issue(restricted_user, "analysis")[1]
    analyst, visitor = host_client("localhost"), host_client("localhost")
    for client in (analyst, visitor):  # a CSRF cookie, as anyone who opened a form has
        client.cookies[settings.CSRF_COOKIE_NAME] = "k1UtCxqpGuz800RrECYGWxp1Itf1c6ra"
    query = operation("LearnerOutcomes")

    restricted = get_graphql(analyst, query, OUTCOMES, HTTP_AUTHORIZATION=f"Bearer {token}")
    public = get_graphql(visitor, query, OUTCOMES)

    assert counts(restricted) == [4, 20, 30, 12]
    assert counts(public) == [None, None, None, None]  # a cell under 10 hides its row
    assert CACHE_STATUS not in public or public[CACHE_STATUS] == "skip"


def test_an_editors_introspection_is_never_served_to_anonymous_callers(db, host_client):
    # An editor of the state's site: into the admin, with no is_staff flag.
    editor = get_user_model().objects.create_user("state-editor", "editor@example.org", "x")
    editor = grant(editor, "wagtailadmin.access_admin")
    signed_in, anonymous = host_client("localhost"), host_client("localhost")
    signed_in.force_login(editor)

    allowed = post(signed_in, INTROSPECTION).json()
    refused = post(anonymous, INTROSPECTION).json()

    assert allowed["data"]["__schema"]["queryType"]["name"] == "Query"
    assert "data" not in refused or refused["data"] is None
    # graphql-core's own rule refuses it, in its own words.
    assert refused["errors"]
    assert all("introspection has been disabled" in e["message"] for e in refused["errors"])


@pytest.mark.parametrize(
    "credentials",
    [{"HTTP_AUTHORIZATION": "Bearer anything"}, {"HTTP_COOKIE": "sessionid=anything"}],
    ids=["authorization", "session cookie"],
)
def test_a_request_with_credentials_neither_gets_nor_fills_the_cache(
    alpha, host_client, credentials
):
    publish_vision(alpha, "Alpha's vision")
    holder = host_client("alpha.localhost")
    assert [holder.get("/vision/", **credentials)[CACHE_STATUS] for _ in range(2)] == [
        "skip",
        "skip",
    ]

    visitor = host_client("alpha.localhost")
    assert [visitor.get("/vision/")[CACHE_STATUS] for _ in range(2)] == ["miss", "hit"]
    assert holder.get("/vision/", **credentials)[CACHE_STATUS] == "skip"


def test_only_get_is_cached(alpha, host_client):
    publish_vision(alpha, "Alpha's vision")
    visitor = host_client("alpha.localhost")
    assert [visitor.head("/vision/")[CACHE_STATUS] for _ in range(2)] == ["skip", "skip"]


def test_the_page_cache_cannot_run_without_the_policy():
    assert check_page_cache_middleware() == []
    bypassing = [
        "wagtailcache.cache.FetchFromCacheMiddleware"
        if name == "caching.page_cache.FetchPageCacheMiddleware"
        else name
        for name in settings.MIDDLEWARE
    ]
    with override_settings(MIDDLEWARE=bypassing):
        assert [error.id for error in check_page_cache_middleware()] == ["tenants.E001"]


def test_browsers_are_told_to_ask_again_rather_than_keep_a_cached_page(alpha, host_client):
    publish_vision(alpha, "Alpha's vision")
    visitor = host_client("alpha.localhost")
    for answer in (visitor.get("/vision/"), visitor.get("/vision/")):
        assert answer["Cache-Control"] == "no-cache"
        assert not answer.has_header("Expires")
