"""Find user-facing text that is not marked for translation, and catalogues that are incomplete.

Django and gettext extract marked strings but cannot say what was left unmarked, so these small
scanners do: Python through its syntax tree, templates through Django's own lexer.
"""

import ast
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

TRANSLATION_FUNCTIONS = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
    "format_lazy",
}
TEXT_KEYWORDS = {
    "verbose_name",
    "verbose_name_plural",
    "help_text",
    "label",
    "empty_label",
    "heading",
}
# Class attributes people read wherever they are set: the admin menu's labels.
CLASS_TEXT = {"menu_label"}
# Meta attributes people read: model names, and the labels and hints of Wagtail blocks.
META_TEXT = {"verbose_name", "verbose_name_plural", "label", "help_text", "description"}
MESSAGE_FUNCTIONS = {"debug", "info", "success", "warning", "error", "add_message"}
ATTRIBUTES_PEOPLE_READ = {"alt", "title", "placeholder", "aria-label", "aria-description"}
LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Unmarked:
    line: int
    text: str


def _is_marked(node: ast.AST) -> bool:
    """A translation call, or text built from one (`_("...") % x`, `_("...").format(...)`)."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in TRANSLATION_FUNCTIONS:
            return True
        if isinstance(func, ast.Attribute) and func.attr in TRANSLATION_FUNCTIONS:
            return True
        if isinstance(func, ast.Attribute) and func.attr == "format":
            return _is_marked(func.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _is_marked(node.left)
    return False


def _plain_text(node: ast.AST) -> str | None:
    """The text of a literal people would read, or None when the node is not one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if LETTER.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        return ast.unparse(node)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return _plain_text(node.left) or _plain_text(node.right)
    is_format_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    if is_format_call and node.func.attr == "format" and not _is_marked(node):
        return _plain_text(node.func.value)
    return None


class _PythonScanner(ast.NodeVisitor):
    def __init__(self, module: ast.Module) -> None:
        self.found: list[Unmarked] = []
        # choices=SOME_CHOICES names a list defined at the top of the module.
        self.module_lists = {
            target.id: statement.value
            for statement in module.body
            if isinstance(statement, ast.Assign)
            for target in statement.targets
            if isinstance(target, ast.Name)
        }

    def _check(self, node: ast.AST | None) -> None:
        if isinstance(node, ast.IfExp):
            self._check(node.body)
            self._check(node.orelse)
            return
        if node is None or _is_marked(node):
            return
        text = _plain_text(node)
        if text is not None:
            self.found.append(Unmarked(node.lineno, text))

    def _check_choices(self, node: ast.AST) -> None:
        if isinstance(node, ast.Name) and node.id in self.module_lists:
            node = self.module_lists[node.id]
        if isinstance(node, ast.List | ast.Tuple):
            for choice in node.elts:
                if isinstance(choice, ast.Tuple) and len(choice.elts) == 2:
                    label = choice.elts[1]
                    if isinstance(label, ast.List | ast.Tuple):
                        self._check_choices(label)  # a named group of choices
                    else:
                        self._check(label)

    def visit_Call(self, node: ast.Call) -> None:
        for keyword in node.keywords:
            if keyword.arg in TEXT_KEYWORDS:
                self._check(keyword.value)
            elif keyword.arg == "error_messages" and isinstance(keyword.value, ast.Dict):
                for value in keyword.value.values:
                    self._check(value)
            elif keyword.arg == "choices":
                self._check_choices(keyword.value)
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if (
            name in MESSAGE_FUNCTIONS
            and isinstance(receiver, ast.Name)
            and receiver.id == "messages"
        ):
            message_index = 2 if name == "add_message" else 1
            if len(node.args) > message_index:
                self._check(node.args[message_index])
        if name == "ValidationError" and node.args:
            message = node.args[0]
            for value in message.values if isinstance(message, ast.Dict) else [message]:
                self._check(value)
        if name == "add_error" and len(node.args) > 1:
            self._check(node.args[1])
        if name.endswith("MenuItem") and node.args:
            self._check(node.args[0])
        if name == "ErrorList" and node.args and isinstance(node.args[0], ast.List | ast.Tuple):
            for message in node.args[0].elts:
                self._check(message)
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        # Options handed over as a dict, e.g. {"label": "API tokens", "help_text": "..."}.
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and key.value in TEXT_KEYWORDS:
                self._check(value)
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        # form.fields["region"].choices = [("", "All regions"), ...]
        if any(isinstance(t, ast.Attribute) and t.attr == "choices" for t in node.targets):
            self._check_choices(node.value)
        # form.fields["slug"].help_text = "Fixed once the district exists."
        if any(isinstance(t, ast.Attribute) and t.attr in TEXT_KEYWORDS for t in node.targets):
            self._check(node.value)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        is_choices = any(
            getattr(base, "attr", getattr(base, "id", "")) in {"TextChoices", "IntegerChoices"}
            for base in node.bases
        )
        for statement in node.body:
            if not isinstance(statement, ast.Assign):
                continue
            targets = {getattr(target, "id", "") for target in statement.targets}
            is_app_config = any(getattr(base, "id", "") == "AppConfig" for base in node.bases)
            # An app's label is an identifier; only its verbose_name is read by people.
            if (
                (node.name == "Meta" and targets & META_TEXT)
                or (is_app_config and "verbose_name" in targets)
                or targets & CLASS_TEXT
            ):
                self._check(statement.value)
            if is_choices and isinstance(statement.value, ast.Tuple):
                self._check(statement.value.elts[-1])
        self.generic_visit(node)


