"""The council's Spanish catalog: every marked string translated, and the compiled file that
Django reads made from the catalog as it stands."""

import ast
import gettext
import re
from pathlib import Path

import council

CATALOG = Path(council.__file__).parent / "locale" / "es" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def _text(quoted_lines: str) -> str:
    return "".join(ast.literal_eval(line) for line in quoted_lines.splitlines())


def po_entries() -> dict[str, str]:
    source = (CATALOG / "django.po").read_text()
    entries = {_text(msgid): _text(msgstr) for msgid, msgstr in ENTRY.findall(source)}
    entries.pop("", None)  # the header
    return entries


def test_every_council_string_has_a_spanish_translation():
    entries = po_entries()
    assert len(entries) > 150
    assert [msgid for msgid, msgstr in entries.items() if not msgstr.strip()] == []


def test_the_compiled_catalog_is_the_catalog_as_written():
    with open(CATALOG / "django.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    assert {msgid: translations.gettext(msgid) for msgid in po_entries()} == po_entries()


def test_placeholders_survive_translation():
    for msgid, msgstr in po_entries().items():
        assert set(re.findall(r"%\(\w+\)s|\{\w+\}", msgid)) == set(
            re.findall(r"%\(\w+\)s|\{\w+\}", msgstr)
        ), msgid
