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
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined, is_iterable

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
    values = list(values)
    return _fill_in(values, [i for i, value in enumerate(values) if isinstance(value, Future)])


def _fill_in(container, slots: list, on_error: Callable | None = None) -> Future:
    """A future of `container` once the futures at `slots` have settled, each replaced by its
    value (or by what `on_error(slot, error)` returns); it fails if one fails unhandled."""
    filled = Future()
    remaining = len(slots)

    def settled(slot, future: Future) -> None:
        nonlocal remaining
        if filled.done():
            return  # failed already
        if future._error is None:
            container[slot] = future._value
        elif on_error is None:
            return filled.set_exception(future._error)
        else:
            try:
                container[slot] = on_error(slot, future._error)
            except Exception as error:  # the error reaches whoever waits on the container
                return filled.set_exception(error)
        remaining -= 1
        if not remaining:
            filled.set_result(container)

    if not slots:
        filled.set_result(container)
    for slot in slots:
        container[slot].add_done_callback(partial(settled, slot))
    return filled


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
    """graphql-core's executor for synchronous resolvers, letting a resolver's value (or a
    list item) be a future. Fields that wait are completed once their batches are dispatched;
    their errors are located at their own path and handled by graphql-core's
    handle_field_error, so null propagation is the same as for values there at once."""

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
        results = {}
        waiting = []
        for response_name, field_nodes in fields.items():
            field_path = Path(path, response_name, parent_type.name)
            result = self.execute_field(parent_type, source_value, field_nodes, field_path)
            if result is not Undefined:
                results[response_name] = result
                if type(result) is Future:
                    waiting.append(response_name)
        return _fill_in(results, waiting) if waiting else results

    def execute_field(self, parent_type, source, field_nodes, path):
        # graphql-core's, less its awaitables, plus futures.
        field_def = get_field_def(self.schema, parent_type, field_nodes[0])
        if not field_def:
            return Undefined
        return_type = field_def.type
        resolve_fn = field_def.resolve or self.field_resolver
        if self.middleware_manager:
            resolve_fn = self.middleware_manager.get_field_resolver(resolve_fn)
        info = self.build_resolve_info(field_def, field_nodes, parent_type, path)
        try:
            args = get_argument_values(field_def, field_nodes[0], self.variable_values)
            result = resolve_fn(source, info, **args)
            if type(result) is Future:
                if not result.done():
                    return self._settle(result, return_type, field_nodes, info, path)
                result = result.result()
            completed = self.complete_value(return_type, field_nodes, info, path, result)
            if type(completed) is Future:  # something below waits
                return self._settle(completed, return_type, field_nodes, None, path)
            return completed
        except Exception as raw_error:
            return self._failed(return_type, field_nodes, path, raw_error)

    def complete_list_value(self, return_type, field_nodes, info, path, result):
        if not is_iterable(result):  # graphql-core reports it
            return super().complete_list_value(return_type, field_nodes, info, path, result)
        item_type = return_type.of_type
        completed = []
        waiting = []
        for index, item in enumerate(result):
            item_path = path.add_key(index, None)
            try:
                if type(item) is Future:
                    if not item.done():
                        waiting.append(index)
                        completed.append(
                            self._settle(item, item_type, field_nodes, info, item_path)
                        )
                        continue
                    item = item.result()
                value = self.complete_value(item_type, field_nodes, info, item_path, item)
                if type(value) is Future:  # something below waits
                    waiting.append(index)
            except Exception as raw_error:
                value = self._failed(item_type, field_nodes, item_path, raw_error)
            completed.append(value)
        if not waiting:
            return completed
        return _fill_in(
            completed, waiting, partial(self._item_failed, item_type, field_nodes, path)
        )

    def _settle(self, future: Future, return_type, field_nodes, info, path: Path) -> Future:
        """A future of the field's value: `future`'s completed (unless `info` is None, when it
        is already complete), or null when it fails, as graphql-core handles a failure."""
        settled = Future()

        def fail(raw_error: Exception) -> None:
            try:
                settled.set_result(self._failed(return_type, field_nodes, path, raw_error))
            except Exception as error:  # a non-null field: its parent is nulled in turn
                settled.set_exception(error)

        def done(source: Future) -> None:
            if source._error is not None:
                return fail(source._error)
            value = source._value
            if info is not None:
                try:
                    value = self.complete_value(return_type, field_nodes, info, path, value)
                except Exception as raw_error:
                    return fail(raw_error)
                if type(value) is Future:
                    return value.add_done_callback(partial(self._settle_with, settled, fail))
            settled.set_result(value)

        future.add_done_callback(done)
        return settled

    @staticmethod
    def _settle_with(settled: Future, fail: Callable, source: Future) -> None:
        if source._error is not None:
            fail(source._error)
        else:
            settled.set_result(source._value)

    def _item_failed(self, item_type, field_nodes, path: Path, index: int, raw_error: Exception):
        return self._failed(item_type, field_nodes, path.add_key(index, None), raw_error)

    def _failed(self, return_type, field_nodes, path: Path, raw_error: Exception):
        """What graphql-core does with an error raised while completing a field."""
        error = located_error(raw_error, field_nodes, path.as_list())
        self.handle_field_error(error, return_type, path)  # raises for a non-null field
        return None

    def _wait(self, value):
        """The value, or once every batch it needs has been dispatched, what it settles to."""
        if type(value) is not Future:
            return value
        while not value.done():
            if not self._batches.dispatch():
                raise RuntimeError("A field waits for a value that no batch will provide.")
        return value.result()
