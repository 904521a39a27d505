import pytest
from django.core.management import CommandError, call_command

from state.progress.loading import FRAMEWORKS_DIR
from state.progress.models import Competency, CompetencyStage, Framework, FrameworkVersion


def test_finding_your_path_is_there_from_the_start(db):
    version = Framework.objects.get(slug="finding-your-path").current_version
    assert version.number == 1
    assert version.conditions.count() == 12 and version.competencies.count() == 30
    assert list(version.stages.values_list("name", flat=True)) == [
        "Establishing",
        "Developing",
        "Operationalizing",
        "Refining",
    ]


def test_loading_again_changes_nothing(db, capsys):
    call_command("load_framework", str(FRAMEWORKS_DIR / "finding-your-path.yaml"))
    assert "unchanged since version 1" in capsys.readouterr().out
    assert FrameworkVersion.objects.filter(framework__slug="finding-your-path").count() == 1


def test_a_second_framework_loads_with_its_bands(db, capsys):
    call_command("load_framework", str(FRAMEWORKS_DIR / "collaborative-leadership.yaml"))
    assert "as version 1" in capsys.readouterr().out
    version = Framework.objects.get(slug="collaborative-leadership").current_version
    assert version.stages.first().slug == "0-19-percent"
    assert version.competencies.count() == 4


def test_a_changed_file_makes_a_new_version_and_keeps_the_states_writing(db, tmp_path, capsys):
    competency = Competency.objects.get(version__number=1, slug="voice")
    competency.description = "How every voice shapes decisions."
    competency.save()
    CompetencyStage.objects.create(competency=competency, stage_slug="developing", description="x")
    source = (FRAMEWORKS_DIR / "finding-your-path.yaml").read_text()
    changed = tmp_path / "fyp.yaml"
    changed.write_text(source.replace("[Goal Setting, Voice,", "[Goal Setting, Voice, Ownership,"))
    call_command("load_framework", str(changed))
    assert "as version 2" in capsys.readouterr().out
    new = Competency.objects.get(
        version__number=2, version__framework__slug="finding-your-path", slug="voice"
    )
    assert new.description == "How every voice shapes decisions."
    assert new.stage_descriptions.get().stage_slug == "developing"
    assert Competency.objects.filter(version__number=1, slug="voice").exists()  # kept


def test_a_bad_file_is_explained_and_changes_nothing(db, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "slug: Bad Slug\nname: Bad\nkind: graded\nstages: [One, One]\ncolour: blue\n"
        "conditions:\n  - name: A\n    competencies: []\n"
    )
    with pytest.raises(CommandError) as raised:
        call_command("load_framework", str(bad))
    message = str(raised.value)
    for expected in (
        "unknown key “colour”",
        "slug “Bad Slug” must be lower-case",
        "kind “graded” must be one of: staged, banded",
        "stages: “One” appears twice",
        "condition “A”: competencies: a non-empty list of names is required",
    ):
        assert expected in message
    assert not Framework.objects.filter(name="Bad").exists()


