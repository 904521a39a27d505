"""What a GraphQL document must pass before it runs, cheapest check first.

1. The parser stops at MAX_SOURCE_LENGTH characters or MAX_TOKENS tokens, and no selection
   may name one field more than MAX_REPEATS times (the specification's check that repeated
   fields can merge compares every pair of them: a thousand `__typename` took a second).
2. The specification's rules (graphql-core's), so that what follows sees only documents
   with known fields, defined fragments and no fragment cycles; introspection is refused
   to the public by graphql-core's NoSchemaIntrospectionCustomRule.
3. The portal's limits: aliases, depth and estimated cost. Depth and cost are computed once
   per fragment and reused at every spread, so fragments that spread each other many times
   over cost no more to check than to read.
"""

from dataclasses import dataclass, field

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    parse,
    validate,
)
from graphql.validation import NoSchemaIntrospectionCustomRule, specified_rules

from api.cost_map import DEFAULT_LIST_SIZE, ESTIMATED_SIZE, SIZED_BY_ARGUMENT

# GraphiQL's introspection query has 180 tokens, the contract's largest operation 65; parsing
# costs about 10 microseconds a token here (40 with the machine busy).
MAX_SOURCE_LENGTH = 10_000
MAX_TOKENS = 1_000
MAX_REPEATS = 10
MAX_DEPTH = 10
MAX_ALIASES = 20
# A whole state's default pages of the contract's operations fit (LearnerOutcomes about
# 190,000, the dashboard's district stages about 330,000); a handful of them at once do not.
MAX_COST = 500_000
MAX_VALIDATION_ERRORS = 50


def parse_document(query: str) -> DocumentNode:
    """The parsed document; a GraphQLError once it passes the length, token or repeat limit."""
    document = parse(query, max_tokens=MAX_TOKENS, max_source_length=MAX_SOURCE_LENGTH)
    _check_repeats(document)
    return document


def _check_repeats(document: DocumentNode) -> None:
    pending = [d.selection_set for d in document.definitions]
    while pending:
        names: dict[str, int] = {}
        level = [pending.pop()]  # inline fragments' fields merge into their selection's
        while level:
            for selection in level.pop().selections:
                if isinstance(selection, InlineFragmentNode):
                    level.append(selection.selection_set)
                    continue
                if isinstance(selection, FieldNode):
                    if selection.selection_set is not None:
                        pending.append(selection.selection_set)
                    name = (selection.alias or selection.name).value
                    names[name] = names.get(name, 0) + 1
                    if names[name] > MAX_REPEATS:
                        raise GraphQLError(
                            f"'{name}' is asked for more than {MAX_REPEATS} times in one "
                            "selection; ask for each field once.",
                            selection,
                            extensions={"code": "REPEAT_LIMIT", "limit": MAX_REPEATS},
                        )


def validation_errors(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode | None,
    variables: dict | None,
    *,
    allow_introspection: bool,
) -> list[GraphQLError]:
    rules = list(specified_rules)
    if not (allow_introspection or settings.DEBUG):
        rules.append(NoSchemaIntrospectionCustomRule)
    errors = validate(
        schema,
        document,
        rules,
        max_errors=MAX_VALIDATION_ERRORS,
        hide_suggestions=not settings.DEBUG,
    )
    if errors or operation is None:
        return errors
    return limit_errors(schema, document, operation, variables or {})


