"""Benchmark: the council's feedback through the real web stack (gunicorn and PostgreSQL).

    .venv/bin/python bench/feedback.py [--participants 200] [--seconds 60] [--think 1.0]
                                       [--workers N] [--threads N] [--load-only]
                                       [--keep] [--database-url ...]

Makes a scratch database, seeds an anonymous prompt of three questions and a convening of 50
seats, starts gunicorn (gunicorn.conf.py, production settings, Redis DB 11 as the cache) on a
loopback port, a Redis of its own as the Celery broker, and then:

  load        --participants concurrent participants for --seconds, first on the council's
              prompt, then on a bare Django view behind the same middleware that shows the
              same three questions and saves a post with one INSERT (bench/feedback_bare.py,
              mounted by bench/feedback_settings.py only). Each participant loads the form,
              thinks for a random 0.5x-1.5x --think seconds, and sends the answers, on a new
              connection each time; then a new participant (new cookies, new client address,
              as behind a proxy, so the rate limit stays on) takes its place. One in twenty
              sends its form twice at once, like a double click.
              Prints submissions per second, median, p95 and p99 latency of the submission,
              the time gunicorn itself spent (its access log, from accept to answer), the CPU
              each part used per submission (postgres: this database's backends only), the
              rows in the database against the submissions the generator saw accepted
              (distinct idempotency keys answered with a redirect), and the ratio of gunicorn's
              CPU per submission, council form to bare view.
  seats       100 people load the registration page, then all send it at the same moment,
              for 50 seats: expect exactly 50 registered and 50 on the waitlist.
  broker      the broker is stopped; 20 registrations and 20 identified answers are sent and
              must all be saved, their mail waiting in the outbox. The broker comes back with
              a worker and beat; the benchmark waits until beat's send_outbox has sent it all.

Goals: >= 150 submissions/s, p99 < 250 ms, 0 lost, 0 duplicated; gunicorn's CPU per
submission within 2x the bare view's.

What the figures showed (2 shared cores): most of the latency is waiting before gunicorn
accepts: with 200 participants and the CPU busy, the median submission took 2.8 s of which
gunicorn spent 68 ms; 9 workers instead of 5 only moved the wait inside them. The tail had two
causes. Workers share the load evenly, so all five reached max_requests together, and each
then ran Python's shutdown (freeing the heap it inherited from the master) for seconds before
the master replaced it: no worker answered for 9 s (a 20-client test with max_requests=100:
p99 9.5 s; with the worker leaving at once and restarts spread, 0.6 s; gunicorn.conf.py).
And a fresh worker's first request built the URL resolvers (0.25 s of CPU; now done once in
the preloading master): the page load's p99 inside gunicorn went from 2.6 s to 0.15 s. No
lock or serialized row showed: a submission is five statements (BEGIN, SET search_path, two
INSERTs, COMMIT) and no SELECT; the Redis round trips, 8 per page load and 6 per submission,
are now 1 and 2 (values kept per process under their generation). Last, the worker count: on
2 cores, 5 workers (2 x CPUs + 1) spent 9.0 ms of CPU per submission and reached p99 273 ms at
160/s; 3 workers (CPUs + 1, now the default) 6.5 ms, p99 92 ms at 185/s.
"""

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _cpu import CpuMeter
from _fresh_db import (
    REPO_ROOT,
    add_database_arguments,
    describe_environment,
    fresh_database,
    load_average,
    percentile,
)

GOAL_RATE = 150.0
GOAL_P99_MS = 250.0
GOAL_CPU_RATIO = 2.0
WARM_UP_SECONDS = 5.0
CACHE_URL = "redis://127.0.0.1:6379/11"
HOST = "localhost"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="idempotency_key" value="([^"]+)"')
VENV_BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=1.0, help="Mean think time, seconds.")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers.")
    parser.add_argument("--threads", type=int, default=None, help="gunicorn threads per worker.")
    parser.add_argument(
        "--load-only", action="store_true", help="Only the two loads: no seats, no broker."
    )
    add_database_arguments(parser)
    args = parser.parse_args()
    with fresh_database(args, prefix="bench_feedback") as db:
        run(args, db)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


