"""GraphQL requests are counted per API token, or per address without one, in Redis, so
every worker counts together; past the limit the answer is 429 with Retry-After."""

import os
import uuid

import pytest

from state.progress.models import ApiToken
from tests.api_client import post

QUERY = "{ __typename }"

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"), reason="needs Redis (TEST_REDIS_URL)"
)


@pytest.fixture
def redis_counts(settings):
    """Two cache clients on one Redis, as two gunicorn workers have; counting starts in the
    first. Each test's keys carry their own prefix, so runs never meet."""
    redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ["TEST_REDIS_URL"],
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
    }
    settings.CACHES = {**settings.CACHES, "worker-1": redis, "worker-2": dict(redis)}
    settings.RATELIMIT_USE_CACHE = "worker-1"
    settings.GRAPHQL_RATE_LIMIT_PER_ADDRESS = "3/m"
    settings.GRAPHQL_RATE_LIMIT_PER_TOKEN = "5/m"
    return settings


def test_an_address_past_its_limit_gets_429_with_retry_after(redis_counts, public_client):
    assert [post(public_client, QUERY).status_code for _ in range(3)] == [200, 200, 200]

    refused = post(public_client, QUERY)

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    [error] = refused.json()["errors"]
    assert error["extensions"] == {
        "code": "RATE_LIMITED",
        "retryAfter": int(refused["Retry-After"]),
    }
    assert error["message"] == (
        f"Too many requests (the limit is 3/m); try again in {refused['Retry-After']} seconds."
    )


def test_every_worker_counts_together(redis_counts, public_client):
    post(public_client, QUERY)
    post(public_client, QUERY)
    redis_counts.RATELIMIT_USE_CACHE = "worker-2"  # another process's client, the same Redis

    assert post(public_client, QUERY).status_code == 200
    assert post(public_client, QUERY).status_code == 429


def test_each_address_is_counted_apart(redis_counts, public_client):
    for _ in range(3):
        post(public_client, QUERY)

    assert post(public_client, QUERY, REMOTE_ADDR="192.0.2.7").status_code == 200
    assert post(public_client, QUERY).status_code == 429


def test_a_token_has_its_own_count_and_limit(redis_counts, public_client, staff_user):
    key = ApiToken.issue(staff_user, "script")[1]
    other_key = ApiToken.issue(staff_user, "notebook")[1]
    for _ in range(3):
        post(public_client, QUERY)  # the address's own limit is spent

    by_token = [
        post(public_client, QUERY, HTTP_AUTHORIZATION=f"Bearer {key}").status_code for _ in range(6)
    ]

    assert by_token == [200] * 5 + [429]
    other = post(public_client, QUERY, HTTP_AUTHORIZATION=f"Bearer {other_key}")
    assert other.status_code == 200


def test_bad_tokens_count_against_the_address(redis_counts, public_client):
    statuses = [
        post(public_client, QUERY, HTTP_AUTHORIZATION="Bearer guess").status_code for _ in range(4)
    ]

    assert statuses == [401, 401, 401, 429]
