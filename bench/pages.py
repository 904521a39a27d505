"""Benchmark: a district portrait page, cold and from the page cache, beside a plain Wagtail page
served by the same gunicorn process; and the query counts that must not grow.

    .venv/bin/python bench/pages.py [--rounds 3] [--duration 5] [--connections 8] [--workers 2]
                                    [--competencies 20] [--stories 20] [--large 1000]
                                    [--redis-url redis://127.0.0.1:6379/14] [--keep]

Makes a fresh database, provisions one district (a clone of the template, as in production)
and gives its portrait page --competencies competencies (each with an icon, sub-traits, a
four-band continuum and alignments to the state's), a co-creation timeline as long, and
--stories stories. The plain page is a bare `wagtailcore.Page` (a title and Wagtail's own
template) under the same district home: same host, schema, middleware and process.

Query counts, in this process with Django's test client (after one warm-up request):
  the portrait page rendered (page cache off) and served from the page cache (on);
  the state's directory (/districts/) and story feed (/stories/) at 10 districts and at
  --large districts. Those pages read only the public schema's read model, so the extra
  districts are District rows and read-model rows written in bulk (tests/factories/statewide.py),
  not real schemas.

Load, with `wrk` on loopback against gunicorn (production settings, --workers processes of
one thread each, the page cache in Redis at --redis-url so that every worker shares it):
  server 1, page cache off: the plain page, then the portrait page (cold: rendered each time);
  server 2, page cache on:  the plain page, then the portrait page (cached).
The two pages alternate, --rounds times; each figure is the median of its runs. For each:
requests per second, median and p99 latency, and the ratio to the plain page uncached
(latency: page / plain; throughput: plain / page; 1.0 = as fast as the plain page).
wrk and the server share this machine's CPUs, which caps all four figures alike.

wrk is not installed by this script: `apt-get install wrk` (Debian/Ubuntu) or
`brew install wrk` (macOS). The Redis database given is shared with nothing else here; the
keys this run made (named by its own district's schema) are deleted at the end.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fresh_db import REPO_ROOT, add_database_arguments, describe_environment, fresh_database

GOAL_CACHED_RATIO = 1.2
FIGURES = ("rps", "p50", "p99")
PORTRAIT_QUERY_BUDGET = 15
STATE_COMPETENCIES = [
    ("curiosity", "Curiosity"),
    ("care", "Care for others"),
    ("craft", "Craft"),
    ("courage", "Courage"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="Seconds of load per run.")
    parser.add_argument("--warmup", type=int, default=1, help="Seconds of load before each.")
    parser.add_argument("--rounds", type=int, default=3, help="Runs per page (median kept).")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes.")
    parser.add_argument("--competencies", type=int, default=20)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--large", type=int, default=1000, help="Districts for the large count.")
    parser.add_argument("--port", type=int, default=0, help="Port to serve on (default: free).")
    parser.add_argument(
        "--redis-url", default="redis://127.0.0.1:6379/14", help="Redis for the page cache."
    )
    add_database_arguments(parser)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit(
            "wrk is not installed. Install it with `apt-get install wrk` (Debian/Ubuntu) or "
            "`brew install wrk` (macOS), then run this again."
        )
    _check_redis(args.redis_url)

    with fresh_database(args, prefix="bench_pages") as db:
        if not db.url:
            sys.exit("This benchmark serves with gunicorn and needs a PostgreSQL server.")
        run(args, db)


def run(args, db) -> None:
    print("\n".join(describe_environment(db)))
    slug = f"bench-{os.getpid()}"
    district, portrait_path = build_content(slug, args.competencies, args.stories)
    host = district.primary_hostname
    print(
        f"district {district.schema_name} at {host}: portrait {portrait_path} with "
        f"{args.competencies} competencies, {args.competencies} co-creation steps, "
        f"{args.stories} stories; plain page /plain/ (wagtailcore.Page, title only)"
    )

    print("\nSQL queries per request (after one warm-up request)")
    print_query_counts(host, portrait_path, args.large)

    port = args.port or _free_port()
    plain = f"http://127.0.0.1:{port}/plain/"
    portrait = f"http://127.0.0.1:{port}{portrait_path}"
    results = {}
    for cache_on in (False, True):
        with gunicorn(db.url, args.redis_url, port, args.workers, cache_on):
            suffix = "cached" if cache_on else "cold"
            pages = (("plain", plain), ("portrait", portrait))
            runs = {name: [] for name, _ in pages}
            for _ in range(args.rounds):  # interleaved, so drifts in load touch both alike
                for name, url in pages:
                    runs[name].append(load(url, host, args))
            for name, url in pages:
                results[(name, suffix)] = {
                    **{f: statistics.median(r[f] for r in runs[name]) for f in FIGURES},
                    "errors": sum(r["errors"] for r in runs[name]),
                    "cache": _cache_status(url, host),
                }
    forget_redis_keys(args.redis_url, district.schema_name, host)
    print_load(results, args)


def build_content(slug: str, competencies: int, stories: int):
    import datetime

    from django.conf import settings
    from django.db import transaction
    from django_tenants.utils import tenant_context
    from wagtail.models import Page, Site

    # The app's modules load models: import them once fresh_database has set Django up.
    from portrait.models import DistrictPortraitPage, StateHomePage
    from publishing.sync import record_listing
    from state.models import StateCompetency, StateSettings
    from tenants.provisioning import DistrictSpec, provision_district
    from tests.factories import portrait as factories

    StateSettings.load()
    for position, (competency_slug, name) in enumerate(STATE_COMPETENCIES):
        StateCompetency.objects.create(slug=competency_slug, name=name, position=position)
    root = Page.get_first_root_node()
    state_home = StateHomePage(title="State portrait portal", slug="state-home")
    root.add_child(instance=state_home)
    factories.publish(state_home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": settings.STATE_DOMAIN, "port": 80, "root_page": state_home},
    )
    factories.story_index(state_home)

    district = provision_district(DistrictSpec("Bench Unified", slug, "North", "developing"))
    district = district.district
    with tenant_context(district), transaction.atomic():
        icon = factories.picture("Competency icon", (30, 90, 120), size=(96, 96))
        page = DistrictPortraitPage.objects.get()
        slugs = [s for s, _ in STATE_COMPETENCIES]
        factories.fill_district_portrait(
            page,
            [
                factories.competency_value(
                    f"Competency {n + 1}",
                    "What a graduate can do, said in a sentence or two for families.",
                    aligned_to=slugs[: 1 + n % len(slugs)],
                    sub_traits=["Asks good questions", "Listens", "Tries again"],
                    grade_bands=["k-2", "3-5", "6-8", "9-12"],
                    icon={"image": icon, "alt_text": f"Icon of competency {n + 1}"},
                )
                for n in range(competencies)
            ],
            [
                factories.co_creation_step(
                    ("survey", "convening", "focus_group", "interview")[n % 4],
                    f"Step {n + 1}",
                    datetime.date(2025, 1, 6) + datetime.timedelta(weeks=n),
                    20 + 7 * n,
                )
                for n in range(competencies)
            ],
            vision_statement="<p>Every graduate leaves ready for what comes next.</p>",
            community_why="<p>Because our families asked for it.</p>",
            last_revisited=datetime.date(2026, 5, 1),
        )
        home = factories.district_home()
        index = factories.story_index(home)
        keys = [key for key, _, _ in page.competency_entries()]
        for n in range(stories):
            factories.add_story(
                index,
                f"Story {n + 1}",
                "What the portrait looks like in one classroom.",
                ["A paragraph about it.", "Another paragraph."],
                competency_keys=keys[n % len(keys) : n % len(keys) + 2],
                quote=("We learned it by doing it.", "A student"),
            )
        plain = Page(title="A plain page", slug="plain")
        home.add_child(instance=plain)
        factories.publish(plain)
        portrait_path = DistrictPortraitPage.objects.get().url
    record_listing(district)
    return district, portrait_path


def print_query_counts(host: str, portrait_path: str, large: int) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    # The app's modules load models: import them once fresh_database has set Django up.
    from tenants.models import District
    from tests.factories.statewide import add_listed_districts

    def count(host_name: str, path: str, cache: bool) -> int:
        client = Client(HTTP_HOST=host_name)
        with override_settings(WAGTAIL_CACHE=cache):
            assert client.get(path).status_code == 200, path
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
        assert response.status_code == 200, path
        connection.set_schema_to_public()
        return len(queries)

    cold = count(host, portrait_path, cache=False)
    cached = count(host, portrait_path, cache=True)
    verdict = "within" if cold <= PORTRAIT_QUERY_BUDGET else "OVER"
    print(f"  portrait page rendered      {cold:>4}   ({verdict} the budget of 15)")
    print(f"  portrait page from cache    {cached:>4}")
    state = settings.STATE_DOMAIN
    add_listed_districts(10 - District.objects.count(), first=0)
    small = {path: count(state, path, cache=False) for path in ("/districts/", "/stories/")}
    add_listed_districts(large - District.objects.count(), first=10)
    big = {path: count(state, path, cache=False) for path in ("/districts/", "/stories/")}
    for path, label in (("/districts/", "directory"), ("/stories/", "story feed")):
        same = "same" if small[path] == big[path] else "DIFFERENT"
        print(
            f"  state {label:<11} {small[path]:>4} at 10 districts, "
            f"{big[path]:>4} at {large:,} ({same})"
        )


class gunicorn:
    """A gunicorn server on loopback with production settings, for one block."""

    def __init__(self, database_url, redis_url, port, workers, cache_on):
        self.port = port
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CELERY_BROKER_URL": "",  # tasks run eagerly; nothing is published under load
            "SECRET_KEY": "bench-only-not-a-secret",
            "PAGE_CACHE": "on" if cache_on else "off",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_THREADS": "1",
            "GUNICORN_MAX_REQUESTS": "0",  # no worker recycling in the middle of a run
            "GUNICORN_LOG_LEVEL": "warning",
        }

    def __enter__(self):
        gunicorn_bin = Path(sys.executable).with_name("gunicorn")
        self.log = tempfile.TemporaryFile()  # a pipe nobody reads could fill and stall it
        self.process = subprocess.Popen(
            [str(gunicorn_bin), "-c", "gunicorn.conf.py", "portal.wsgi:application"],
            cwd=REPO_ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                sys.exit("gunicorn stopped:\n" + self.log.read().decode())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        sys.exit("gunicorn did not start within 60 s")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()


def _cache_status(url: str, host: str) -> str:
    """Two requests; what the second says about the page cache (hit, miss, or off)."""
    for _ in range(2):
        request = urllib.request.Request(url, headers={"Host": host})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200, url
            status = response.headers.get("X-Wagtail-Cache", "off")
    return status


def load(url: str, host: str, args) -> dict:
    command = ["wrk", "-t", "2", "-c", str(args.connections), "-H", f"Host: {host}", "--latency"]
    subprocess.run([*command, "-d", f"{args.warmup}s", url], capture_output=True, check=True)
    output = subprocess.run(
        [*command, "-d", f"{args.duration}s", url], capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict:
    def latency(percent: str) -> float:
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def print_load(results: dict, args) -> None:
    baseline = results[("plain", "cold")]
    print(
        f"\nLoad: wrk, {args.connections} connections; per page the median of {args.rounds} "
        f"runs of {args.duration} s (each after {args.warmup} s of warm-up), the pages "
        f"interleaved; gunicorn {args.workers} workers x 1 thread"
    )
    header = (
        f"  {'page':<26}{'cache':>7}{'req/s':>10}{'median ms':>11}{'p99 ms':>9}"
        f"{'median x':>10}{'p99 x':>8}{'req/s x':>9}"
    )
    print(header)
    rows = [
        ("plain page, cache off", ("plain", "cold")),
        ("portrait, cold", ("portrait", "cold")),
        ("plain page, cache on", ("plain", "cached")),
        ("portrait, cached", ("portrait", "cached")),
    ]
    for label, key in rows:
        r = results[key]
        print(
            f"  {label:<26}{r['cache']:>7}{r['rps']:>10.0f}{r['p50']:>11.2f}{r['p99']:>9.2f}"
            f"{r['p50'] / baseline['p50']:>10.2f}{r['p99'] / baseline['p99']:>8.2f}"
            f"{baseline['rps'] / r['rps']:>9.2f}"
            + (f"   {r['errors']} errors" if r["errors"] else "")
        )
    print("  (x: against the plain page with the cache off; latency page/plain, req/s plain/page)")
    cached = results[("portrait", "cached")]
    ratio = max(cached["p50"] / baseline["p50"], baseline["rps"] / cached["rps"])
    verdict = "met" if ratio <= GOAL_CACHED_RATIO else "NOT met"
    print(
        f"\ncached portrait / plain page: {ratio:.2f} (worse of median latency and req/s); "
        f"goal <= {GOAL_CACHED_RATIO}: {verdict}"
    )
    cold = results[("portrait", "cold")]
    print(f"cold portrait / plain page: median {cold['p50'] / baseline['p50']:.2f}")


def _check_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        sys.exit(f"Redis at {url} does not answer ({error}); start it or pass --redis-url.")


def forget_redis_keys(url: str, schema_name: str, host: str) -> None:
    """Delete this run's keys: each names the run's schema (pages, counters) or host (route)."""
    import redis

    client = redis.Redis.from_url(url)
    for pattern in (f"*{schema_name}*", f"*{host}*"):
        keys = list(client.scan_iter(match=pattern, count=1000))
        if keys:
            client.delete(*keys)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    main()
