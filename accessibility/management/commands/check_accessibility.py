import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accessibility.browser_checks import CHROMIUM, BrowserUnavailable, check_page, chromium
from accessibility.pages import discover_pages


class Command(BaseCommand):
    help = (
        "Check every page the apps list in their accessibility.PAGES against a running portal "
        "with demo content: axe-core's WCAG 2.0/2.1 A and AA rules in headless Chromium, the "
        "page's language and the skip link. Fails if any page has a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=f"http://{settings.STATE_DOMAIN}:8000",
            help="Where the state's site answers; districts are its subdomains "
            "(default: %(default)s, the development server).",
        )
        parser.add_argument(
            "--only",
            metavar="TEXT",
            help="Check only the pages whose name or path contains TEXT (any case).",
        )
        parser.add_argument(
            "--wait",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Wait up to this long for the portal to answer before checking.",
        )
        parser.add_argument(
            "--timeout", type=float, default=30, metavar="SECONDS", help="Per page load."
        )
        parser.add_argument("--chromium", default=CHROMIUM, help="Chromium binary.")

    def handle(self, *args, **options):
        base_url = options["base_url"].rstrip("/")
        pages = _select(discover_pages(), options["only"])
        if not pages:
            raise CommandError("No pages to check.")
        _wait_until_answering(base_url, options["wait"])

        write = self.stdout.write
        write(f"Checking {_count(len(pages), 'page')} on {base_url} (WCAG 2.1 A/AA, keyboard)")
        failed = []
        try:
            with chromium(options["chromium"]) as context:
                for number, spec in enumerate(pages, start=1):
                    url = spec.url(base_url)
                    write(f"[{number}/{len(pages)}] {spec.name} ({spec.site}) {url} … ", ending="")
                    self.stdout.flush()
                    report = check_page(context, url, options["timeout"], submit=spec.submit)
                    self._write_report(report)
                    if not report.passed:
                        failed.append(spec)
        except BrowserUnavailable as error:
            raise CommandError(str(error)) from error

        if failed:
            raise CommandError(
                f"{len(failed)} of {_count(len(pages), 'page')} failed the accessibility check: "
                + ", ".join(spec.name for spec in failed)
            )
        write(self.style.SUCCESS(f"{_count(len(pages), 'page')} checked, no problems."))

    def _write_report(self, report) -> None:
        if report.passed:
            self.stdout.write(self.style.SUCCESS("ok") + f" ({report.seconds:.1f} s)")
            return
        self.stdout.write(
            self.style.ERROR(_count(len(report.problems), "problem")) + f" ({report.seconds:.1f} s)"
        )
        for problem in report.problems:
            self.stdout.write(f"    {problem.rule} ({problem.impact}): {problem.help}")
            for target in problem.targets:
                self.stdout.write(f"      {target}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _select(pages, only: str | None):
    if not only:
        return pages
    needle = only.lower()
    return [page for page in pages if needle in page.name.lower() or needle in page.path.lower()]


def _wait_until_answering(base_url: str, seconds: float) -> None:
    """Any HTTP answer will do (a 404 still means the server is up)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(base_url + "/", timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError as error:
            if time.monotonic() >= deadline:
                if seconds:
                    raise CommandError(f"{base_url} did not answer in {seconds:g} s.") from error
                return  # not waiting: let each page report its own failure
        time.sleep(0.25)
