"""The portal's caches on a real Redis (TEST_REDIS_URL), as production runs them.

Each test gets its own key prefix, so no test reads another's pages or counters, and its keys
are deleted afterwards: the database is never flushed, since others may share it.
"""

import os
import uuid

import pytest
import redis

TENANT_KEYS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}


@pytest.fixture
def redis_caches(settings):
    """Every cache on Redis and the page cache on, with the production settings' shape."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set; the caches are tested on a real Redis")
    prefix = f"test-{uuid.uuid4().hex}"
    shared = {"LOCATION": url, "KEY_PREFIX": prefix}
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", **shared, **TENANT_KEYS},
        "renditions": {"BACKEND": "django_redis.cache.RedisCache", **shared, **TENANT_KEYS},
        "pages": {
            "BACKEND": "caching.page_cache.RedisPageCache",
            **shared,
            "KEY_FUNCTION": "caching.page_cache.page_cache_key",
            "TIMEOUT": 300,
        },
    }
    settings.WAGTAIL_CACHE = True
    yield prefix
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"*{prefix}*"))
    if keys:
        client.delete(*keys)
    client.close()
