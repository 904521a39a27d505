import pytest
from django.core.management import CommandError, call_command

from progress.statewide.loading import FRAMEWORKS_DIR
from progress.statewide.models import Competency, CompetencyStage, Framework, FrameworkVersion


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
