"""Benchmark: abusive GraphQL requests beside a plain contract operation, in one run.

    .venv/bin/python bench/graphql_abuse.py [--districts 200] [--runs 15] [--keep]
                                            [--database-url postgres://...]

Creates a fresh database, writes the read model of `--districts` districts the way
bench/graphql.py does, and sends each request below anonymously through the real endpoint
(/graphql/ on the state's host, Django's test client, the response cache on as deployed, the
rate limit off so that every request is answered) `--runs` times after one warm-up call. The
plain operation is timed twice: computed (the response cache off) and from the cache. Printed
for each: the status, the error code of its answer, median and slowest time, and the ratio of
its median to that of the computed plain StatewideAdoption, timed in the same run.

The portal's bound: every abusive request is answered (data or a GraphQL error, never a 500)
within BOUND_MS on this machine; the script says which, if any, missed it.
"""

import argparse
import importlib.util
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# _fresh_db takes this folder off the path again: `import graphql` must find graphql-core.
from _fresh_db import (  # noqa: E402
    add_database_arguments,
    describe_environment,
    fresh_database,
    load_average,
)

BENCH_DIR = Path(__file__).resolve().parent
BOUND_MS = 100  # medians on 2 cores shared by eight engineers (load average 9-11)


def fan_out(levels: int) -> str:
    fragments = [f"fragment F{n} on Query {{ ...F{n + 1} ...F{n + 1} }}" for n in range(levels)]
    fragments.append(f"fragment F{levels} on Query {{ districts {{ name }} }}")
    return "query FanOut { ...F0 }\n" + "\n".join(fragments)


def outcome_aliases(count: int) -> str:
    fields = "district { slug } gradeBand level count suppressed"
    return (
        "query Everything { "
        + " ".join(
            f'o{n}: learnerOutcomes(competency: "sc-1", schoolYear: "2024-25") {{ {fields} }}'
            for n in range(count)
        )
        + " }"
    )


def as_body(query: str, variables: dict | None = None) -> str:
    return json.dumps({"query": query, "variables": variables or {}})


PLAIN_COMPUTED = "plain StatewideAdoption, computed"
PLAIN_CACHED = "plain StatewideAdoption, from the cache"
PLAIN = as_body(
    "query StatewideAdoption($region: String) "
    "{ statewideAdoption(region: $region) { stage districtCount } }"
)
ABUSIVE = {
    "fragment fan-out, 20 levels (837 bytes)": as_body(fan_out(20)),
    "fragment fan-out, 40 levels": as_body(fan_out(40)),
    "fragment cycle": as_body("fragment F on Query { ...F } { ...F }"),
    "undefined fragment": as_body("{ ...Nowhere }"),
    "2.5 MB body of __typename": as_body("{ " + "__typename " * 230_000 + "}"),
    "10,000 characters (the source limit)": as_body("{ __typename }" + " " * 9_980),
    "12,000 characters": as_body("{ __typename }" + " " * 12_000),
    "990 tokens of unknown fields": as_body("{ " + " ".join(f"f{n}" for n in range(988)) + " }"),
    "1,100 tokens": as_body("{" + " a" * 1_100 + " }"),
    "a field 11 times in one selection": as_body("{ " + "__typename " * 11 + "}"),
    "nesting 400 levels": as_body('{ district(slug: "a") ' + "{ portrait " * 400 + "}" * 401),
    "240 aliases": as_body("{ " + " ".join(f"t{n}: __typename" for n in range(240)) + " }"),
    "20 aliases of the state's outcomes": as_body(outcome_aliases(20)),
    "12 permission errors": as_body(
        "{ "
        + " ".join(
            f'd{n}: district(slug: "d00001") {{ assessment(framework: "f") {{ name }} }}'
            for n in range(12)
        )
        + " }"
    ),
    "NUL byte in a variable": as_body(
        "query D($slug: String!) { district(slug: $slug) { name } }", {"slug": "d0\x00"}
    ),
    "JSON nested 5,000 deep": (
        '{"query": "{ __typename }", "variables": {"v": ' + "[" * 5_000 + "]" * 5_000 + "}}"
    ),
    "introspection, anonymous": as_body("{ __schema { types { name fields { name } } } }"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--districts", type=int, default=200)
    parser.add_argument("--runs", type=int, default=15)
    add_database_arguments(parser)
    args = parser.parse_args()
    with fresh_database(args, prefix="bench_graphql_abuse") as db:
        run(args, db)


def run(args, db) -> None:
    from django.test import Client, override_settings

    for line in describe_environment(db):
        print(line)
    seeding = _bench_graphql_module()
    seeding.seed_state()
    seeding.add_districts(0, args.districts, random.Random(4))
    print(f"seeded {args.districts:,} districts; {load_average()}\n")
    client = Client(HTTP_HOST="localhost")
    requests = {PLAIN_COMPUTED: (PLAIN, False), PLAIN_CACHED: (PLAIN, True)}
    requests.update((name, (body, True)) for name, body in ABUSIVE.items())
    timings = {name: [] for name in requests}
    answers = {}
    # Interleaved, so that a busy moment of the machine falls on every request alike.
    for run_number in range(args.runs + 1):
        for name, (body, response_cache) in requests.items():
            # Production's DEBUG, and the rate limit off so that every request is answered.
            with override_settings(
                DEBUG=False, GRAPHQL_RATE_LIMIT_PER_ADDRESS=None, WAGTAIL_CACHE=response_cache
            ):
                elapsed, answers[name] = timed(client, body)
            if run_number:
                timings[name].append(elapsed)
    report(timings, answers)
    print(f"\n{load_average()}")


def timed(client, body: str) -> tuple[float, tuple[int, str]]:
    started = time.perf_counter()
    response = client.post("/graphql/", body, content_type="application/json")
    elapsed = (time.perf_counter() - started) * 1000
    errors = json.loads(response.content).get("errors") or [{}]
    code = errors[0].get("extensions", {}).get("code") or errors[0].get("message", "data")[:40]
    return elapsed, (response.status_code, f"{code} x{len(errors)}" if len(errors) > 1 else code)


def report(timings: dict, answers: dict) -> None:
    plain = statistics.median(timings[PLAIN_COMPUTED])
    header = ("request", "status", "answer", "median ms", "max ms", "ratio")
    print("{:42} {:>6}  {:42} {:>9} {:>7} {:>6}".format(*header))
    missed = []
    for name, values in timings.items():
        status, code = answers[name]
        median, slowest = statistics.median(values), max(values)
        print(
            f"{name:42} {status:>6}  {code:42} {median:9.1f} {slowest:7.1f} {median / plain:6.2f}"
        )
        if name in ABUSIVE and (status >= 500 or median > BOUND_MS):
            missed.append(name)
    print(f"\nratio: median over the computed plain operation's median ({plain:.1f} ms)")
    verdict = "every abusive request met it" if not missed else f"MISSED by {', '.join(missed)}"
    print(f"bound: a median under {BOUND_MS} ms and no 5xx; {verdict}")


def _bench_graphql_module():
    """bench/graphql.py's seeding, loaded by path (its name would shadow graphql-core)."""
    spec = importlib.util.spec_from_file_location("bench_graphql", BENCH_DIR / "graphql.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != BENCH_DIR]
    return module


if __name__ == "__main__":
    main()
