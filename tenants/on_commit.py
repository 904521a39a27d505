"""Run a callable once when the current transaction commits, however often it is asked for.

Every request registers an ordinary `transaction.on_commit` callback, so Django keeps
deciding what a savepoint rollback or a rollback discards; the callbacks of one commit share
a batch, and only the first surviving callback for each key runs.
"""

from collections.abc import Callable, Hashable

from django.db import DEFAULT_DB_ALIAS, connections, transaction

# The attribute this module owns on a connection: the batch of callbacks not yet run.
_BATCH_ATTRIBUTE = "_portal_on_commit_once_batch"


class _Batch:
    """The keys already run in one commit."""

    def __init__(self) -> None:
        self.done: set[Hashable] = set()


def on_commit_once(
    key: Hashable, fn: Callable[[], object], *, using: str = DEFAULT_DB_ALIAS, robust: bool = False
) -> None:
    """Run `fn` after the transaction commits, unless a callback with `key` runs first."""
    connection = connections[using]
    # Left in place by a rollback: nothing of it ran, so the next transaction may use it.
    kept: _Batch | None = getattr(connection, _BATCH_ATTRIBUTE, None)
    batch = kept if kept is not None else _Batch()
    setattr(connection, _BATCH_ATTRIBUTE, batch)

    def run_once() -> None:
        if getattr(connection, _BATCH_ATTRIBUTE, None) is batch:
            # The commit has begun: anything asked for from now on belongs to a later one.
            setattr(connection, _BATCH_ATTRIBUTE, None)
        if key in batch.done:
            return
        batch.done.add(key)
        fn()

    transaction.on_commit(run_once, using=using, robust=robust)