def unmarked_python_strings(source: str) -> list[Unmarked]:
    module = ast.parse(source)
    scanner = _PythonScanner(module)
    scanner.visit(module)
    return scanner.found


# Template tags whose body is not page text for this purpose: it is translated or never shown.
SKIPPED_BLOCKS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
    "verbatim": "endverbatim",
}
# Blocks that hold a CSS class, not words.
CLASS_BLOCKS = {"body_class", "bodyclass"}
PLACEHOLDER = "\x00"
# Text passed to an included template or a component: {% include ... with title="Stories" %}.
TAG_TEXT_ARGUMENT = re.compile(
    r"\b(?:title|subtitle|heading|label|submit|description|placeholder|text)="
    r"(?P<quote>[\"'])(?P<text>[^\"']*)(?P=quote)"
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._in_code = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._in_code += 1
        for name, value in attrs:
            if name in ATTRIBUTES_PEOPLE_READ and value:
                self.pieces.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._in_code = max(0, self._in_code - 1)

    def handle_data(self, data):
        if not self._in_code:
            self.pieces.append(data)


def unmarked_template_text(source: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Text in a template outside translation tags; template tags and variables count as none."""
    kept: list[str] = []
    tag_texts: list[str] = []
    closing = None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name, *arguments = token.split_contents()
            if closing is None and name in SKIPPED_BLOCKS:
                closing = SKIPPED_BLOCKS[name]
            elif closing is None and name == "block" and arguments[0] in CLASS_BLOCKS:
                closing = "endblock"
            elif name == closing:
                closing = None
            if closing is None:
                tag_texts += [match["text"] for match in TAG_TEXT_ARGUMENT.finditer(token.contents)]
            kept.append(PLACEHOLDER)
        elif token.token_type == TokenType.TEXT and closing is None:
            kept.append(token.contents)
        elif closing is None:
            kept.append(PLACEHOLDER)
    collector = _TextCollector()
    collector.feed("".join(kept))
    collector.close()
    found = []
    for piece in [*collector.pieces, *tag_texts]:
        for text in piece.split(PLACEHOLDER):
            text = " ".join(text.split())
            if LETTER.search(text) and text not in allowed:
                found.append(text)
    return found


def catalogue_gaps(po_path: Path) -> list[str]:
    """Every entry of a catalogue that has no translation yet or is marked fuzzy."""
    import polib  # a test-only dependency: the portal itself never reads .po files

    catalogue = polib.pofile(str(po_path))
    gaps = [f"untranslated: {entry.msgid!r}" for entry in catalogue.untranslated_entries()]
    gaps += [f"fuzzy: {entry.msgid!r}" for entry in catalogue.fuzzy_entries()]
    return gaps
