import logging

from graphql import GraphQLError

from api.deferred import DeferredExecutionContext
from api.plain_lists import compile_item

logger = logging.getLogger(__name__)


class PortalExecutionContext(DeferredExecutionContext):
    """The executor that lets resolvers return loaders' futures (api.deferred),
    reporting failures the portal did not raise on purpose in general terms.

    Lists whose items select only plain fields are completed by a compiled function (see
    api.plain_lists); field middleware, when there is any, sees every field instead."""

    def handle_field_error(self, error, return_type, path):
        return super().handle_field_error(_in_portal_words(error), return_type, path)

    # Kept on measurement: LearnerOutcomes at 1,300 districts, 1.5 s vs 2.3 s without it.
    def complete_list_value(self, return_type, field_nodes, info, path, result):
        if isinstance(result, list | tuple) and not self._has_field_middleware():
            complete_item = self._plain_item_completer(return_type.of_type, field_nodes)
            if complete_item is not None:
                try:
                    return [complete_item(item) for item in result]
                except Exception:  # noqa: BLE001 - completed again below, which reports it
                    pass
        return super().complete_list_value(return_type, field_nodes, info, path, result)

    def _has_field_middleware(self) -> bool:
        return bool(self.middleware_manager and self.middleware_manager.middlewares)

    def _plain_item_completer(self, item_type, field_nodes):
        compiled = self.__dict__.setdefault("_plain_items", {})
        key = (item_type, *map(id, field_nodes))
        if key not in compiled:
            compiled[key] = compile_item(self, item_type, field_nodes)
        return compiled[key]


def _in_portal_words(error: GraphQLError) -> GraphQLError:
    """A failure the portal did not raise on purpose (the database's, a library's) is logged
    and reported in general terms, never in the words of the code that failed."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error
    logger.error("GraphQL field %s failed", ".".join(map(str, error.path or ())), exc_info=original)
    return GraphQLError(
        "This field could not be read because of a fault on our side; it has been logged.",
        error.nodes,
        path=error.path,
        original_error=original,
        extensions={"code": "INTERNAL_ERROR"},
    )
