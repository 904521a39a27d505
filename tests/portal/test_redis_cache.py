"""The Redis caches (django-redis) keep one redis-py client per process: building one per call
costs about a tenth of a millisecond of CPU, and a public form page makes several calls."""

from django.core.cache import caches

from tests.security.real_redis import redis_caches  # noqa: F401 (a fixture)


def test_every_cache_call_shares_one_client(redis_caches):  # noqa: F811
    cache = caches["default"]
    cache.set("greeting", "hello")
    client = cache.client.get_client(write=True)

    assert cache.get("greeting") == "hello"
    assert cache.client.get_client(write=False) is client
    assert caches["default"].client.get_client() is client
