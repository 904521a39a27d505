"""A time limit on each database statement of the web process, so no request holds a worker.

The web entry point (portal/wsgi.py) turns the limit on for every connection its process
opens; management commands, migrations and Celery workers never load it and keep no limit.
A statement cut short answers with a short 503 page instead of the traceback of a 500.
"""

from django.conf import settings
from django.db import OperationalError
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.template.loader import render_to_string
from psycopg import errors

RETRY_AFTER_SECONDS = 30


def limit_each_statement(sender, connection, **kwargs) -> None:
    """Set PostgreSQL's statement_timeout on a new connection (once, not per request)."""
    milliseconds = settings.WEB_STATEMENT_TIMEOUT_MS
    if connection.vendor != "postgresql" or not milliseconds:
        return
    with connection.cursor() as cursor:
        # set_config takes a bound value; SET does not.
        cursor.execute("SELECT set_config('statement_timeout', %s, false)", [str(milliseconds)])


def limit_statements_in_this_process() -> None:
    connection_created.connect(limit_each_statement, dispatch_uid="web-statement-timeout")


def is_statement_timeout(exception: BaseException) -> bool:
    return isinstance(exception, OperationalError) and isinstance(
        exception.__cause__, errors.QueryCanceled
    )


class StatementTimeoutMiddleware:
    """Answer a request whose statement ran past the limit with a clear 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_statement_timeout(exception):
            return None
        # Rendered without the request: its context processors would query the database.
        response = HttpResponse(render_to_string("errors/took_too_long.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
