"""Data loaders live for one request: each is made on first use and kept on the context."""

from collections.abc import Callable, Hashable, Iterable

from graphql_sync_dataloaders import SyncDataLoader, SyncFuture


class Loader(SyncDataLoader):
    """Subclasses implement `batch(keys)` returning one value per key, in key order."""

    def __init__(self, context):
        self.context = context
        super().__init__(self.batch)

    def batch(self, keys: list) -> list:
        raise NotImplementedError


def get_loader(info_or_context, loader_class: type[Loader]) -> Loader:
    context = getattr(info_or_context, "context", info_or_context)
    loaders = context.__dict__.setdefault("_graphql_loaders", {})
    if loader_class not in loaders:
        loaders[loader_class] = loader_class(context)
    return loaders[loader_class]


def in_key_order(keys: list, rows: Iterable, key: Callable[[object], Hashable], default=None):
    by_key = {key(row): row for row in rows}
    return [by_key.get(k, default) for k in keys]


def grouped_in_key_order(keys: list, rows: Iterable, key: Callable[[object], Hashable]):
    groups: dict = {k: [] for k in keys}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return [groups[k] for k in keys]


def then(future, fn: Callable):
    """What `fn` makes of the future's value, as a future the executor can wait on (one level:
    `fn` must not return another pending future)."""
    if not isinstance(future, SyncFuture):
        return fn(future)
    if future.done():
        return fn(future.result())
    derived = SyncFuture()
    derived.deferred_callback = future.deferred_callback

    def finish():
        try:
            derived.set_result(fn(future.result()))
        except Exception as error:  # handed to the executor, which reports it on the field
            derived.set_exception(error)

    future.add_done_callback(finish)
    return derived


def load_many(loader: SyncDataLoader, keys: list):
    """One future for the values of several keys, in key order."""
    futures = [loader.load(key) for key in keys]
    pending = [future for future in futures if not future.done()]
    if not pending:
        return [future.result() for future in futures]
    derived = SyncFuture()
    # Whichever future heads the loader's queue carries its dispatch; hand it on.
    derived.deferred_callback = next(
        (f.deferred_callback for f in pending if f.deferred_callback), None
    )
    remaining = len(pending)

    def one_done():
        nonlocal remaining
        remaining -= 1
        if remaining == 0:
            try:
                derived.set_result([future.result() for future in futures])
            except Exception as error:  # reported by the executor on the field
                derived.set_exception(error)

    for future in pending:
        future.add_done_callback(one_done)
    return derived
