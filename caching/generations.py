"""The one way every cache forgets: a generation number per schema, bumped when its rows change.

Each schema has a counter in the "pages" cache, and there is one more, EVERY_SCHEMA, for the
state's rows that every site shows (state competencies, the portrait label). A cached value's
key carries the counters of the schema it was read in, so bumping a counter (one atomic INCR)
makes everything cached under the old number unreachable at once, in every process: it is
never read again and expires with its timeout. No key is deleted by pattern, and no other
schema's entries are touched. Timeouts only bound memory; they are never what forgets.

`invalidate()` bumps now, so this connection's next read sees the change, and again when the
transaction commits, so a value read from the old rows in between is not kept. Each request
reads a schema's generation once and keeps it (`pinned_generations`), so a value computed from
rows older than a commit is stored under the number from before it.
"""

import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import TypeVar

from django.core.cache import caches
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name

GENERATION_KEY_PREFIX = "generation:"  # then a schema name, or EVERY_SCHEMA
EVERY_SCHEMA = "*"  # what every schema's pages show: the state's competencies and settings
COUNTERS_CACHE = "pages"
# A value kept under a generation lives at most this long; a bump forgets it before then.
VALUE_SECONDS = 3600

T = TypeVar("T")

# The generation each schema had when the current request first asked: {schema_name: "n.m"}.
_request_generations: ContextVar[dict[str, str] | None] = ContextVar(
    "cache_generations", default=None
)


def generation(schema_name: str) -> str:
    """The schema's own counter and the one every schema shares, read in one round trip."""
    pinned = _request_generations.get()
    if pinned is not None and schema_name in pinned:
        return pinned[schema_name]
    cache = caches[COUNTERS_CACHE]
    keys = [GENERATION_KEY_PREFIX + schema_name, GENERATION_KEY_PREFIX + EVERY_SCHEMA]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # A lost counter restarts above any value it can have reached, never at an old one.
            cache.add(key, time.time_ns(), timeout=None)
            found[key] = cache.get(key)
    number = ".".join(str(found[key]) for key in keys)
    if pinned is not None:
        pinned[schema_name] = number
    return number


@contextmanager
def pinned_generations() -> Iterator[None]:
    """Within the block (one request), each schema's generation is read once and kept."""
    token = _request_generations.set({})
    try:
        yield
    finally:
        _request_generations.reset(token)


def invalidate(schema_name: str) -> None:
    """Forget everything cached for one schema (or, given EVERY_SCHEMA, for all of them), now
    and again when the transaction commits."""
    _bump(schema_name)
    transaction.on_commit(partial(_bump, schema_name))


def invalidate_state() -> None:
    """Forget what the state's schema caches: its pages, GraphQL answers, council prompts and
    settings, and the host routes."""
    invalidate(get_public_schema_name())


def _bump(scope: str) -> None:
    cache, key = caches[COUNTERS_CACHE], GENERATION_KEY_PREFIX + scope
    try:
        cache.incr(key)
    except ValueError:  # no counter yet, so nothing cached under one either
        cache.add(key, time.time_ns(), timeout=None)


def generational_key(key: str, schema_name: str | None = None) -> str:
    """`key` as kept under the schema's current generation (the connection's schema by
    default); compute it once, before reading what the value is made from."""
    return f"{key}@{generation(schema_name or connection.schema_name)}"


def remember(
    key: str,
    compute: Callable[[], T],
    *,
    schema_name: str | None = None,
    cache_alias: str = "default",
) -> T:
    """`compute()`, kept in the cache until the schema's generation changes. A None result
    is not kept (nothing was found; an unknown name must not fill the cache)."""
    cache = caches[cache_alias]
    full_key = generational_key(key, schema_name)
    local_key = (cache_alias, cache.make_key(full_key))  # make_key adds the schema
    if (kept := _in_process.get(local_key)) is not None:
        return pickle.loads(kept)  # a copy of its own for each request
    value = cache.get(full_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, VALUE_SECONDS)
    if value is not None:
        _in_process.put(local_key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value


class _ProcessMemory:
    """The most recently used remembered values of this process, pickled, by generational key,
    up to a number of bytes. A key carries its generation, which each request reads from the
    shared cache, so a bump in any process forgets these at once too: they save a round trip,
    never serve a stale value."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.values: OrderedDict[tuple, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self.lock:
            value = self.values.get(key)
            if value is not None:
                self.values.move_to_end(key)
            return value

    def put(self, key: tuple, value: bytes) -> None:
        if len(value) > self.max_bytes // 16:
            return  # a large value stays in the shared cache only
        with self.lock:
            if (old := self.values.pop(key, None)) is not None:
                self.size -= len(old)
            self.values[key] = value
            self.size += len(value)
            while self.size > self.max_bytes:
                self.size -= len(self.values.popitem(last=False)[1])


_in_process = _ProcessMemory(max_bytes=4 * 1024 * 1024)
