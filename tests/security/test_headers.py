"""Every page carries a Content-Security-Policy; production adds the other safe defaults."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from portal.content_security import PortalCSPMiddleware
from state.models import StateSettings
from tests.portal.settings.conftest import load_production_settings

PUBLIC_PAGES = {
    "state council": ("localhost", "/council/"),
    "council sign-in": ("localhost", "/council/sign-in/"),
    "district home": ("alpha.localhost", "/"),
    "not found": ("alpha.localhost", "/no-such-page/"),
    "GraphQL": ("localhost", "/graphql/"),
}


def policy(response) -> dict[str, list[str]]:
    directives = response["Content-Security-Policy"].split(";")
    return {name: values for name, *values in (d.split() for d in directives if d.strip())}


@pytest.mark.parametrize("page", PUBLIC_PAGES, ids=list(PUBLIC_PAGES))
def test_every_public_page_runs_only_the_sites_own_scripts(page, alpha, host_client):
    host, path = PUBLIC_PAGES[page]
    response = host_client(host).get(path)
    rules = policy(response)
    assert rules["default-src"] == ["'self'"]
    assert rules["script-src"] == ["'self'"]
    assert rules["object-src"] == ["'none'"]
    assert rules["frame-ancestors"] == ["'self'"]
    assert rules["base-uri"] == ["'self'"] and rules["form-action"] == ["'self'"]


@pytest.mark.parametrize("host", ["localhost", "alpha.localhost"])
def test_the_admin_may_run_its_inline_scripts_but_nothing_from_elsewhere(host, alpha, host_client):
    rules = policy(host_client(host).get("/admin/login/"))
    assert rules["script-src"] == ["'self'", "'unsafe-inline'"]
    assert rules["default-src"] == ["'self'"]
    assert rules["object-src"] == ["'none'"]


def test_a_template_that_asks_for_a_nonce_gets_it_in_the_header():
    def view_with_inline_script(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

    middleware = PortalCSPMiddleware(view_with_inline_script)
    request = RequestFactory().get("/council/")
    response = middleware(request)
    assert f"'nonce-{request.csp_nonce}'" in policy(response)["script-src"]


def test_the_admin_never_sends_a_nonce_that_would_switch_off_its_inline_scripts():
    middleware = PortalCSPMiddleware(lambda request: HttpResponse(str(request.csp_nonce)))
    response = middleware(RequestFactory().get("/admin/pages/"))
    assert policy(response)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_a_page_from_the_page_cache_keeps_its_policy(page_cache, alpha, host_client):
    StateSettings.load()  # made on first use otherwise, which refreshes cached pages
    visitor = host_client("alpha.localhost")
    first, second = visitor.get("/"), visitor.get("/")
    assert second["X-Wagtail-Cache"] == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert policy(second)["script-src"] == ["'self'"]


def test_production_sends_hsts_nosniff_a_referrer_policy_and_secure_cookies(
    monkeypatch, settings, alpha, host_client
):
    # given the production settings as docker-compose.yml leaves them
    production = load_production_settings(monkeypatch, SECRET_KEY="k7R" * 20)
    monkeypatch.undo()  # back to the test settings, with production's security values on top
    for name in (
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    ):
        setattr(settings, name, production[name])
    # when a visitor opens a page over HTTPS
    response = host_client("localhost").get("/council/sign-in/", secure=True)
    # then the browser is told to stay on HTTPS, sniff nothing and keep addresses to itself
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    # and the sign-in form's cookie travels over HTTPS only
    assert response.cookies["csrftoken"]["secure"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
