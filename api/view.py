"""The state's GraphQL endpoint: token or session authentication, rate and size limits,
validation before anything runs, CSRF for mutations."""

from django.conf import settings
from django.db import transaction
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphene_django.constants import MUTATION_ERRORS_FLAG
from graphene_django.views import GraphQLView, HttpError
from graphql import ExecutionResult, GraphQLError, OperationType, execute, get_operation_ast

from api import rate_limit
from api.arguments import bad_text_errors
from api.execution import PortalExecutionContext
from api.response_cache import Audience, cached_answer, keep_answer, response_key
from api.validation import parse_document, validation_errors
from state.progress.models import ApiToken
from tenants.state import on_state_schema


@method_decorator(csrf_exempt, name="dispatch")  # checked below, for session mutations only
class PortalGraphQLView(GraphQLView):
    execution_context_class = PortalExecutionContext
    graphiql_template = "portal/graphiql.html"  # the vendored scripts, not graphene's CDN

    def dispatch(self, request, *args, **kwargs):
        if not on_state_schema():
            raise Http404("GraphQL is served on the state site only.")
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.GRAPHQL_MAX_BODY_BYTES:
            return _too_large()
        request.api_token_used = False
        authorization = request.headers.get("Authorization", "")
        token_key = None
        if authorization:
            scheme, _, key = authorization.partition(" ")
            user = ApiToken.authenticate(key.strip()) if scheme.lower() == "bearer" else None
            if user is not None:
                token_key = key.strip()
        refusal = rate_limit.check(request, token_key)
        if refusal is not None:
            return _too_many(refusal)
        if authorization:
            if token_key is None:
                return _unauthorized()
            request.user = user
            request.api_token_used = True
        # Introspection and the response cache's key come from one Audience, so an answer
        # is only shared between callers allowed the same things.
        self.audience = Audience.of(request.user)
        self.graphiql = self.audience.introspection
        return super().dispatch(request, *args, **kwargs)

    def get_response(self, request, data, show_graphiql=False):
        if show_graphiql or self.batch:
            return super().get_response(request, data, show_graphiql)
        query, variables, operation_name, _ = self.get_graphql_params(request, data)
        if not _well_formed(query, variables, operation_name):
            return self.json_encode(request, {"errors": [_MALFORMED]}), 400
        try:  # within the parser's limits before the response cache parses it for its key
            self.parse(query)
        except GraphQLError as error:
            return self.json_encode(request, {"errors": [self.format_error(error)]}), 400
        key = response_key(query, variables, operation_name, self.audience)
        answer = cached_answer(key) if key else None
        if answer is None:
            answer = super().get_response(request, data, show_graphiql)
            if key and answer[1] == 200:
                keep_answer(key, answer)
        return answer

    def parse(self, query: str | None):
        """The document, parsed once per request, within the parser's limits."""
        if query and getattr(self, "_parsed", (None,))[0] != query:
            self._parsed = (query, parse_document(query))
        return self._parsed[1] if query else None

    def parse_body(self, request):
        try:
            return super().parse_body(request)
        except RecursionError:  # json.loads gives up on arrays nested thousands deep
            raise HttpError(HttpResponseBadRequest("The JSON body is nested too deeply.")) from None

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        """graphene-django's pipeline with the parser's limits, every check before anything
        runs, and no field suggestions outside development."""
        if not query:
            if show_graphiql:
                return None
            return ExecutionResult(errors=[GraphQLError("Send a query (the query parameter).")])
        try:
            document = self.parse(query)
        except GraphQLError as error:
            return ExecutionResult(errors=[error])
        operation = get_operation_ast(document, operation_name)
        kind = operation.operation if operation else None
        if request.method == "GET" and kind not in (None, OperationType.QUERY):
            if show_graphiql:
                return None
            raise HttpError(
                HttpResponseNotAllowed(["POST"], f"Send a {kind.value} as a POST request.")
            )
        if request.method == "POST" and kind == OperationType.MUTATION:
            refusal = None if request.api_token_used else _csrf_refusal(request)
            if refusal is not None:
                return refusal
        schema = self.schema.graphql_schema
        errors = validation_errors(
            schema, document, operation, variables, allow_introspection=self.audience.introspection
        ) or bad_text_errors(document, variables)
        if errors:
            return ExecutionResult(errors=errors)
        run = dict(
            root_value=self.get_root_value(request),
            context_value=self.get_context(request),
            variable_values=variables,
            operation_name=operation_name,
            middleware=self.get_middleware(request),
            execution_context_class=self.execution_context_class,
            hide_suggestions=not settings.DEBUG,
        )
        if kind == OperationType.MUTATION:
            with transaction.atomic():
                result = execute(schema, document, **run)
                if getattr(request, MUTATION_ERRORS_FLAG, False):
                    transaction.set_rollback(True)
                return result
        return execute(schema, document, **run)


_MALFORMED = {
    "message": "Send the query as text, the variables as a JSON object and the operation "
    "name as text.",
    "extensions": {"code": "BAD_REQUEST"},
}


def _well_formed(query, variables, operation_name) -> bool:
    return (
        isinstance(query, str | None)
        and isinstance(variables, dict | None)
        and isinstance(operation_name, str | None)
    )


def _csrf_refusal(request) -> ExecutionResult | None:
    """A mutation sent with a session cookie must carry the CSRF token; queries need not,
    since they change nothing, and token requests carry no cookie to abuse."""
    if CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, None, (), {}) is None:
        return None
    return ExecutionResult(
        errors=[
            GraphQLError(
                "This mutation needs a CSRF token (the X-CSRFToken header) because it is "
                "authenticated by a session cookie; analysis tools should use an API token.",
                extensions={"code": "CSRF_FAILED"},
            )
        ]
    )


def _unauthorized() -> JsonResponse:
    response = JsonResponse(
        {
            "errors": [
                {
                    "message": "The API token is not valid (unknown, revoked, or its user is "
                    "inactive). Send it as “Authorization: Bearer <token>”.",
                    "extensions": {"code": "UNAUTHENTICATED"},
                }
            ]
        },
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="graphql"'
    return response


def _too_many(refusal: rate_limit.Refusal) -> JsonResponse:
    response = JsonResponse(
        {
            "errors": [
                {
                    "message": f"Too many requests (the limit is {refusal.limit}); try again "
                    f"in {refusal.retry_after} seconds.",
                    "extensions": {"code": "RATE_LIMITED", "retryAfter": refusal.retry_after},
                }
            ]
        },
        status=429,
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response


def _too_large() -> JsonResponse:
    limit = settings.GRAPHQL_MAX_BODY_BYTES
    return JsonResponse(
        {
            "errors": [
                {
                    "message": f"The request body is over {limit:,} bytes; send a shorter "
                    "query or fewer variables.",
                    "extensions": {"code": "REQUEST_TOO_LARGE", "limit": limit},
                }
            ]
        },
        status=413,
    )
