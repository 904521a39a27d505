from graphql_sync_dataloaders import DeferredExecutionContext


class PortalExecutionContext(DeferredExecutionContext):
    """graphql-sync-dataloaders' executor, adapted to graphql-core 3.2.14, whose
    handle_field_error takes the field's path (the loader library passes only two arguments;
    the path only spares duplicate errors under a parent already nulled)."""

    def handle_field_error(self, error, return_type, path=None):
        return super().handle_field_error(error, return_type, path)
