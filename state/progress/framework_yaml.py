"""A strict YAML reader for framework files, built on PyYAML's own extension points.

Framework files hold names, lists and one true/false flag, so the reader keeps YAML to that:
- aliases are refused where they appear, so nothing expands without bound (billion laughs);
- the only booleans are true and false, and every other plain value is text as written
  (YAML 1.1 would read `yes`, `no`, `on`, `off` as booleans and `1:30` as a number);
- a key appearing twice in one mapping, or a key that is not text, is a problem with its line.
Mappings and lists remember the line of each value, for messages.
(strictyaml does much of this, but refuses the flow lists `[a, b]` the framework files use.)
"""

import re

import yaml


class Mapping(dict):
    """A YAML mapping that remembers the line of each of its values."""

    def __init__(self):
        super().__init__()
        self.lines: dict[str, int] = {}


class Sequence(list):
    """A YAML list that remembers the line of each of its items."""

    def __init__(self):
        super().__init__()
        self.lines: list[int] = []


class FrameworkLoader(yaml.SafeLoader):
    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream):
        super().__init__(stream)
        self.problems: list[str] = []

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                "aliases (*name) are not allowed in a framework file; write the value out",
                self.peek_event().start_mark,
            )
        return super().compose_node(parent, index)

    def construct_framework_mapping(self, node):
        mapping = Mapping()
        yield mapping
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                self.problems.append(f"line {line}: the key “{key}” must be a name (text)")
            elif key in mapping:
                self.problems.append(
                    f"line {line}: “{key}” is given twice (first on line {mapping.lines[key]})"
                )
            else:
                mapping[key] = self.construct_object(value_node, deep=True)
                mapping.lines[key] = value_node.start_mark.line + 1

    def construct_framework_sequence(self, node):
        sequence = Sequence()
        yield sequence
        for item_node in node.value:
            sequence.append(self.construct_object(item_node, deep=True))
            sequence.lines.append(item_node.start_mark.line + 1)


FrameworkLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
FrameworkLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
FrameworkLoader.add_constructor(
    "tag:yaml.org,2002:map", FrameworkLoader.construct_framework_mapping
)
FrameworkLoader.add_constructor(
    "tag:yaml.org,2002:seq", FrameworkLoader.construct_framework_sequence
)


def load_framework_yaml(source: str) -> tuple[object, list[str]]:
    """The document's data and the problems found reading it; raises yaml.YAMLError."""
    loader = FrameworkLoader(source)
    try:
        return loader.get_single_data(), loader.problems
    finally:
        loader.dispose()


def line_of(container, key) -> str:
    """“line N: ” for a value of a mapping or list read by this module, else nothing."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict) and key in lines:
        return f"line {lines[key]}: "
    if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
        return f"line {lines[key]}: "
    return ""
