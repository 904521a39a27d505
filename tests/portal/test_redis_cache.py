"""The Redis cache backend keeps one redis-py client per pool instead of one per call."""

from portal.redis_cache import RedisCache


def test_every_cache_call_shares_one_client_and_its_pool():
    cache = RedisCache("redis://127.0.0.1:6379/8", {})
    first, second = cache._cache.get_client("a"), cache._cache.get_client("b", write=True)

    assert first is second
    assert first.connection_pool is cache._cache._get_connection_pool(write=False)
