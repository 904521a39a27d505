"""`check_accessibility` in a real headless Chromium, against small static pages.

The pages are served by Python's own HTTP server, without Django, so each test shows exactly
which fault the check must catch. The check on the portal's own pages runs in `.ci/accessibility`.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from accessibility.browser_checks import CHROMIUM
from accessibility.pages import STATE, PageSpec

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"needs Chromium at {CHROMIUM} (.ci/accessibility installs it)",
)

GOOD_BODY = """
<a class="skip" href="#main">Skip to main content</a>
<header><a href="/">Home</a></header>
<main id="main" tabindex="-1"><h1>Portrait of a learner</h1>{extra}</main>
"""
GOOD_HEAD = "<head><meta charset='utf-8'><title>Portrait</title></head>"
HIDDEN = "<style>.skip { position: absolute; left: -999px; }</style>"
# The yellow ring on white that form fields had: about 1.7:1.
WEAK_FOCUS = "<style>a.weak:focus-visible { outline: 3px solid #ffbf47; }</style>"
NO_FOCUS = "<style>a.bare:focus-visible { outline: none; }</style>"
LABELLED = 'role="region" aria-label="Grade bands" tabindex="0"'
WIDE_TABLE = (
    '<div style="overflow-x: auto" {region}><table style="width: 50rem">'
    "<caption>Grade bands</caption><tr><th>K-2</th><th>3-5</th></tr></table></div>"
)
PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA="


def page(body: str = GOOD_BODY, lang: str = ' lang="en"', head: str = GOOD_HEAD, extra="") -> str:
    return f"<!DOCTYPE html><html{lang}>{head}<body>{body.format(extra=extra)}</body></html>"


PAGES = {
    "/good.html": page(),
    "/image-without-alt.html": page(extra=f'<img src="{PIXEL}">'),
    "/no-language.html": page(lang=""),
    "/no-skip-link.html": page(body=GOOD_BODY.replace('href="#main"', 'href="/elsewhere"')),
    "/hidden-skip-link.html": page(head=GOOD_HEAD.replace("</head>", HIDDEN + "</head>")),
    "/skip-link-to-nowhere.html": page(body=GOOD_BODY.replace(' tabindex="-1"', "")),
    "/too-wide.html": page(extra='<p style="width: 40rem">A line that will not wrap.</p>'),
    "/weak-focus.html": page(
        head=GOOD_HEAD.replace("</head>", WEAK_FOCUS + "</head>"),
        extra='<p><a class="weak" href="/good.html">The state portrait</a></p>',
    ),
    "/no-focus.html": page(
        head=GOOD_HEAD.replace("</head>", NO_FOCUS + "</head>"),
        extra='<p><a class="bare" href="/good.html">The state portrait</a></p>',
    ),
    "/labelled-scroll-region.html": page(extra=WIDE_TABLE.format(region=LABELLED)),
    "/unlabelled-scroll-region.html": page(extra=WIDE_TABLE.format(region="")),
    # A clean form whose answer is not: as a form showing its errors can fail.
    "/form.html": page(
        extra='<form action="/image-without-alt.html"><button type="submit">Send</button></form>'
    ),
}


class StaticPages(BaseHTTPRequestHandler):
    hosts_seen: list[str] = []

    def do_GET(self):
        self.hosts_seen.append(self.headers["Host"])
        if self.path == "/hang-up.html":
            self.close_connection = True  # no answer at all
            return
        body = PAGES.get(self.path.split("?")[0])
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((body or page(extra="<p>Not found</p>")).encode())

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def base_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StaticPages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_port}"
    server.shutdown()
    server.server_close()


def check(monkeypatch, base_url: str, pages: list[PageSpec]) -> tuple[str, CommandError | None]:
    monkeypatch.setattr(
        "accessibility.management.commands.check_accessibility.discover_pages", lambda: pages
    )
    stdout = StringIO()
    try:
        call_command("check_accessibility", base_url=base_url, stdout=stdout)
    except CommandError as error:
        return stdout.getvalue(), error
    return stdout.getvalue(), None


def problems_of(output: str, name: str) -> str:
    """The lines reported under one page's progress line."""
    block = output.split(f"] {name} (", 1)[1]
    return block.split("\n[", 1)[0]


