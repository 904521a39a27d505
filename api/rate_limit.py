"""Requests to /graphql/ counted per API token, or per client address without one, in the
default cache (Redis in production), so every worker counts together."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django_ratelimit.core import get_usage

from council.ratelimit import client_address


@dataclass(frozen=True)
class Refusal:
    limit: str
    retry_after: int  # seconds until the window that refused the request closes


def check(request, token_key: str | None) -> Refusal | None:
    """Count this request; a Refusal once its token or address has passed its limit."""
    if token_key is not None:
        digest = hashlib.sha256(token_key.encode()).hexdigest()
        group, rate, value = "graphql-token", settings.GRAPHQL_RATE_LIMIT_PER_TOKEN, digest
    else:
        group, rate, value = "graphql-address", settings.GRAPHQL_RATE_LIMIT_PER_ADDRESS, None
    usage = get_usage(
        request,
        group=group,
        key=(lambda _group, _request: value) if value else _address,
        rate=rate,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    return Refusal(limit=rate, retry_after=max(1, usage["time_left"]))


def _address(_group, request) -> str:
    return client_address(request)
