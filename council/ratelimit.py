"""A fixed-window rate limit on public form posts, counted in the (tenant-aware) cache."""

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The client's address; behind a trusted proxy, the last address it forwarded."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and remote in settings.TRUSTED_PROXY_ADDRESSES:
        return forwarded.split(",")[-1].strip() or remote
    return remote


def allow(request, scope: str, per_minute: int) -> bool:
    """Count one post from this client in this minute; False once it passes the limit."""
    window = int(time.time() // 60)
    key = f"council-rate:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, timeout=90):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=90)
        return True
    return count <= per_minute
