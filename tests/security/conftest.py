"""Attacks on the portal, tried as a visitor, a member or another district would."""

import os
import uuid

import pytest

from tests.council.conftest import fresh_rate_limits, staff, state  # noqa: F401 (fixtures)


@pytest.fixture
def redis_page_cache(settings):
    """The page cache on the real Redis TEST_REDIS_URL names, under a prefix of its own (the
    database is shared, so nothing is flushed)."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "tenants.page_cache.RedisPageCache",
            "LOCATION": url,
            "KEY_FUNCTION": "tenants.page_cache.page_cache_key",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "TIMEOUT": 60,
        },
    }
    settings.WAGTAIL_CACHE = True
