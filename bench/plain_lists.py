"""Benchmark: GraphQL list completion by api.plain_lists against graphql-core's own,
side by side in one process on the same rows (bench/graphql.py's seed, response cache off).

    .venv/bin/python bench/plain_lists.py [--large 1300] [--runs 15]
                                          [--database-url postgres://postgres@127.0.0.1:5432/postgres]

The two alternate three times, so a change in the machine's load hits both alike; printed
per operation: the median of the three medians for each, and graphql-core's over ours.
"""

import importlib.util
import random
import statistics
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "graphql_bench", Path(__file__).resolve().parent / "graphql.py"
)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
from _fresh_db import add_database_arguments, fresh_database, load_average  # noqa: E402


def main():
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--large", type=int, default=1300)
    parser.add_argument("--runs", type=int, default=15)
    add_database_arguments(parser)
    args = parser.parse_args()
    with fresh_database(args, prefix="bench_plain_lists"):
        run(args)


def run(args):
    from django.test import override_settings

    from api.deferred import DeferredExecutionContext
    from api.execution import PortalExecutionContext

    compiled = PortalExecutionContext.complete_list_value
    general = DeferredExecutionContext.complete_list_value
    bench.seed_state()
    client = bench.signed_in_client()
    bench.add_districts(0, args.large, random.Random(4))
    print(f"seeded {args.large} districts; {load_average()}")
    results = {}
    with override_settings(WAGTAIL_CACHE=False, GRAPHQL_RATE_LIMIT_PER_ADDRESS=None):
        for _round in range(3):  # alternate, so load drifts hit both alike
            for label, method in (("plain_lists", compiled), ("graphql-core", general)):
                PortalExecutionContext.complete_list_value = method
                for name in bench.OPERATIONS:
                    m = bench.measure(client, name, args.runs)
                    results.setdefault((name, label), []).append(m)
    print(f"done; {load_average()}")
    print(f"{'operation':22} {'plain_lists med':>16} {'graphql-core med':>17} {'ratio':>6}")
    for name in bench.OPERATIONS:
        a = statistics.median(m["median"] for m in results[name, "plain_lists"])
        b = statistics.median(m["median"] for m in results[name, "graphql-core"])
        print(f"{name:22} {a:16.1f} {b:17.1f} {b / a:6.2f}")


if __name__ == "__main__":
    main()
