"""Limits every GraphQL document must respect, as validation rules with plain messages."""

from django.conf import settings
from graphene.validation import depth_limit_validator
from graphql import GraphQLError, get_named_type, get_nullable_type, is_list_type
from graphql.language import FieldNode, FragmentSpreadNode, InlineFragmentNode
from graphql.validation import ValidationRule

MAX_DEPTH = 10
MAX_ALIASES = 20
MAX_COST = 10_000
LIST_SIZE_ESTIMATE = 10  # what a list field is assumed to multiply its selection by


class AliasLimit(ValidationRule):
    def enter_document(self, node, *_args):
        self.aliases = 0

    def enter_field(self, node: FieldNode, *_args):
        if node.alias is not None:
            self.aliases += 1
            if self.aliases == MAX_ALIASES + 1:
                self.report_error(
                    GraphQLError(
                        f"The query uses more than {MAX_ALIASES} aliases; send fewer, or split "
                        "it into several requests.",
                        node,
                        extensions={"code": "ALIAS_LIMIT"},
                    )
                )


class CostLimit(ValidationRule):
    """Each field costs 1 for each time it may be resolved; a list field multiplies what it
    selects by LIST_SIZE_ESTIMATE."""

    def enter_operation_definition(self, node, *_args):
        root = self.context.schema.get_root_type(node.operation)
        cost = self._selection_cost(node.selection_set, root, 1, set())
        if cost > MAX_COST:
            name = node.name.value if node.name else "The operation"
            self.report_error(
                GraphQLError(
                    f"'{name}' is estimated to cost {cost:,}, over the limit of {MAX_COST:,}: "
                    "ask for fewer nested lists.",
                    node,
                    extensions={"code": "COST_LIMIT", "cost": cost, "limit": MAX_COST},
                )
            )

    def _selection_cost(self, selection_set, parent_type, multiplier: int, fragments) -> int:
        if selection_set is None or parent_type is None:
            return 0
        cost = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                fields = getattr(parent_type, "fields", {})
                field = fields.get(selection.name.value)
                if field is None:
                    cost += multiplier
                    continue
                field_type = get_nullable_type(field.type)
                inner = multiplier * (LIST_SIZE_ESTIMATE if is_list_type(field_type) else 1)
                cost += multiplier + self._selection_cost(
                    selection.selection_set, get_named_type(field.type), inner, fragments
                )
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                fragment_type = (
                    self.context.schema.get_type(condition.name.value) if condition else parent_type
                )
                cost += self._selection_cost(
                    selection.selection_set, fragment_type, multiplier, fragments
                )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.context.get_fragment(name)
                if fragment is None or name in fragments:
                    continue  # unknown or cyclic fragments are reported by the standard rules
                fragment_type = self.context.schema.get_type(fragment.type_condition.name.value)
                cost += self._selection_cost(
                    fragment.selection_set, fragment_type, multiplier, fragments | {name}
                )
        return cost


class StaffOnlyIntrospection(ValidationRule):
    """Schema introspection is for staff (and for anyone in development); __typename stays."""

    def enter_field(self, node: FieldNode, *_args):
        name = node.name.value
        if name.startswith("__") and name != "__typename":
            self.report_error(
                GraphQLError(
                    f"Cannot query '{name}': introspection is open to state staff only.",
                    node,
                    extensions={"code": "INTROSPECTION_DISABLED"},
                )
            )


def limit_rules(allow_introspection: bool) -> list:
    rules = [depth_limit_validator(max_depth=MAX_DEPTH), AliasLimit, CostLimit]
    if not (allow_introspection or settings.DEBUG):
        rules.append(StaffOnlyIntrospection)
    return rules
