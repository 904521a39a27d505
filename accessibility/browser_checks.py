"""Accessibility checks of one page in headless Chromium.

axe-core's WCAG 2.0/2.1 level A and AA rules, plus what axe cannot see: that the page declares
its language, that a keyboard user reaches the main content through a visible skip link, that
every focus indicator stands out 3:1 from what surrounds it (1.4.11), and that the page reflows
at 320 CSS pixels, as 1280 at 400% zoom, without scrolling sideways outside a labelled scroll
region (1.4.10). Needs the dev extras (playwright, axe-playwright-python) and a Chromium binary.
"""

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from accessibility import browser_scripts

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# 1280 CSS pixels at 400% zoom: what WCAG 1.4.10 asks a page to fit without sideways scrolling.
REFLOW_VIEWPORT = {"width": 320, "height": 256}
FOCUS_CONTRAST_MINIMUM = 3.0
MOST_TAB_STOPS = 80
IMPACT_ORDER = ["critical", "serious", "moderate", "minor"]

# A short CSS-like name for an element, for reports: tag#id.class.
DESCRIBE_JS = """
function describe(el) {
  if (!el) return "(nothing)";
  let name = el.tagName.toLowerCase();
  if (el.id) name += "#" + el.id;
  for (const cls of el.classList) name += "." + cls;
  return name;
}
"""
FOCUSED_JS = (
    "() => {"
    + DESCRIBE_JS
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const href = el.getAttribute("href") || "";
  return {
    selector: describe(el),
    fragment: href.startsWith("#") ? href.slice(1) : null,
    visible: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < window.innerWidth && box.top < window.innerHeight,
  };
}"""
)
FOCUS_START_JS = "() => {" + browser_scripts.FOCUS_START_BODY
FOCUS_INDICATOR_JS = "() => {" + DESCRIBE_JS + browser_scripts.FOCUS_INDICATOR_BODY
REFLOW_JS = "() => {" + DESCRIBE_JS + browser_scripts.REFLOW_BODY
FOCUS_IN_MAIN_JS = (
    "() => {"
    + DESCRIBE_JS
    + """
  const el = document.activeElement;
  const main = document.querySelector("main, [role=main]");
  return {selector: describe(el), inMain: !!main && main.contains(el)};
}"""
)


@dataclass(frozen=True)
class Problem:
    rule: str  # an axe-core rule id, or one of this module's own checks
    impact: str
    help: str
    targets: list[str] = field(default_factory=list)


@dataclass
class PageReport:
    url: str
    status: int | None = None
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.problems


class BrowserUnavailable(Exception):
    """Playwright is not installed or Chromium would not start."""


@contextmanager
def chromium(executable: str = CHROMIUM):
    """A browser context in headless Chromium for `check_page`, closed on the way out."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        raise BrowserUnavailable(
            "Playwright is missing: install the dev extras (pip install -e '.[dev]')."
        ) from error
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as error:
            raise BrowserUnavailable(
                f"Chromium would not start from {executable} (on Debian: apt-get install "
                f"chromium): {error.message.splitlines()[0]}"
            ) from error
        try:
            # One context for the run (a context costs more than a page); a page per check.
            yield browser.new_context()
        finally:
            browser.close()


def check_page(context, url: str, timeout_seconds: float = 30, submit: str = "") -> PageReport:
    """Load `url` in a new tab of `context` (pressing the `submit` button, if named) and
    report everything that fails on it."""
    from playwright.sync_api import Error

    started = time.perf_counter()
    report = PageReport(url)
    page = context.new_page()
    page.set_default_timeout(timeout_seconds * 1000)
    page.set_default_navigation_timeout(timeout_seconds * 1000)
    try:
        response = page.goto(url, wait_until="load")
        if submit and response is not None and response.status < 400:
            with page.expect_navigation(wait_until="load") as navigation:
                page.locator(submit).first.click()
            response = navigation.value
        report.status = response.status if response else None
        # After its button, a form showing its errors may rightly answer 400 or 422.
        refused = report.status is None or report.status >= (500 if submit else 400)
        if refused:
            report.problems.append(
                Problem("page-status", "critical", f"The page answered HTTP {report.status}.")
            )
        else:
            report.problems += [*_language(page), *_keyboard(page), *_focus_indicators(page)]
            report.problems += _axe(page)
            report.problems += _reflow(page)
    except Error as error:
        report.problems.append(
            Problem("page-load", "critical", f"The page failed: {error.message.splitlines()[0]}")
        )
    finally:
        page.close()
    report.seconds = time.perf_counter() - started
    return report


