from graphql_sync_dataloaders import DeferredExecutionContext

from portal.api.plain_lists import compile_item


class PortalExecutionContext(DeferredExecutionContext):
    """graphql-sync-dataloaders' executor, adapted to graphql-core 3.2.14, whose
    handle_field_error takes the field's path (the loader library passes only two arguments;
    the path only spares duplicate errors under a parent already nulled).

    Lists whose items select only plain fields are completed by a compiled function (see
    portal.api.plain_lists); field middleware, when there is any, sees every field instead."""

    def handle_field_error(self, error, return_type, path=None):
        return super().handle_field_error(error, return_type, path)

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
