"""Every string the portal writes is marked for translation; every Spanish catalogue is whole."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from portal.translation_checks import (
    catalogue_gaps,
    unmarked_python_strings,
    unmarked_template_text,
)

CHECKED_APPS = [
    "portal",
    "tenants",
    "caching",
    "routing",
    "publishing",
    "support",
    "spreadsheets",
    "api",
    "state",
    "portrait",
    "progress",
    "demo",
    "accessibility",
]
# Names of file formats and products, the same in every language.
# File formats, and a language named in itself (the link back to the English page).
TEMPLATE_TEXT_NOT_TRANSLATED = frozenset({"CSV", "XLSX", "English"})


def _texts(found):
    return [item.text for item in found]


# The Python scanner.


def test_an_unmarked_verbose_name_help_text_or_label_is_found():
    source = (
        "name = models.CharField(verbose_name='name', help_text='Who it is.')\n"
        "code = forms.CharField(label='Code')\n"
    )
    assert _texts(unmarked_python_strings(source)) == ["name", "Who it is.", "Code"]


def test_marked_text_is_not_reported():
    source = (
        "from django.utils.translation import gettext_lazy as _\n"
        "name = models.CharField(verbose_name=_('name'), help_text=_('Who it is.'))\n"
        "messages.success(request, _('“%(name)s” is saved.') % {'name': name})\n"
        "raise ValidationError(_('Too long.'), code='long')\n"
    )
    assert unmarked_python_strings(source) == []


def test_messages_errors_and_formatted_text_are_checked():
    source = (
        "messages.success(request, 'Saved.')\n"
        "messages.error(request, f'{name} could not be saved.')\n"
        "raise ValidationError('Too long.')\n"
        "raise forms.ValidationError('{} is taken'.format(name))\n"
        "self.add_error('rationale', 'Say why.')\n"
    )
    assert _texts(unmarked_python_strings(source)) == [
        "Saved.",
        "f'{name} could not be saved.'",
        "Too long.",
        "{} is taken",
        "Say why.",
    ]


def test_choices_inline_in_a_module_constant_and_in_text_choices_are_checked():
    source = (
        "KINDS = [('a', 'Community convening'), ('b', _('Survey'))]\n"
        "kind = models.CharField(choices=KINDS)\n"
        "size = forms.ChoiceField(choices=[('s', 'Small')])\n"
        "class Stage(models.TextChoices):\n"
        "    EARLY = 'early', 'Getting started'\n"
        "    LATE = 'late', _('Sustaining')\n"
    )
    assert _texts(unmarked_python_strings(source)) == [
        "Community convening",
        "Small",
        "Getting started",
    ]


def test_meta_names_and_block_descriptions_are_checked():
    source = (
        "class Story(Page):\n"
        "    class Meta:\n"
        "        verbose_name = 'story'\n"
        "        verbose_name_plural = _('stories')\n"
        "        description = 'A story of the vision in practice.'\n"
        "        icon = 'doc-full'\n"
    )
    assert _texts(unmarked_python_strings(source)) == [
        "story",
        "A story of the vision in practice.",
    ]


def test_choices_set_on_a_form_field_app_names_and_block_errors_are_checked():
    source = (
        "self.fields['region'].choices = [('', 'All regions'), *regions]\n"
        "class PortraitConfig(AppConfig):\n"
        "    name = 'portrait'\n"
        "    label = 'portrait'\n"
        "    verbose_name = 'Portraits and stories'\n"
        "errors = {'slug': ErrorList(['Use only lower-case letters.'])}\n"
        "self.fields['slug'].help_text = 'Fixed once the district exists.'\n"
        "raise ValidationError({'hero_alt': 'Add alternative text.'})\n"
    )
    assert _texts(unmarked_python_strings(source)) == [
        "All regions",
        "Portraits and stories",
        "Use only lower-case letters.",
        "Fixed once the district exists.",
        "Add alternative text.",
    ]


def test_admin_menus_panel_headings_and_option_dicts_are_checked():
    source = (
        "class RoundViewSet(ModelViewSet):\n"
        "    menu_label = 'Assessment rounds'\n"
        "item = MenuItem('Two-factor sign-in', '/2fa/', icon_name='key')\n"
        "panel = MultiFieldPanel([], heading='Timeline')\n"
        "options = {'label': 'API tokens', 'icon': 'key'}\n"
    )
    assert _texts(unmarked_python_strings(source)) == [
        "Assessment rounds",
        "Two-factor sign-in",
        "Timeline",
        "API tokens",
    ]


def test_identifiers_and_symbols_are_not_text():
    source = "field = forms.CharField(label='', help_text='—', choices=[(1, 2)])\n"
    assert unmarked_python_strings(source) == []


# The template scanner.


def test_text_outside_translation_tags_is_found():
    source = (
        "{% load i18n %}<h1>{% translate 'Stories' %}</h1>"
        "<p>Read more</p><img src='x.png' alt='A school bus'>"
    )
    assert unmarked_template_text(source) == ["Read more", "A school bus"]


def test_translated_blocks_variables_comments_and_code_are_not_text():
    source = (
        "{% load i18n %}{% block body_class %}council{% endblock %}"
        "<p>{% blocktranslate trimmed with name=district.name %}Welcome to {{ name }}"
        "{% endblocktranslate %}</p>{# a note #}{% comment %}Not shown{% endcomment %}"
        "<p>{{ page.title }} · {{ count }}</p><script>let label = 'x';</script>"
        "<p title=\"{% translate 'More' %}\">{% translate 'Read more' %}</p>"
    )
    assert unmarked_template_text(source) == []


def test_text_beside_a_variable_is_found():
    assert unmarked_template_text("<p>{{ count }} seats left.</p>") == ["seats left."]


def test_text_handed_to_an_included_template_is_found():
    source = (
        '{% include "includes/filter_form.html" with label="Find districts" submit=label %}'
        '{% panel id="status" heading="Your district at a glance" %}{% endpanel %}'
    )
    assert unmarked_template_text(source) == ["Find districts", "Your district at a glance"]


def test_allowed_text_is_not_reported():
    assert unmarked_template_text("<a href='x.csv'>CSV</a>", frozenset({"CSV"})) == []


# The catalogue check.


def test_a_catalogue_with_an_untranslated_or_fuzzy_entry_has_gaps(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Stories"\nmsgstr "Historias"\n\n'
        'msgid "Search"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "District directory"\nmsgstr "Directorio"\n',
        encoding="utf-8",
    )
    assert catalogue_gaps(catalogue) == [
        "untranslated: 'Search'",
        "fuzzy: 'District directory'",
    ]


# The project itself.


def _python_modules():
    for app in CHECKED_APPS:
        for path in sorted((settings.BASE_DIR / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _templates():
    for path in sorted((settings.BASE_DIR / "templates").rglob("*")):
        if path.suffix in {".html", ".txt"}:
            yield path


def _spanish_catalogues():
    base = Path(settings.BASE_DIR)
    return sorted(
        path for path in base.rglob("locale/es/LC_MESSAGES/django.po") if ".venv" not in path.parts
    )


def test_every_user_facing_python_string_is_marked():
    unmarked = [
        f"{path.relative_to(settings.BASE_DIR)}:{item.line}: {item.text}"
        for path in _python_modules()
        for item in unmarked_python_strings(path.read_text(encoding="utf-8"))
    ]
    assert unmarked == []


def test_every_template_string_is_marked():
    unmarked = [
        f"{path.relative_to(settings.BASE_DIR)}: {text}"
        for path in _templates()
        for text in unmarked_template_text(
            path.read_text(encoding="utf-8"), TEMPLATE_TEXT_NOT_TRANSLATED
        )
    ]
    assert unmarked == []


def test_the_project_has_a_spanish_catalogue():
    project_catalogue = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
    assert project_catalogue in _spanish_catalogues()


@pytest.mark.parametrize("catalogue", _spanish_catalogues(), ids=str)
def test_every_spanish_catalogue_is_complete(catalogue):
    assert catalogue_gaps(catalogue) == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
@pytest.mark.parametrize("catalogue", _spanish_catalogues(), ids=str)
def test_every_spanish_catalogue_compiles_cleanly(catalogue, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(catalogue)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


@pytest.mark.parametrize("catalogue", _spanish_catalogues(), ids=str)
def test_every_compiled_catalogue_matches_its_source(catalogue):
    import polib

    compiled = catalogue.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run compilemessages"

    def translations(entries):
        return {
            (entry.msgctxt, entry.msgid, entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            for entry in entries
            if entry.msgid and not entry.obsolete
        }

    assert translations(polib.mofile(str(compiled))) == translations(polib.pofile(str(catalogue)))


EXTRACTED_TREES = [*CHECKED_APPS, "council", "templates", "locale"]


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")
def test_makemessages_finds_no_string_missing_from_the_spanish_catalogues(
    tmp_path, settings, monkeypatch
):
    """Django's own extraction, on a copy of the tree with the committed catalogues: any
    marked string they lack comes back untranslated (or fuzzy, where gettext guessed)."""
    from django.core.management import call_command

    for tree in EXTRACTED_TREES:
        shutil.copytree(settings.BASE_DIR / tree, tmp_path / tree)
    # The first locale directory whose parent holds a file receives its strings.
    settings.LOCALE_PATHS = [tmp_path / "council" / "locale", tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)

    call_command("makemessages", locale=["es"], verbosity=0)

    gaps = {
        str(catalogue.relative_to(tmp_path)): catalogue_gaps(catalogue)
        for catalogue in sorted(tmp_path.rglob("locale/es/LC_MESSAGES/django.po"))
    }
    assert set(gaps) == {
        "locale/es/LC_MESSAGES/django.po",
        "council/locale/es/LC_MESSAGES/django.po",
    }
    assert gaps == dict.fromkeys(gaps, [])
