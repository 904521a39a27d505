"""Production settings refuse keys anyone can read, and docker-compose.yml's own values hold."""

import re

import pytest
import yaml
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from council.ratelimit import client_address
from tests.portal.settings.conftest import load_production_settings

COMPOSE = yaml.safe_load((django_settings.BASE_DIR / "docker-compose.yml").read_text())
PORTAL_ENVIRONMENT = COMPOSE["x-portal-environment"]


def compose_default(value: str) -> str:
    """The value compose uses when the shell sets nothing: `${NAME:-default}` gives default."""
    match = re.fullmatch(r"\$\{\w+:-(.*)\}", value)
    return match.group(1) if match else value


@pytest.mark.parametrize(
    "key",
    [
        compose_default(PORTAL_ENVIRONMENT["SECRET_KEY"]),
        "insecure-development-key-change-me",
        "",
    ],
    ids=["docker-compose placeholder", "development key", "empty"],
)
def test_production_refuses_a_public_or_missing_secret_key(monkeypatch, key):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY") as refusal:
        load_production_settings(monkeypatch, SECRET_KEY=key)
    assert "secrets.token_urlsafe" in str(refusal.value)


def test_production_starts_with_a_key_of_its_own(monkeypatch):
    loaded = load_production_settings(monkeypatch, SECRET_KEY="k7R" * 20)
    assert loaded["SECRET_KEY"] == "k7R" * 20


def test_database_url_query_options_reach_the_connection(monkeypatch):
    loaded = load_production_settings(
        monkeypatch,
        SECRET_KEY="k7R" * 20,
        DATABASE_URL="postgres://portal:p%40ss@db.example.gov:6432/portal"
        "?sslmode=require&connect_timeout=5",
    )
    database = loaded["DATABASES"]["default"]
    assert database["OPTIONS"] == {"sslmode": "require", "connect_timeout": 5}
    assert (database["HOST"], database["PORT"], database["PASSWORD"]) == (
        "db.example.gov",
        6432,
        "p@ss",
    )
    assert database["ENGINE"] == "tenants.postgresql_backend"


def test_compose_trusts_its_own_proxy_so_rate_limits_see_each_visitor(settings):
    # given the addresses a web node trusts and the fixed address of the proxy in front of it
    web = COMPOSE["services"]["web"]["environment"]
    trusted = compose_default(web["TRUSTED_PROXY_ADDRESSES"]).split(",")
    proxy = compose_default(COMPOSE["services"]["proxy"]["networks"]["default"]["ipv4_address"])
    settings.TRUSTED_PROXY_ADDRESSES = set(trusted)
    # when the proxy forwards a visitor's request (nginx names the visitor in X-Forwarded-For)
    request = RequestFactory().post(
        "/council/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    # then the rate limit counts the visitor, not the proxy
    assert client_address(request) == "203.0.113.9"
    # and a visitor elsewhere cannot name someone else's address
    spoofed = RequestFactory().post(
        "/council/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert client_address(spoofed) == "198.51.100.4"
