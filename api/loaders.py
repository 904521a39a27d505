"""Data loaders live for one request: each is made on first use and kept on the context."""

from collections.abc import Callable, Hashable, Iterable

from api.deferred import BatchLoader, Future, batches_for, gather


class Loader(BatchLoader):
    """Subclasses implement `batch(keys)` returning one value per key, in key order."""

    def __init__(self, context):
        self.context = context
        super().__init__(batches_for(context))

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


def then(value, fn: Callable):
    """What `fn` makes of a value that may be a future: at once when it is there, else as a
    future the executor waits on (`fn` may itself return a future)."""
    if not isinstance(value, Future):
        return fn(value)
    if value.done():
        return fn(value.result())
    return value.then(fn)


def load_many(loader: BatchLoader, keys: list):
    """The values of several keys in key order: a list when all are there, else a future."""
    futures = [loader.load(key) for key in keys]
    if all(future.done() for future in futures):
        return [future.result() for future in futures]
    return gather(futures)
