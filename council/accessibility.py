"""The council's pages for the axe-core check, on the state host once demo content is seeded
(`seed_demo`). Run them by hand against a running portal with

    .venv/bin/python -m council.accessibility http://localhost:8000
"""

import sys

PAGES = [
    "/council/",
    "/council/convenings/",
    "/council/convenings/portrait-draft-review/",
    "/council/convenings/portrait-draft-review/register/",
    "/council/convenings/spring-listening-session/",
    "/council/prompts/",
    "/council/prompts/portrait-draft-survey/",  # every question type
    "/council/prompts/graduates-need/",  # exchange: share a thought
    "/council/prompts/graduates-need/rate/",  # exchange: rate others' thoughts
    "/council/prompts/portrait-draft-survey/results/",
    "/council/prompts/portrait-draft-survey/results/?by=region",
    "/council/prompts/graduates-need/results/",
    "/council/you-said-we-did/",
    "/council/sign-in/",
]
# Forms sent empty, so their error messages are checked too.
INVALID_FORMS = [
    "/council/convenings/portrait-draft-review/register/",
    "/council/prompts/portrait-draft-survey/",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def check(base_url: str, executable: str = "/usr/bin/chromium") -> dict[str, list[str]]:
    """Violations per page (empty lists when clean)."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    found: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for path in PAGES:
            page.goto(base_url + path)
            found[path] = _violations(axe, page)
        for path in INVALID_FORMS:
            page.goto(base_url + path)
            page.locator("main form.public-form button[type=submit]").first.click()
            page.wait_for_load_state()
            assert page.locator(".error-summary").count() == 1, path
            found[f"{path} (errors shown)"] = _violations(axe, page)
        browser.close()
    return found


def _violations(axe, page) -> list[str]:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)"
        for v in results.response["violations"]
    ]


def main() -> int:
    base_url = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://localhost:8000"
    failures = 0
    for path, violations in check(base_url).items():
        print(f"{'ok  ' if not violations else 'FAIL'} {path}")
        for violation in violations:
            print(f"       {violation}")
        failures += bool(violations)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