def _language(page) -> list[Problem]:
    if page.evaluate("() => document.documentElement.lang.trim()"):
        return []
    return [Problem("page-language", "serious", "<html> must declare the page's language (lang).")]


def _keyboard(page) -> list[Problem]:
    """The first Tab lands on a visible skip link, and following it focuses the main content."""
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    if focused is None or not focused["fragment"]:
        where = [focused["selector"]] if focused else ["(nothing is focused)"]
        message = "The first Tab must focus a skip link (href=#…)."
        return [Problem("skip-link", "serious", message, where)]
    problems = []
    if not focused["visible"]:
        problems.append(
            Problem(
                "skip-link-visible",
                "serious",
                "The skip link must be visible while it has focus.",
                [focused["selector"]],
            )
        )
    page.keyboard.press("Enter")
    landed = page.evaluate(FOCUS_IN_MAIN_JS)
    if not landed["inMain"]:
        problems.append(
            Problem(
                "skip-link-target",
                "serious",
                "Following the skip link must move focus into the main content "
                "(<main> needs tabindex=-1 and the link's id).",
                [f"{focused['selector']} → focus on {landed['selector']}"],
            )
        )
    return problems


def _focus_indicators(page) -> list[Problem]:
    """Tab through the page: every element that takes focus must show a ring, outline or
    background at least 3:1 against the color around it."""
    page.evaluate(FOCUS_START_JS)
    missing, weak, seen = [], [], set()
    for _ in range(MOST_TAB_STOPS):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS_INDICATOR_JS)
        if found is None or found["key"] in seen:
            break  # focus left the page or came round again
        seen.add(found["key"])
        if found["contrast"] is None:
            missing.append(found["selector"])
        elif found["contrast"] < FOCUS_CONTRAST_MINIMUM:
            weak.append(
                f"{found['selector']} ({found['contrast']:.1f}:1 against {found['against']})"
            )
    problems = []
    if missing:
        problems.append(
            Problem(
                "focus-visible",
                "serious",
                "Focused elements must show a visible focus indicator.",
                missing,
            )
        )
    if weak:
        problems.append(
            Problem(
                "focus-contrast",
                "serious",
                "A focus indicator must have at least 3:1 contrast with what surrounds it.",
                weak,
            )
        )
    return problems


def _reflow(page) -> list[Problem]:
    """At 320 CSS pixels nothing may scroll sideways but a labelled scroll region."""
    page.set_viewport_size(REFLOW_VIEWPORT)
    found = page.evaluate(REFLOW_JS)
    problems = []
    if found["pageOverflow"] > 0:
        problems.append(
            Problem(
                "reflow",
                "serious",
                f"At {REFLOW_VIEWPORT['width']} CSS pixels the page scrolls sideways by "
                f"{found['pageOverflow']} px; content must reflow (WCAG 1.4.10).",
                found["overflowing"],
            )
        )
    if found["unlabelledScrollers"]:
        problems.append(
            Problem(
                "reflow-scroll-region",
                "serious",
                "An element that scrolls sideways must be a labelled region (role=region with "
                "aria-label or aria-labelledby) that the keyboard can reach (tabindex=0).",
                found["unlabelledScrollers"],
            )
        )
    return problems


def _axe(page) -> list[Problem]:
    page.evaluate(axe_script())
    results = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = sorted(results["violations"], key=lambda v: _impact_rank(v.get("impact")))
    return [
        Problem(
            violation["id"],
            violation.get("impact") or "unknown",
            violation["help"],
            [_selector(node["target"]) for node in violation["nodes"]],
        )
        for violation in violations
    ]


@cache
def axe_script() -> str:
    """axe-core, as bundled by axe-playwright-python."""
    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def _impact_rank(impact: str | None) -> int:
    return IMPACT_ORDER.index(impact) if impact in IMPACT_ORDER else len(IMPACT_ORDER)


def _selector(target: list) -> str:
    # Selectors into iframes and shadow roots come as nested lists.
    return " >>> ".join(" ".join(part) if isinstance(part, list) else str(part) for part in target)