def limit_errors(schema, document, operation, variables: dict) -> list[GraphQLError]:
    """The portal's limits on a document the specification's rules have accepted."""
    errors = []
    aliases = _alias_count(document)
    if aliases > MAX_ALIASES:
        errors.append(
            GraphQLError(
                f"The query uses more than {MAX_ALIASES} aliases; send fewer, or split it "
                "into several requests.",
                extensions={"code": "ALIAS_LIMIT"},
            )
        )
    shape = _Shape(schema, document, variables)
    cost, depth = shape.of(operation.selection_set, schema.get_root_type(operation.operation))
    name = operation.name.value if operation.name else "anonymous"
    if depth > MAX_DEPTH:
        errors.append(
            GraphQLError(
                f"'{name}' exceeds maximum operation depth of {MAX_DEPTH}.",
                operation,
                extensions={"code": "DEPTH_LIMIT", "depth": depth, "limit": MAX_DEPTH},
            )
        )
    if cost > MAX_COST:
        errors.append(
            GraphQLError(
                f"'{name}' is estimated to cost {cost:,}, over the limit of {MAX_COST:,}: "
                "ask for smaller pages (first) or fewer nested lists.",
                operation,
                extensions={"code": "COST_LIMIT", "cost": cost, "limit": MAX_COST},
            )
        )
    return errors


def _alias_count(document: DocumentNode) -> int:
    """Aliased fields written in the document (each written field counts once)."""
    count, pending = 0, [d.selection_set for d in document.definitions]
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode) and selection.alias is not None:
                count += 1
            if getattr(selection, "selection_set", None) is not None:
                pending.append(selection.selection_set)
    return count


@dataclass
class _Shape:
    """Cost and depth of selection sets. Each field costs 1 each time it may be resolved:
    a list multiplies what it selects by its size (api.cost_map). Depth counts the
    fields between the root and the deepest leaf, as graphene's depth limit does, leaving
    introspection out."""

    schema: GraphQLSchema
    document: DocumentNode
    variables: dict
    fragments: dict = field(init=False)
    known: dict = field(init=False, default_factory=dict)  # fragment name -> (cost, depth)

    def __post_init__(self):
        self.fragments = {
            d.name.value: d for d in self.document.definitions if d.kind == "fragment_definition"
        }

    def of(self, selection_set: SelectionSetNode | None, parent_type) -> tuple[int, int]:
        if selection_set is None:
            return 0, 0
        cost = depth = 0
        spread = set()  # graphql-core's executor also merges a fragment spread twice here
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                field_cost, field_depth = self._field(selection, parent_type)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                fragment_type = self.schema.get_type(condition.name.value) if condition else None
                field_cost, field_depth = self.of(
                    selection.selection_set, fragment_type or parent_type
                )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in spread:
                    continue
                spread.add(name)
                field_cost, field_depth = self._fragment(name)
            cost += field_cost
            depth = max(depth, field_depth)
        return cost, depth

    def _fragment(self, name: str) -> tuple[int, int]:
        if name not in self.known:
            fragment = self.fragments[name]
            fragment_type = self.schema.get_type(fragment.type_condition.name.value)
            self.known[name] = self.of(fragment.selection_set, fragment_type)
        return self.known[name]

    def _field(self, node: FieldNode, parent_type) -> tuple[int, int]:
        name = node.name.value
        if name.startswith("__"):
            return 1, 0  # __typename, or introspection, which the schema's size bounds
        definition = getattr(parent_type, "fields", {}).get(name)
        if definition is None:
            return 1, 0  # unknown fields never get here: the specification's rules refuse them
        is_list = is_list_type(get_nullable_type(definition.type))
        size = self._list_size(f"{parent_type.name}.{name}", definition, node) if is_list else 1
        if node.selection_set is None:
            return 1 + (size if is_list else 0), 0
        inner_cost, inner_depth = self.of(node.selection_set, get_named_type(definition.type))
        return 1 + size * inner_cost, 1 + inner_depth

    def _list_size(self, key: str, definition, node: FieldNode) -> int:
        argument = SIZED_BY_ARGUMENT.get(key)
        if argument is None:
            return ESTIMATED_SIZE.get(key, DEFAULT_LIST_SIZE)
        largest = definition.args[argument].default_value
        asked = next((a.value for a in node.arguments if a.name.value == argument), None)
        if isinstance(asked, VariableNode):
            asked = self.variables.get(asked.name.value)
        elif isinstance(asked, IntValueNode):
            asked = int(asked.value)
        if not isinstance(asked, int) or isinstance(asked, bool):
            return largest
        return max(0, min(asked, largest))  # a page over the largest is refused at execution
