"""The state's GraphQL endpoint: token or session authentication, limits, CSRF for mutations."""

from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import ExecutionResult, GraphQLError, OperationType, get_operation_ast, parse
from graphql.validation import specified_rules

from portal.api.execution import PortalExecutionContext
from portal.api.response_cache import Audience, cached_answer, keep_answer, response_key
from portal.api.validation import limit_rules
from progress.statewide.models import ApiToken
from tenants.state import on_state_schema


@method_decorator(csrf_exempt, name="dispatch")  # checked below, for session mutations only
class PortalGraphQLView(GraphQLView):
    execution_context_class = PortalExecutionContext

    def dispatch(self, request, *args, **kwargs):
        if not on_state_schema():
            raise Http404("GraphQL is served on the state site only.")
        request.api_token_used = False
        authorization = request.headers.get("Authorization", "")
        if authorization:
            scheme, _, key = authorization.partition(" ")
            user = ApiToken.authenticate(key.strip()) if scheme.lower() == "bearer" else None
            if user is None:
                return _unauthorized()
            request.user = user
            request.api_token_used = True
        # Introspection and the response cache's key come from one Audience, so an answer
        # is only shared between callers allowed the same things.
        self.audience = Audience.of(request.user)
        self.graphiql = self.audience.introspection
        self.validation_rules = [
            *specified_rules,
            *limit_rules(allow_introspection=self.audience.introspection),
        ]
        return super().dispatch(request, *args, **kwargs)

    def get_response(self, request, data, show_graphiql=False):
        if show_graphiql or self.batch:
            return super().get_response(request, data, show_graphiql)
        query, variables, operation_name, _ = self.get_graphql_params(request, data)
        key = response_key(query, variables, operation_name, self.audience)
        answer = cached_answer(key) if key else None
        if answer is None:
            answer = super().get_response(request, data, show_graphiql)
            if key and answer[1] == 200:
                keep_answer(key, answer)
        return answer

    def execute_graphql_request(self, request, data, query, variables, operation_name, *args):
        if query and request.method == "POST" and not request.api_token_used:
            refusal = _csrf_refusal(request, query, operation_name)
            if refusal is not None:
                return refusal
        return super().execute_graphql_request(
            request, data, query, variables, operation_name, *args
        )


def _csrf_refusal(request, query: str, operation_name) -> ExecutionResult | None:
    """A mutation sent with a session cookie must carry the CSRF token; queries need not,
    since they change nothing, and token requests carry no cookie to abuse."""
    try:
        operation = get_operation_ast(parse(query), operation_name)
    except GraphQLError:
        return None  # reported by the normal path
    if operation is None or operation.operation != OperationType.MUTATION:
        return None
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