def test_invalid_yaml_names_the_line(db, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("slug: x\nname: [unclosed\n")
    with pytest.raises(CommandError, match="line 3"):
        call_command("load_framework", str(bad))


GOOD_TOP = "slug: strict\nname: Strict\nkind: staged\n"


def refusal(tmp_path, text: str, *options: str) -> str:
    """The command's message for a file it must refuse, with nothing loaded."""
    path = tmp_path / "strict.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("load_framework", str(path), *options)
    assert not Framework.objects.filter(slug="strict").exists()
    return str(raised.value)


def loaded(tmp_path, text: str):
    path = tmp_path / "strict.yaml"
    path.write_text(text, encoding="utf-8")
    call_command("load_framework", str(path))
    return FrameworkVersion.objects.get(framework__slug="strict")


BOTH = pytest.mark.parametrize("options", [(), ("--check",)], ids=["load", "check"])


@BOTH
def test_a_key_given_twice_is_refused_with_its_line(db, tmp_path, options):
    text = (
        GOOD_TOP + "stages: [One, Two]\nname: Strict again\n"
        "conditions:\n  - name: A\n    competencies: [X]\n    competencies: [Y]\n"
    )
    message = refusal(tmp_path, text, *options)
    assert "line 5: “name” is given twice (first on line 2)" in message
    assert "line 9: “competencies” is given twice (first on line 8)" in message


@BOTH
def test_keys_that_are_not_text_are_refused(db, tmp_path, options):
    text = (
        GOOD_TOP + "stages: [One]\n1: one\ntrue: yes\n? [a, b]\n: c\n"
        "conditions:\n  - name: A\n    competencies: [X]\n"
    )
    message = refusal(tmp_path, text, *options)
    assert "line 5: unknown key “1”" in message
    assert "line 6: the key “True” must be a name (text)" in message
    assert "line 7: the key “['a', 'b']” must be a name (text)" in message


@BOTH
def test_aliases_are_refused_before_they_expand(db, tmp_path, options):
    laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        laughs.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]")
    text = GOOD_TOP + "\n".join(laughs) + "\nstages: *i\nconditions: []\n"

    message = refusal(tmp_path, text, *options)

    assert "line 5: not valid YAML (aliases (*name) are not allowed" in message
    assert len(message) < 500


@BOTH
def test_even_a_small_alias_is_refused(db, tmp_path, options):
    text = (
        GOOD_TOP + "stages: &names [One, Two]\nconditions:\n  - name: A\n    competencies: *names\n"
    )
    assert "line 7: not valid YAML (aliases" in refusal(tmp_path, text, *options)


@BOTH
def test_yes_is_not_read_as_true(db, tmp_path, options):
    text = GOOD_TOP + "stages: [One]\nconditions:\n  - name: A\n    priority: yes\n"
    text += "    competencies: [X]\n"
    assert "line 7: condition “A”: priority must be true or false (found “yes”)" in refusal(
        tmp_path, text, *options
    )


def test_yes_and_no_as_names_are_kept_as_written(db, tmp_path):
    text = GOOD_TOP + "stages: [No, Yes, 'On']\nconditions:\n  - name: Off\n"
    text += "    priority: true\n    competencies: [N, Y]\n"

    version = loaded(tmp_path, text)

    assert list(version.stages.values_list("name", flat=True)) == ["No", "Yes", "On"]
    assert list(version.conditions.values_list("name", "priority")) == [("Off", True)]
    assert list(version.competencies.values_list("name", flat=True)) == ["N", "Y"]


def test_a_bare_true_is_not_a_name(db, tmp_path):
    text = GOOD_TOP + "stages: [One, true]\nconditions:\n  - name: A\n    competencies: [X]\n"
    assert "line 4: stages: “true” is not a name (quote it if it is one)" in refusal(tmp_path, text)


@BOTH
def test_over_long_names_are_refused_with_their_lines(db, tmp_path, options):
    text = (
        f"slug: strict\nname: {'N' * 201}\nkind: staged\nstages:\n  - One\n  - {'S' * 101}\n"
        f"conditions:\n  - name: {'C' * 81}\n    competencies:\n      - {'K' * 201}\n"
    )
    message = refusal(tmp_path, text, *options)
    assert "line 2: name is longer than 200 characters" in message
    assert f"line 6: stages: “{'S' * 39}…” is too long" in message
    assert f"line 8: condition “{'C' * 81}”: is too long (a name is kept to 200 characters, " in (
        message
    )
    assert f"line 10: condition “{'C' * 81}”: competencies: “{'K' * 39}…” is too long" in message


def test_nesting_without_end_is_refused(db, tmp_path):
    text = GOOD_TOP + "stages: " + "[" * 5000 + "]" * 5000 + "\n"
    assert "nested too deeply" in refusal(tmp_path, text)
