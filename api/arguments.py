"""Argument values the database cannot take, refused in the portal's words before any query
runs (PostgreSQL would otherwise answer a NUL character with its own error)."""

from graphql import DocumentNode, GraphQLError, StringValueNode, Visitor, visit

NUL = "\x00"


def bad_text_errors(document: DocumentNode, variables) -> list[GraphQLError]:
    finder = _NulInLiterals()
    visit(document, finder)
    errors = [_nul_error(node) for node in finder.found]
    errors += [_nul_error(None, name) for name in _variables_with_nul(variables or {})]
    return errors


class _NulInLiterals(Visitor):
    def __init__(self):
        super().__init__()
        self.found = []

    def enter_string_value(self, node: StringValueNode, *_args):
        if NUL in node.value:
            self.found.append(node)


def _variables_with_nul(variables: dict) -> list[str]:
    """Names of variables holding a NUL character at any depth (walked without recursion:
    a JSON value can nest deeper than Python's stack)."""
    names = []
    for name, value in variables.items():
        pending = [value]
        while pending:
            item = pending.pop()
            if isinstance(item, str) and NUL in item:
                names.append(name)
                break
            if isinstance(item, dict):
                pending.extend(item.keys())
                pending.extend(item.values())
            elif isinstance(item, list):
                pending.extend(item)
    return names


def _nul_error(node, variable: str | None = None) -> GraphQLError:
    where = f"The variable ${variable}" if variable else "A text argument"
    return GraphQLError(
        f"{where} contains a NUL character (\\u0000), which no name, slug or year "
        "holds; remove it.",
        node,
        extensions={"code": "BAD_USER_INPUT"},
    )
