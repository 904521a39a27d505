"""The council's rate limit on public form posts: who counts as the client, and the count."""

from types import SimpleNamespace

import pytest
from django.test import RequestFactory

from council import ratelimit


def post_from(remote: str, forwarded: str = ""):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/council/", REMOTE_ADDR=remote, **extra)


@pytest.fixture
def one_minute(monkeypatch):
    """Every count in the test falls in the same window."""
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))


def test_a_forwarded_address_counts_only_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_ADDRESSES = {"10.0.0.1"}
    assert ratelimit.client_address(post_from("10.0.0.1", "1.2.3.4, 5.6.7.8")) == "5.6.7.8"
    assert ratelimit.client_address(post_from("9.9.9.9", "5.6.7.8")) == "9.9.9.9"
    assert ratelimit.client_address(post_from("10.0.0.1", " ")) == "10.0.0.1"


def test_posts_past_the_limit_are_refused_for_that_client_and_scope_only(one_minute):
    client, other = post_from("1.1.1.1"), post_from("2.2.2.2")
    assert [ratelimit.allow(client, "feedback", 2) for _ in range(3)] == [True, True, False]
    assert ratelimit.allow(other, "feedback", 2)
    assert ratelimit.allow(client, "registration", 2)


def test_a_new_minute_starts_a_new_count(monkeypatch):
    clock = SimpleNamespace(time=lambda: 1_800_000_000.0)
    monkeypatch.setattr(ratelimit, "time", clock)
    client = post_from("1.1.1.1")
    assert ratelimit.allow(client, "feedback", 1)
    assert not ratelimit.allow(client, "feedback", 1)
    clock.time = lambda: 1_800_000_060.0
    assert ratelimit.allow(client, "feedback", 1)