def test_each_kind_of_fault_fails_the_check_and_is_named(monkeypatch, base_url):
    pages = [
        PageSpec("Good", STATE, "/good.html"),
        PageSpec("Image without alt", STATE, "/image-without-alt.html"),
        PageSpec("No language", STATE, "/no-language.html"),
        PageSpec("No skip link", STATE, "/no-skip-link.html"),
        PageSpec("Hidden skip link", STATE, "/hidden-skip-link.html"),
        PageSpec("Skip link to nowhere", STATE, "/skip-link-to-nowhere.html"),
        PageSpec("Missing", STATE, "/missing.html"),
        PageSpec("Hang-up", STATE, "/hang-up.html"),
    ]

    output, error = check(monkeypatch, base_url, pages)

    assert error is not None
    assert str(error).startswith("7 of 8 pages failed the accessibility check: Image without alt")
    assert "[1/8] Good (state) " in output
    assert problems_of(output, "Good").split(" … ")[1].startswith("ok")
    image = problems_of(output, "Image without alt")
    assert "image-alt (critical): Images must have alternative text" in image
    assert "      img" in image.splitlines()  # the failing node's selector
    assert "html-has-lang (serious)" in problems_of(output, "No language")
    assert "page-language (serious)" in problems_of(output, "No language")
    assert "skip-link (serious)" in problems_of(output, "No skip link")
    assert "a.skip" in problems_of(output, "No skip link")
    assert "skip-link-visible (serious)" in problems_of(output, "Hidden skip link")
    assert "skip-link-target (serious)" in problems_of(output, "Skip link to nowhere")
    assert "page-status (critical): The page answered HTTP 404." in problems_of(output, "Missing")
    assert "page-load (critical): The page failed: " in problems_of(output, "Hang-up")


def test_sideways_scrolling_at_320_pixels_and_weak_focus_rings_fail(monkeypatch, base_url):
    pages = [
        PageSpec("Too wide", STATE, "/too-wide.html"),
        PageSpec("Weak focus", STATE, "/weak-focus.html"),
        PageSpec("No focus", STATE, "/no-focus.html"),
        PageSpec("Unlabelled scroll region", STATE, "/unlabelled-scroll-region.html"),
        PageSpec("Labelled scroll region", STATE, "/labelled-scroll-region.html"),
    ]

    output, error = check(monkeypatch, base_url, pages)

    assert str(error).startswith("4 of 5 pages failed the accessibility check: Too wide")
    wide = problems_of(output, "Too wide")
    assert "reflow (serious): At 320 CSS pixels the page scrolls sideways by" in wide
    assert "      p" in wide.splitlines()
    weak = problems_of(output, "Weak focus")
    assert "focus-contrast (serious)" in weak
    assert "a.weak (1.6:1 against #ffffff)" in weak
    assert "reflow" not in weak
    assert "focus-visible (serious)" in problems_of(output, "No focus")
    assert "a.bare" in problems_of(output, "No focus")
    unlabelled = problems_of(output, "Unlabelled scroll region")
    assert "reflow-scroll-region (serious)" in unlabelled
    assert "reflow (serious)" not in unlabelled
    assert problems_of(output, "Labelled scroll region").split(" … ")[1].startswith("ok")


def test_clean_pages_pass_and_districts_are_asked_for_on_their_own_host(monkeypatch, base_url):
    pages = [PageSpec("State", STATE, "/good.html"), PageSpec("District", "alpha", "/good.html")]
    StaticPages.hosts_seen.clear()

    output, error = check(monkeypatch, base_url, pages)

    assert error is None, output
    assert output.endswith("2 pages checked, no problems.\n")
    port = base_url.rsplit(":", 1)[1]
    assert f"alpha.localhost:{port}" in StaticPages.hosts_seen
    assert f"localhost:{port}" in StaticPages.hosts_seen


def test_a_portal_that_does_not_answer_fails_after_waiting():
    with pytest.raises(CommandError, match="did not answer in 0.5 s"):
        call_command("check_accessibility", base_url="http://localhost:9", wait=0.5)


def test_a_page_can_be_checked_after_pressing_its_button(monkeypatch, base_url):
    pages = [
        PageSpec("Form", STATE, "/form.html"),
        PageSpec("Form, sent", STATE, "/form.html", submit="form button"),
    ]

    output, error = check(monkeypatch, base_url, pages)

    assert str(error) == "1 of 2 pages failed the accessibility check: Form, sent"
    assert problems_of(output, "Form").split(" … ")[1].startswith("ok")
    assert "image-alt (critical)" in problems_of(output, "Form, sent")
