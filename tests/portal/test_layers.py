"""The import contracts in pyproject.toml hold, and they catch an import that points upward."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
    "root_packages"
]


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [Path(sys.executable).parent / "lint-imports", "--no-cache", "--no-logo"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """The packages and their contracts, in a folder a test may change."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_code_keeps_every_contract():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_tenancy_importing_a_content_app_breaks_the_layers(project_copy):
    models = project_copy / "tenants" / "models.py"
    models.write_text(models.read_text() + "\nfrom portrait.models import StoryPage  # noqa\n")

    result = lint_imports(project_copy)

    assert result.returncode == 1
    assert "Layers point one way BROKEN" in result.stdout
    assert "tenants.models -> portrait.models" in result.stdout


def test_the_portrait_importing_the_council_breaks_their_independence(project_copy):
    home = project_copy / "portrait" / "models" / "home.py"
    home.write_text(home.read_text() + "\nfrom council.models import Convening  # noqa\n")

    result = lint_imports(project_copy)

    assert result.returncode == 1
    assert "portrait is not allowed to import council" in result.stdout


def test_the_read_model_of_progress_importing_district_progress_breaks_its_contract(
    project_copy,
):
    read_model = project_copy / "state" / "progress" / "models" / "read_model.py"
    read_model.write_text(
        read_model.read_text() + "\nfrom progress.models import AssessmentRound  # noqa\n"
    )

    result = lint_imports(project_copy)

    assert result.returncode == 1
    assert "knows nothing of a district's progress work BROKEN" in result.stdout
    assert "state.progress.models.read_model -> progress.models" in result.stdout
