"""Declared permissions for GraphQL fields: a field names what it needs, and the wrapper
checks before resolving (saleor style), instead of each resolver checking by hand."""

from enum import Enum

import graphene
from graphql import GraphQLError


class PermissionDenied(GraphQLError):
    def __init__(self, permissions):
        names = ", ".join(permission.name for permission in permissions)
        super().__init__(
            f"You need the permission {names} to read this field.",
            extensions={"code": "PERMISSION_DENIED", "permissions": [p.name for p in permissions]},
        )


def user_has_permissions(user, permissions) -> bool:
    return bool(user and user.is_active and user.has_perms([p.value for p in permissions]))


def request_user(info):
    return getattr(info.context, "user", None)


def require(info, permissions) -> None:
    if not user_has_permissions(request_user(info), permissions):
        raise PermissionDenied(permissions)


class PermissionField(graphene.Field):
    """A field readable only by users holding every permission in `permissions` (members of
    an Enum whose values are Django permission names)."""

    def __init__(self, *args, permissions: list[Enum], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = list(permissions)
        permission_list = ", ".join(p.name for p in self.permissions)
        extra = f"Requires {permission_list}."
        self.description = f"{self.description} {extra}" if self.description else extra

    def wrap_resolve(self, parent_resolver):
        resolver = super().wrap_resolve(parent_resolver)
        permissions = self.permissions

        def checked(root, info, **kwargs):
            require(info, permissions)
            return resolver(root, info, **kwargs)

        return checked
