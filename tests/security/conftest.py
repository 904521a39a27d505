"""Attacks on the portal, tried as a visitor, a member or another district would, and the
fixtures they share: the page cache on real Redis, and a live portal for a real browser.

The live portal answers one request at a time on the test's database connection, so the browser
sees what the test wrote and everything is rolled back afterwards, as in any other test;
Django's own live server needs committed rows, which the session's districts cannot afford.
"""

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from playwright.sync_api import sync_playwright

from tests.council.conftest import fresh_rate_limits, staff, state  # noqa: F401 (fixtures)

CHROMIUM = Path("/usr/bin/chromium")

# Collects every CSP violation the page reports (injected by the browser, not subject to CSP).
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


class SerialLiveServer(LiveServerThread):
    """One request at a time (a plain WSGIServer), on the connection it is given."""

    def _create_server(self, connections_override=None):
        address = (self.host, self.port)
        return WSGIServer(address, QuietWSGIRequestHandler, allow_reuse_address=False)

    def run(self):
        connections["default"] = self.connections_override["default"]
        try:
            self.httpd = self._create_server()
            self.port = self.httpd.server_address[1]
            self.httpd.set_app(StaticFilesHandler(WSGIHandler()))
            self.is_ready.set()
            self.httpd.serve_forever()
        except Exception as error:  # reported to the test by live_portal
            self.error = error
            self.is_ready.set()
        # Unlike Django's, it never closes the connection: the test still holds it.


@pytest.fixture
def live_portal(db):
    """The portal's address, e.g. http://localhost:41234 (the state; districts on *.localhost)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    shared = connections["default"]  # the wrapper itself: `connection` is only a proxy to it
    shared.inc_thread_sharing()
    server = SerialLiveServer("localhost", None, connections_override={"default": shared})
    server.daemon = True
    server.start()
    server.is_ready.wait()
    try:
        if server.error:
            raise server.error
        yield f"http://localhost:{server.port}"
    finally:
        server.terminate()
        shared.dec_thread_sharing()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def open_browser(live_portal):
    """Opens a page in headless Chromium that records CSP violations in window.cspViolations.

    Write the test's rows first: while the browser is open, this thread runs Playwright's
    event loop, and Django refuses (rightly) to query from it."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")

    @contextmanager
    def open_page():
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
            try:
                context = browser.new_context()
                context.set_default_timeout(10_000)
                context.add_init_script(RECORD_VIOLATIONS)
                page = context.new_page()
                page.console_messages = []
                page.on("console", lambda message: page.console_messages.append(message.text))
                yield page
            finally:
                browser.close()

    return open_page


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
            "BACKEND": "caching.page_cache.RedisPageCache",
            "LOCATION": url,
            "KEY_FUNCTION": "caching.page_cache.page_cache_key",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "TIMEOUT": 60,
        },
    }
    settings.WAGTAIL_CACHE = True
