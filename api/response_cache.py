"""Whole GraphQL answers to read-only operations, kept until the statewide read model changes.

The state's dashboards send the same few operations again and again, and an answer such as
LearnerOutcomes for the whole state grows with the number of districts. Answers live in the
"pages" cache, whose keys carry the public schema's generation (caching/generations.py): every
write to the read model, to a district's registry row or to the state's settings bumps it, so
an answer is never served from rows older than the last change. A key also names the caller's
`Audience`: exactly what can change an answer to the same operation, and nothing else, so an
answer is only ever shared between callers who would get the same one.
"""

import hashlib
import json
from dataclasses import astuple, dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language
from graphql import GraphQLError, OperationType, get_operation_ast, parse

from api.permissions import user_has_permissions
from progress.api.permissions import ProgressPermissions

TIMEOUT_SECONDS = 300


def is_state_staff(user) -> bool:
    return bool(user and user.is_active and user.has_perm("wagtailadmin.access_admin"))


@dataclass(frozen=True)
class Audience:
    """What decides a read-only answer besides the operation itself. The view allows
    introspection from this very value, so the key and the answer cannot disagree."""

    introspection: bool
    district_detail: bool
    unsuppressed_counts: bool

    @classmethod
    def of(cls, user) -> "Audience":
        return cls(
            introspection=settings.DEBUG or is_state_staff(user),
            district_detail=user_has_permissions(user, [ProgressPermissions.VIEW_DISTRICT_DETAIL]),
            unsuppressed_counts=user_has_permissions(
                user, [ProgressPermissions.VIEW_UNSUPPRESSED_COUNTS]
            ),
        )


def response_key(query: str | None, variables, operation_name, audience: Audience) -> str | None:
    """The cache key of a read-only operation, or None if its answer must not be cached."""
    if not settings.WAGTAIL_CACHE or not query:
        return None
    try:
        operation = get_operation_ast(parse(query), operation_name)
    except GraphQLError:
        return None
    if operation is None or operation.operation != OperationType.QUERY:
        return None
    # The language too: messages and labels in an answer follow the caller's language.
    text = json.dumps(
        [query, variables, operation_name, astuple(audience), get_language()],
        sort_keys=True,
        default=str,
    )
    return "graphql:" + hashlib.sha256(text.encode()).hexdigest()


def cached_answer(key: str):
    return caches["pages"].get(key)


def keep_answer(key: str, answer) -> None:
    caches["pages"].set(key, answer, TIMEOUT_SECONDS)
