"""Batched reads for synchronous GraphQL execution.

A resolver may return a `Future` (usually from `BatchLoader.load`) instead of a value. The
executor below completes every field it can, then dispatches the batches that are waiting,
which settles their futures and completes the fields that waited on them; what those fields
ask for waits for the next round. So the N items of a list that need the same loader cost one
batch, level after level (breadth-first), and nothing here needs threads or asyncio.
"""

from collections.abc import Callable, Hashable
from functools import partial
from typing import Any

from graphql import ExecutionContext, located_error
from graphql.execution.execute import get_field_def
from graphql.pyutils import Path, Undefined

_PENDING = object()


class Future:
    """A value some batch provides later, in this same thread. Callbacks run, in the order
    they were added, as soon as it settles (at once if it has)."""

    __slots__ = ("_value", "_error", "_callbacks")

    def __init__(self) -> None:
        self._value: Any = _PENDING
        self._error: BaseException | None = None
        self._callbacks: list[Callable[[Future], None]] = []

    def done(self) -> bool:
        return self._value is not _PENDING or self._error is not None

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        if self._value is _PENDING:
            raise RuntimeError("This future has not settled yet.")
        return self._value

    def set_result(self, value: Any) -> None:
        if isinstance(value, Future):  # settle with what that one settles with
            value.add_done_callback(self._adopt)
        else:
            self._settle(value, None)

    def set_exception(self, error: BaseException) -> None:
        self._settle(_PENDING, error)

    def add_done_callback(self, callback: "Callable[[Future], None]") -> None:
        if self.done():
            callback(self)
        else:
            self._callbacks.append(callback)

    def then(self, on_value: Callable | None = None, on_error: Callable | None = None) -> "Future":
        """A future of what `on_value` makes of this one's value (or `on_error` of its error);
        either may return another future, which is waited for."""
        derived = Future()

        def settle(source: Future) -> None:
            try:
                if source._error is None:
                    outcome = on_value(source._value) if on_value else source._value
                elif on_error is None:
                    return derived.set_exception(source._error)
                else:
                    outcome = on_error(source._error)
            except Exception as error:  # the derived future carries it to whoever waits
                return derived.set_exception(error)
            derived.set_result(outcome)

        self.add_done_callback(settle)
        return derived

    def _adopt(self, source: "Future") -> None:
        self._settle(source._value, source._error)

    def _settle(self, value: Any, error: BaseException | None) -> None:
        if self.done():
            raise RuntimeError("This future has already settled.")
        self._value, self._error = value, error
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(self)


def gather(values: list) -> Future:
    """One future for a list of values and futures, in order; it fails with the first failure."""
    gathered = Future()
    results = list(values)
    waiting = [index for index, value in enumerate(results) if isinstance(value, Future)]
    remaining = len(waiting)

    def settled(index: int, future: Future) -> None:
        nonlocal remaining
        if gathered.done():
            return  # already failed
        if future._error is not None:
            return gathered.set_exception(future._error)
        results[index] = future._value
        remaining -= 1
        if not remaining:
            gathered.set_result(results)

    if not waiting:
        gathered.set_result(results)
    for index in waiting:
        results[index].add_done_callback(partial(settled, index))
    return gathered


class Batches:
    """The loaders of one request that have keys waiting, in the order they first asked."""

    def __init__(self) -> None:
        self._waiting: list[BatchLoader] = []

    def enqueue(self, loader: "BatchLoader") -> None:
        self._waiting.append(loader)

    def dispatch(self) -> bool:
        """Run every waiting batch once; False if none was waiting. Keys asked for while these
        settle wait for the next call (or join a batch of this round that has not run yet)."""
        waiting, self._waiting = self._waiting, []
        for loader in waiting:
            loader.dispatch()
        return bool(waiting)


def batches_for(context: Any) -> Batches:
    """The request's batches, kept on its context (any object with attributes)."""
    attributes = getattr(context, "__dict__", None)
    if attributes is None:
        return Batches()  # nothing can load through such a context: nothing will wait
    return attributes.setdefault("_graphql_batches", Batches())