class Stack:
    """gunicorn, a broker and (later) a worker with beat, as child processes."""

    def __init__(self, args, database_url: str):
        self.args = args
        self.web_port = free_port()
        self.broker_port = free_port()
        self.mail_dir = Path(tempfile.mkdtemp(prefix="bench_feedback_mail_"))
        self.scratch = Path(tempfile.mkdtemp(prefix="bench_feedback_run_"))
        self.env = {
            **os.environ,
            # bench/ itself stays off the path: its graphql.py would shadow graphql-core.
            "DJANGO_SETTINGS_MODULE": "bench.feedback_settings",
            "PYTHONPATH": str(REPO_ROOT),
            "SECRET_KEY": "bench-feedback-" + uuid.uuid4().hex,
            "DATABASE_URL": database_url,
            "REDIS_URL": CACHE_URL,
            "CELERY_BROKER_URL": f"redis://127.0.0.1:{self.broker_port}/0",
            "SECURE_COOKIES": "0",
            "BENCH_MAIL_DIR": str(self.mail_dir),
            "GUNICORN_BIND": f"127.0.0.1:{self.web_port}",
            "GUNICORN_LOG_LEVEL": "warning",
        }
        if args.workers:
            self.env["WEB_CONCURRENCY"] = str(args.workers)
        if args.threads:
            self.env["GUNICORN_THREADS"] = str(args.threads)
        self.processes: dict[str, subprocess.Popen] = {}
        self.database_name = database_url.rsplit("/", 1)[-1]

    def start(self, name: str, command: list[str], port: int | None = None) -> None:
        log = open(self.scratch / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        self.processes[name] = subprocess.Popen(
            command,
            env=self.env,
            cwd=REPO_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if port:
            wait_for_port(port)

    def start_broker(self) -> None:
        self.start(
            "broker",
            ["redis-server", "--port", str(self.broker_port), "--save", "", "--appendonly", "no"],
            self.broker_port,
        )

    def start_web(self) -> None:
        self.start(
            "web",
            [
                str(VENV_BIN / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                str(self.access_log),
                "--access-logformat",
                "%(m)s %(U)s %(D)s",
                "portal.wsgi",
            ],
            self.web_port,
        )

    def start_worker(self) -> None:
        self.start(
            "worker",
            [
                str(VENV_BIN / "celery"),
                "-A",
                "portal",
                "worker",
                "--beat",
                "-c",
                "1",
                "-l",
                "warning",
                "--schedule",
                str(self.scratch / "beat-schedule"),
            ],
        )

    def serves_this_database(self, pid: int) -> bool:
        """Whether a postgres process is a backend of this benchmark's database (others on
        the shared server are someone else's work)."""
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as file:
                return self.database_name in file.read().decode(errors="replace")
        except OSError:
            return False

    @property
    def access_log(self) -> Path:
        return self.scratch / "access.log"

    def access_log_size(self) -> int:
        return self.access_log.stat().st_size if self.access_log.exists() else 0

    def server_seconds(self, path: str, offset: int) -> dict[str, list[float]]:
        """Seconds gunicorn spent on each request to `path` logged after `offset`, by method."""
        with open(self.access_log) as log:
            log.seek(offset)
            lines = log.read().splitlines()
        seconds: dict[str, list[float]] = {}
        for line in lines:
            method, logged_path, microseconds = line.split()
            if logged_path == path:
                seconds.setdefault(method, []).append(int(microseconds) / 1e6)
        return seconds

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)
        shutil.rmtree(self.mail_dir, ignore_errors=True)
        shutil.rmtree(self.scratch, ignore_errors=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"


def seed():
    from django.db import connection
    from django.utils import timezone

    # The app's modules load models: import them once fresh_database has set Django up.
    from bench import feedback_bare
    from council.models import (
        AgendaItem,
        Convening,
        CouncilSettings,
        Prompt,
        Question,
    )
    from demo.council import _at

    prompt = Prompt.objects.create(
        slug="bench",
        title="Bench prompt",
        mode="questions",
        subject="portrait",
        is_published=True,
    )
    Question.objects.create(prompt=prompt, sort_order=0, text="Clear?", kind="rating")
    Question.objects.create(
        prompt=prompt,
        sort_order=1,
        text="Which?",
        kind="single_choice",
        choices="Alpha\nBeta\nGamma",
    )
    Question.objects.create(
        prompt=prompt, sort_order=2, text="Missing?", kind="short_text", required=False
    )
    identified = Prompt.objects.create(
        slug="bench-identified",
        title="Identified",
        mode="questions",
        subject="portrait",
        identified=True,
        is_published=True,
    )
    Question.objects.create(prompt=identified, sort_order=0, text="Clear?", kind="rating")
    for slug, capacity in (("bench-seats", 50), ("bench-broker", 100)):
        convening = Convening.objects.create(
            slug=slug,
            title=slug,
            format="online",
            starts_at=_at(20, 10),
            ends_at=_at(20, 12),
            join_url="https://meet.example.org/bench",
            capacity=capacity,
            notice_published_at=timezone.now(),
        )
        AgendaItem.objects.create(
            convening=convening, starts_at="10:00", title="Welcome", kind="information"
        )
    CouncilSettings.load()  # the defaults, as a new portal has them
    with connection.cursor() as cursor:
        cursor.execute(feedback_bare.CREATE_TABLE)
    return prompt


class Client:
    """One participant: their own cookies and their own address."""

    def __init__(self, session, base: str, address: str):
        self.session, self.base = session, base
        self.headers = {"Host": HOST, "X-Forwarded-For": address}

    async def form(self, path: str) -> dict:
        async with self.session.get(self.base + path, headers=self.headers) as response:
            html = await response.text()
            if response.status != 200:
                raise RuntimeError(f"GET {path}: {response.status}")
        return {
            "csrfmiddlewaretoken": CSRF.search(html).group(1),
            "idempotency_key": KEY.search(html).group(1),
        }

    async def post(self, path: str, data: dict) -> tuple[int, float]:
        started = time.perf_counter()
        async with self.session.post(
            self.base + path,
            data=data,
            headers={**self.headers, "Referer": self.base + path},
            allow_redirects=False,
        ) as response:
            await response.read()
            return response.status, time.perf_counter() - started


def new_session():
    import aiohttp

    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=2, force_close=True),
        cookie_jar=aiohttp.CookieJar(unsafe=True),
        timeout=aiohttp.ClientTimeout(total=30),
    )


COUNCIL_PATH = "/council/prompts/bench/"
BARE_PATH = "/bench/bare/"


async def load(stack: Stack, args, path: str) -> dict:
    deadline = time.monotonic() + args.seconds
    latencies: list[float] = []
    accepted: set[str] = set()
    outcome = {"errors": 0, "statuses": {}, "double_clicks": 0, "gets": [], "sent_at": []}
    counter = iter(range(10**9))

    async def participant(slot: int) -> None:
        async with new_session() as session:
            while time.monotonic() < deadline:
                session.cookie_jar.clear()
                n = next(counter)
                client = Client(session, stack.base, f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}")
                try:
                    started = time.perf_counter()
                    data = await client.form(path)
                    outcome["gets"].append(time.perf_counter() - started)
                    data.update(
                        {
                            "q1": str(random.randint(1, 5)),
                            "q2": random.choice("ABG"),
                            "q3": "",
                            "website": "",
                        }
                    )
                    data["q2"] = {"A": "Alpha", "B": "Beta", "G": "Gamma"}[data["q2"]]
                    await asyncio.sleep(random.uniform(0.5, 1.5) * args.think)
                    if time.monotonic() >= deadline:
                        return
                    if n % 20 == 0:
                        outcome["double_clicks"] += 1
                        results = await asyncio.gather(
                            client.post(path, data),
                            client.post(path, data),
                        )
                    else:
                        results = [await client.post(path, data)]
                    sent_at = time.perf_counter() - begun
                    for status, seconds in results:
                        outcome["statuses"][status] = outcome["statuses"].get(status, 0) + 1
                        latencies.append(seconds)
                        outcome["sent_at"].append(sent_at - seconds)
                        if status == 302:
                            accepted.add(data["idempotency_key"])
                except Exception:  # a refused or timed-out request counts as an error
                    outcome["errors"] += 1
                    if stack.processes["web"].poll() is not None:
                        log = (stack.scratch / "web.log").read_text()[-3000:]
                        raise RuntimeError(f"gunicorn has stopped; its log ends:\n{log}") from None

    started = begun = time.perf_counter()
    await asyncio.gather(*(participant(slot) for slot in range(args.participants)))
    outcome.update(elapsed=time.perf_counter() - started, latencies=latencies, accepted=accepted)
    return outcome


async def rush(stack: Stack, path: str, people: int, form: dict, prefix: str) -> dict:
    """`people` load the form, then all send it at the same moment."""
    go = asyncio.Event()
    statuses: dict[int, int] = {}

    async def person(n: int) -> None:
        async with new_session() as session:
            client = Client(session, stack.base, f"{prefix}.{n >> 8}.{n & 255}")
            data = await client.form(path)
            data.update({key: value.format(n=n) for key, value in form.items()})
            ready.append(n)
            await go.wait()
            status, _ = await client.post(path, data)
            statuses[status] = statuses.get(status, 0) + 1

    ready: list[int] = []
    tasks = [asyncio.create_task(person(n)) for n in range(people)]
    while len(ready) < people and not all(task.done() for task in tasks):
        await asyncio.sleep(0.05)
    go.set()
    await asyncio.gather(*tasks)
    return statuses


REGISTER = {
    "name": "Person {n}",
    "email": "person{n}@example.org",
    "attendance_mode": "online",
    "accommodation_request": "",
    "website": "",
}
IDENTIFIED = {"name": "Person {n}", "email": "answer{n}@example.org", "q{q}": "4", "website": ""}


def council_keys(prompt):
    from council.models import Response

    def keys() -> list[str]:
        rows = Response.objects.filter(prompt=prompt).values_list("idempotency_key", flat=True)
        return [str(key) for key in rows]

    return keys


def bare_keys() -> list[str]:
    from django.db import connection

    from bench.feedback_bare import TABLE

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT idempotency_key FROM {TABLE}")
        return [str(row[0]) for row in cursor.fetchall()]


def measure(stack: Stack, args, path: str, name: str, saved_keys) -> dict:
    """Load `path` with --participants for --seconds, print its figures, return them."""
    print(
        f"\n{name} ({path}): {args.participants} participants, one connection per request, "
        f"for {args.seconds:.0f} s (think time {args.think:.1f} s on average) ...",
        flush=True,
    )
    web_group = stack.processes["web"].pid  # its own session: workers share the group
    me = os.getpid()

    def part_of(pid: int, name: str, group: int) -> str | None:
        if pid == me:
            return "load generator"
        if group == web_group:
            return "gunicorn"
        if name == "postgres":  # only the server processes of this benchmark's database
            return "postgres" if stack.serves_this_database(pid) else None
        return "redis" if name == "redis-server" else None

    log_from = stack.access_log_size()
    with CpuMeter(part_of) as cpu:
        outcome = asyncio.run(load(stack, args, path))
    server = stack.server_seconds(path, log_from)
    keys = saved_keys()
    in_db, distinct = len(keys), set(keys)
    accepted = outcome["accepted"]
    lost = len(accepted - distinct)
    unexpected = len(distinct - accepted)
    rate = len(accepted) / outcome["elapsed"]
    latencies = outcome["latencies"]
    median_ms, p95_ms, p99_ms = (percentile(latencies, q) * 1000 for q in (0.5, 0.95, 0.99))
    print(
        f"  {len(accepted)} submissions accepted in {outcome['elapsed']:.1f} s; "
        f"HTTP statuses {dict(sorted(outcome['statuses'].items()))}; "
        f"{outcome['errors']} client errors; {outcome['double_clicks']} double clicks"
    )
    print(
        f"  submissions per second   {rate:8.1f}   goal >= {GOAL_RATE:.0f}: "
        f"{rate / GOAL_RATE:.2f}x of goal -> {'MET' if rate >= GOAL_RATE else 'MISSED'}"
    )
    print(
        f"  submission latency       median {median_ms:.1f} ms, p95 {p95_ms:.1f} ms, "
        f"p99 {p99_ms:.1f} ms   goal p99 < {GOAL_P99_MS:.0f} ms: {p99_ms / GOAL_P99_MS:.2f}x "
        f"of the limit -> {'MET' if p99_ms < GOAL_P99_MS else 'MISSED'}"
    )
    settled = [
        seconds
        for seconds, sent_at in zip(latencies, outcome["sent_at"], strict=True)
        if sent_at >= WARM_UP_SECONDS
    ]
    if settled:
        print(
            f"  after the first {WARM_UP_SECONDS:.0f} s     median "
            f"{percentile(settled, 0.5) * 1000:.1f} ms, p99 {percentile(settled, 0.99) * 1000:.1f}"
            f" ms (the start, when all {args.participants} load the page at once, left out)"
        )
    gets = outcome["gets"]
    print(
        f"  page load (GET)          median {percentile(gets, 0.5) * 1000:.1f} ms, "
        f"p99 {percentile(gets, 0.99) * 1000:.1f} ms"
    )
    for method, seconds in sorted(server.items()):
        print(
            f"  inside gunicorn ({method})  median {percentile(seconds, 0.5) * 1000:.1f} ms, "
            f"p99 {percentile(seconds, 0.99) * 1000:.1f} ms (from accept to answer; the rest "
            "of the latency above is waiting in the listen queue and the client)"
        )
    # Each participant loads, thinks, sends, so even an instant server gets at most this.
    cycle = args.think + (percentile(gets, 0.5) + percentile(latencies, 0.5))
    print(
        f"  participants' pace       at these latencies {args.participants} participants can "
        f"send at most {args.participants / cycle:.0f}/s "
        f"({args.participants / args.think:.0f}/s with an instant server)"
    )
    parts = cpu.by_part()
    cores = cpu.machine_total / cpu.elapsed
    per = 1000 / max(len(accepted), 1)
    print(
        f"  CPU while loading        {cores:.0f} cores x {cpu.elapsed:.0f} s = "
        f"{cpu.machine_total:.0f} s available, {cpu.machine_busy:.0f} s busy; per "
        "accepted submission (with its page load): "
        + ", ".join(f"{part} {seconds * per:.1f} ms" for part, seconds in sorted(parts.items()))
        + f", everything else (other work on the machine) "
        f"{(cpu.machine_busy - sum(parts.values())) * per:.1f} ms"
    )
    print(
        f"  database {in_db} rows, generator saw {len(accepted)} accepted: "
        f"{lost} lost, {in_db - len(distinct)} duplicated, {unexpected} not seen accepted "
        f"-> {'MET' if lost == 0 and in_db == len(distinct) else 'MISSED'}"
    )
    print(f"  {load_average()}")
    return {"gunicorn_ms": parts.get("gunicorn", 0.0) * per}


def run(args, db) -> None:
    # The app's modules load models: import them once fresh_database has set Django up.
    from council.models import Convening, OutboundEmail, Prompt, Registration, Response

    for line in describe_environment(db):
        print(line)
    prompt = seed()
    stack = Stack(args, db.url)
    try:
        stack.start_broker()
        stack.start_web()
        default_workers = min((os.cpu_count() or 1) + 1, 8)  # as gunicorn.conf.py has it
        workers = stack.env.get("WEB_CONCURRENCY") or f"{default_workers} (the default)"
        print(
            f"gunicorn on {stack.base} ({workers} sync workers x {args.threads or 1} threads, "
            "listen backlog 2048; "
            "bench/feedback_settings.py: production settings, DEBUG=False), "
            f"broker redis on port {stack.broker_port}, cache {CACHE_URL}"
        )

        council = measure(stack, args, COUNCIL_PATH, "council form", council_keys(prompt))
        bare = measure(stack, args, BARE_PATH, "bare view (baseline)", bare_keys)
        ratio = council["gunicorn_ms"] / bare["gunicorn_ms"]
        print(
            "\ngunicorn CPU per submission (with its page load): council "
            f"{council['gunicorn_ms']:.1f} ms, bare view {bare['gunicorn_ms']:.1f} ms: "
            f"ratio {ratio:.2f}   goal <= "
            f"{GOAL_CPU_RATIO:.0f}x -> {'MET' if ratio <= GOAL_CPU_RATIO else 'MISSED'}"
        )
        print(f"  {load_average()}")
        if args.load_only:
            return

        # A hundred registrations at once for fifty seats.
        statuses = asyncio.run(
            rush(stack, "/council/convenings/bench-seats/register/", 100, REGISTER, "10.200")
        )
        seats = Convening.objects.get(slug="bench-seats")
        registered = seats.registrations.filter(status="registered").count()
        waiting = seats.registrations.filter(status="waitlisted").count()
        print(
            f"\nseats: 100 registrations sent at once for 50 seats: HTTP {statuses}; "
            f"{registered} registered, {waiting} on the waitlist -> "
            f"{'MET' if (registered, waiting) == (50, 50) else 'MISSED'}"
        )

        # The broker stops; submissions are saved and their mail waits.
        stack.stop("broker")
        identified = Prompt.objects.get(slug="bench-identified")
        q = identified.questions.get().pk
        answer_form = {key.format(q=q): value for key, value in IDENTIFIED.items()}
        before = OutboundEmail.objects.filter(sent_at__isnull=True).count()
        started = time.perf_counter()
        reg_statuses = asyncio.run(
            rush(stack, "/council/convenings/bench-broker/register/", 20, REGISTER, "10.201")
        )
        ans_statuses = asyncio.run(
            rush(stack, "/council/prompts/bench-identified/", 20, answer_form, "10.202")
        )
        during = time.perf_counter() - started
        saved_regs = Registration.objects.filter(convening__slug="bench-broker").count()
        saved_answers = Response.objects.filter(prompt=identified).count()
        waiting_mail = OutboundEmail.objects.filter(sent_at__isnull=True).count()
        print(
            f"\nbroker stopped: registrations HTTP {reg_statuses}, answers HTTP {ans_statuses} "
            f"({during:.1f} s for both rounds); saved {saved_regs}/20 registrations, "
            f"{saved_answers}/20 answers; {waiting_mail - before} new mails waiting in the "
            f"outbox ({waiting_mail} in all)"
        )
        stack.start_broker()
        stack.start_worker()
        back = time.perf_counter()
        total = OutboundEmail.objects.count()
        while time.perf_counter() - back < 150:
            if not OutboundEmail.objects.filter(sent_at__isnull=True).exists():
                break
            time.sleep(1)
        unsent = OutboundEmail.objects.filter(sent_at__isnull=True).count()
        files = len(list(stack.mail_dir.iterdir()))
        ok = saved_regs == 20 and saved_answers == 20 and unsent == 0
        print(
            f"broker back with a worker and beat: {total - unsent}/{total} mails sent "
            f"({files} mail files written) {time.perf_counter() - back:.0f} s later -> "
            f"{'MET' if ok else 'MISSED'}"
        )
    finally:
        stack.stop_all()


if __name__ == "__main__":
    main()
