"""Run the contract's operations server-side (the dashboard and its exports use these)."""

from functools import cache
from pathlib import Path

from django.conf import settings
from graphene_django.settings import graphene_settings

from api.execution import PortalExecutionContext

OPERATIONS_DIR = Path(settings.BASE_DIR) / "graphql" / "operations"


class OperationFailed(Exception):
    pass


@cache
def operation_text(name: str) -> str:
    return (OPERATIONS_DIR / f"{name}.graphql").read_text(encoding="utf-8")


def run_operation(name: str, request, **variables) -> dict:
    """Execute graphql/operations/<name>.graphql as the request's user; return its data."""
    # The schema settings name: apps that run operations never import the assembled root.
    result = graphene_settings.SCHEMA.execute(
        operation_text(name),
        variables=variables,
        context_value=request,
        execution_context_class=PortalExecutionContext,
    )
    if result.errors:
        raise OperationFailed("; ".join(error.message for error in result.errors))
    return result.data