class BatchLoader:
    """Collects the keys asked for until the next dispatch, then reads them with one call to
    `batch(keys)`, which returns one value per key in key order (an exception instance fails
    that key alone). Values are kept per key for as long as the loader lives."""

    def __init__(self, batches: Batches) -> None:
        self._batches = batches
        self._futures: dict[Hashable, Future] = {}
        self._waiting: dict[Hashable, Future] = {}

    def batch(self, keys: list) -> list:
        raise NotImplementedError

    def load(self, key: Hashable) -> Future:
        future = self._futures.get(key)
        if future is None:
            future = self._futures[key] = Future()
            if not self._waiting:
                self._batches.enqueue(self)
            self._waiting[key] = future
        return future

    def dispatch(self) -> None:
        waiting, self._waiting = self._waiting, {}
        keys = list(waiting)
        try:
            values = self.batch(keys)
            if len(values) != len(keys):
                raise ValueError(
                    f"{type(self).__name__}.batch returned {len(values)} values "
                    f"for {len(keys)} keys."
                )
        except Exception as error:  # every key of the batch fails with it
            for future in waiting.values():
                future.set_exception(error)
            return
        for future, value in zip(waiting.values(), values, strict=True):
            if isinstance(value, Exception):
                future.set_exception(value)
            else:
                future.set_result(value)


class DeferredExecutionContext(ExecutionContext):
    """graphql-core's executor, letting resolvers (and list items) be futures. Fields that
    wait are completed once the batches are dispatched; their errors are located at their own
    path and handled by graphql-core's handle_field_error, so null propagation is the same."""

    def execute_operation(self, operation, root_value):
        self._batches = batches_for(self.context_value)
        return self._wait(super().execute_operation(operation, root_value))

    def execute_fields_serially(self, parent_type, source_value, path, fields):
        # Mutations: each field settles (its batches dispatched) before the next one runs.
        results = {}
        for response_name, field_nodes in fields.items():
            field_path = Path(path, response_name, parent_type.name)
            result = self.execute_field(parent_type, source_value, field_nodes, field_path)
            result = self._wait(result)
            if result is not Undefined:
                results[response_name] = result
        return results

    def execute_fields(self, parent_type, source_value, path, fields):
        results = super().execute_fields(parent_type, source_value, path, fields)
        waiting = [name for name, value in results.items() if isinstance(value, Future)]
        if not waiting:
            return results

        def fill_in(values: list) -> dict:
            results.update(zip(waiting, values, strict=True))
            return results

        return gather([results[name] for name in waiting]).then(fill_in)

    def execute_field(self, parent_type, source, field_nodes, path):
        completed = super().execute_field(parent_type, source, field_nodes, path)
        if not isinstance(completed, Future):
            return completed
        return_type = get_field_def(self.schema, parent_type, field_nodes[0]).type
        return completed.then(on_error=partial(self._failed, return_type, field_nodes, path))

    def complete_value(self, return_type, field_nodes, info, path, result):
        if isinstance(result, Future):
            if not result.done():
                return result.then(
                    partial(self.complete_value, return_type, field_nodes, info, path)
                )
            result = result.result()  # a failure raises here, for the caller to locate
        return super().complete_value(return_type, field_nodes, info, path, result)

    def complete_list_value(self, return_type, field_nodes, info, path, result):
        completed = super().complete_list_value(return_type, field_nodes, info, path, result)
        if not isinstance(completed, list):
            return completed
        waiting = [index for index, item in enumerate(completed) if isinstance(item, Future)]
        if not waiting:
            return completed
        item_type = return_type.of_type
        for index in waiting:
            failed = partial(self._failed, item_type, field_nodes, path.add_key(index, None))
            completed[index] = completed[index].then(on_error=failed)
        return gather(completed)

    def _failed(self, return_type, field_nodes, path: Path, raw_error: Exception):
        """What graphql-core does with an error raised while completing a field at once."""
        error = located_error(raw_error, field_nodes, path.as_list())
        self.handle_field_error(error, return_type, path)  # raises for a non-null field
        return None

    def _wait(self, value):
        """The value, or once every batch it needs has been dispatched, what it settles to."""
        if not isinstance(value, Future):
            return value
        while not value.done():
            if not self._batches.dispatch():
                raise RuntimeError("A field waits for a value that no batch will provide.")
        return value.result()
