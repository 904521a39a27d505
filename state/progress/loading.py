"""Load a framework's structure from a YAML file: check it, keep versions, safe to re-run.

The file format (see state/progress/frameworks/):

    slug: finding-your-path
    name: Finding Your Path
    publisher: KnowledgeWorks          # optional
    kind: staged                       # or banded
    stages: [Establishing, Developing, ...]
    conditions:
      - name: Shared Vision
        priority: true                 # optional
        competencies: [Equity-Driven, Strategic Planning]

Loading the same structure again changes nothing. A changed structure becomes a new version;
older versions stay, because published rounds name the version they were rated on.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.apps import apps as global_apps
from django.db import transaction
from django.utils.text import Truncator, slugify

from state.progress.framework_yaml import line_of, load_framework_yaml
from state.progress.models.frameworks import (
    Competency,
    Condition,
    Framework,
    FrameworkKind,
    Stage,
)

FRAMEWORKS_DIR = Path(__file__).resolve().parent / "frameworks"
DEFAULT_FRAMEWORK_FILE = FRAMEWORKS_DIR / "finding-your-path.yaml"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_LEVEL_KEYS = {"slug", "name", "publisher", "kind", "stages", "conditions", "description"}
CONDITION_KEYS = {"name", "priority", "competencies"}
MAX_FRAMEWORK_SLUG = Framework._meta.get_field("slug").max_length
MAX_FRAMEWORK_NAME = Framework._meta.get_field("name").max_length
MAX_STAGE_NAME = Stage._meta.get_field("name").max_length
MAX_CONDITION_NAME = Condition._meta.get_field("name").max_length
MAX_COMPETENCY_NAME = Competency._meta.get_field("name").max_length
MAX_SLUG = Competency._meta.get_field("slug").max_length  # stages' and conditions' alike


class FrameworkFileError(Exception):
    """A framework file that cannot be loaded; `problems` lists every reason found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class ConditionSpec:
    name: str
    slug: str
    priority: bool
    competencies: list[tuple[str, str]]  # (slug, name)


@dataclass
class FrameworkSpec:
    slug: str
    name: str
    publisher: str
    kind: str
    description: str
    stages: list[tuple[str, str]]  # (slug, name)
    conditions: list[ConditionSpec] = field(default_factory=list)

    def digest(self) -> str:
        structure = {
            "kind": self.kind,
            "stages": self.stages,
            "conditions": [[c.slug, c.name, c.priority, c.competencies] for c in self.conditions],
        }
        return hashlib.sha256(json.dumps(structure, sort_keys=True).encode()).hexdigest()


@dataclass
class LoadResult:
    framework_slug: str
    version: int
    created: bool


def read_framework_file(path: Path) -> tuple[FrameworkSpec, str]:
    """Parse and check a framework file; raise FrameworkFileError listing every problem."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FrameworkFileError([f"cannot read {path}: {error}"]) from error
    return parse_framework(source), source


def parse_framework(source: str) -> FrameworkSpec:
    try:
        data, problems = load_framework_yaml(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        reason = getattr(error, "problem", None) or error
        raise FrameworkFileError([f"{where}not valid YAML ({reason})"]) from error
    except RecursionError as error:
        raise FrameworkFileError(["the file is nested too deeply to be a framework"]) from error
    if not isinstance(data, dict):
        raise FrameworkFileError(["the file must be a mapping with slug, name, kind, stages, …"])
    for key in sorted(set(data) - TOP_LEVEL_KEYS):
        problems.append(
            f"{line_of(data, key)}unknown key “{key}” "
            f"(expected: {', '.join(sorted(TOP_LEVEL_KEYS))})"
        )
    slug = _text(data, "slug", problems, max_length=MAX_FRAMEWORK_SLUG)
    if slug and not SLUG_RE.match(slug):
        problems.append(
            f"{line_of(data, 'slug')}slug “{slug}” must be lower-case letters, digits and hyphens"
        )
    name = _text(data, "name", problems, max_length=MAX_FRAMEWORK_NAME)
    publisher = _text(data, "publisher", problems, max_length=MAX_FRAMEWORK_NAME, required=False)
    description = _text(data, "description", problems, required=False)
    kind = _text(data, "kind", problems)
    if kind and kind not in FrameworkKind.values:
        problems.append(
            f"{line_of(data, 'kind')}kind “{kind}” must be one of: "
            f"{', '.join(FrameworkKind.values)}"
        )
    stages = _named_list(data, "stages", "stages", problems, MAX_STAGE_NAME)
    conditions = []
    raw_conditions = data.get("conditions")
    if not isinstance(raw_conditions, list) or not raw_conditions:
        problems.append(f"{line_of(data, 'conditions')}conditions: a non-empty list is required")
        raw_conditions = []
    competency_slugs: dict[str, str] = {}
    condition_slugs: set[str] = set()
    for index, raw in enumerate(raw_conditions):
        line = line_of(raw_conditions, index)
        where = f"conditions #{index + 1}"
        if not isinstance(raw, dict):
            problems.append(f"{line}{where}: must be a mapping with name and competencies")
            continue
        for key in sorted(set(raw) - CONDITION_KEYS):
            problems.append(f"{line_of(raw, key)}{where}: unknown key “{key}”")
        condition_name = _text(raw, "name", problems, where, max_length=MAX_CONDITION_NAME)
        where = f"condition “{condition_name}”" if condition_name else where
        priority = raw.get("priority", False)
        if not isinstance(priority, bool):
            problems.append(
                f"{line_of(raw, 'priority')}{where}: priority must be true or false "
                f"(found “{priority}”)"
            )
        condition_slug = slugify(condition_name or "")
        if len(condition_slug) > MAX_SLUG:
            problems.append(f"{line}{where}: {_too_long(MAX_CONDITION_NAME)}")
        elif condition_slug in condition_slugs:
            problems.append(f"{line}{where}: a second condition with the slug “{condition_slug}”")
        condition_slugs.add(condition_slug)
        competencies = _named_list(
            raw, "competencies", f"{where}: competencies", problems, MAX_COMPETENCY_NAME
        )
        for competency_slug, competency_name in competencies:
            if competency_slug in competency_slugs:
                problems.append(
                    f"{line_of(raw, 'competencies')}{where}: competency “{competency_name}” "
                    f"has the same slug as “{competency_slugs[competency_slug]}”"
                )
            competency_slugs[competency_slug] = competency_name
        conditions.append(
            ConditionSpec(condition_name or "", condition_slug, priority is True, competencies)
        )
    if problems:
        raise FrameworkFileError(problems)
    return FrameworkSpec(
        slug=slug,
        name=name,
        publisher=publisher,
        kind=kind,
        description=description,
        stages=stages,
        conditions=conditions,
    )


def _text(
    data: dict,
    key: str,
    problems: list[str],
    where: str = "",
    *,
    max_length: int | None = None,
    required: bool = True,
) -> str:
    value = data.get(key)
    prefix = f"{line_of(data, key)}{where}: " if where else line_of(data, key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        expected = "is required (a non-empty text)" if required else "must be a text"
        problems.append(f"{prefix}{key} {expected}")
        return ""
    value = value.strip()
    if max_length is not None and len(value) > max_length:
        problems.append(f"{prefix}{key} is longer than {max_length} characters")
    return value


def _named_list(
    data: dict, key: str, where: str, problems: list[str], max_length: int
) -> list[tuple[str, str]]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        problems.append(f"{line_of(data, key)}{where}: a non-empty list of names is required")
        return []
    named, seen = [], set()
    for index, item in enumerate(value):
        line = line_of(value, index)
        if not isinstance(item, str) or not item.strip():
            shown = "true" if item is True else "false" if item is False else item
            problems.append(f"{line}{where}: “{shown}” is not a name (quote it if it is one)")
            continue
        name = item.strip()
        slug = slugify(name.replace("%", " percent"))
        if not slug:
            problems.append(f"{line}{where}: “{name}” has no letters or digits to make a slug from")
        elif slug in seen:
            problems.append(f"{line}{where}: “{name}” appears twice")
        elif len(name) > max_length or len(slug) > MAX_SLUG:
            problems.append(f"{line}{where}: “{Truncator(name).chars(40)}” {_too_long(max_length)}")
        seen.add(slug)
        named.append((slug, name))
    return named


def _too_long(max_length: int) -> str:
    return f"is too long (a name is kept to {max_length} characters, its slug to {MAX_SLUG})"


def load_framework(spec: FrameworkSpec, source: str, apps=global_apps) -> LoadResult:
    """Store the structure as a new version unless the newest version already has it.
    `apps` lets a data migration pass its historical models."""
    Framework = apps.get_model("progress_statewide", "Framework")
    FrameworkVersion = apps.get_model("progress_statewide", "FrameworkVersion")
    digest = spec.digest()
    with transaction.atomic():
        framework, _ = Framework.objects.select_for_update().update_or_create(
            slug=spec.slug,
            defaults={"name": spec.name, "publisher": spec.publisher, "kind": spec.kind},
        )
        if spec.description and not framework.description:
            framework.description = spec.description
            framework.save(update_fields=["description"])
        previous = FrameworkVersion.objects.filter(framework=framework).order_by("-number").first()
        if previous is not None and previous.structure_digest == digest:
            return LoadResult(spec.slug, previous.number, created=False)
        version = FrameworkVersion.objects.create(
            framework=framework,
            number=(previous.number + 1) if previous else 1,
            structure_digest=digest,
            source=source,
        )
        _create_structure(apps, version, spec, previous)
    return LoadResult(spec.slug, version.number, created=True)


def _create_structure(apps, version, spec: FrameworkSpec, previous) -> None:
    Stage = apps.get_model("progress_statewide", "Stage")
    Condition = apps.get_model("progress_statewide", "Condition")
    Competency = apps.get_model("progress_statewide", "Competency")
    CompetencyStage = apps.get_model("progress_statewide", "CompetencyStage")
    # The state's own writing carries forward to the new version wherever a slug survives.
    old_stages = {s.slug: s for s in Stage.objects.filter(version=previous)} if previous else {}
    old_conditions = (
        {c.slug: c for c in Condition.objects.filter(version=previous)} if previous else {}
    )
    old_competencies = (
        {c.slug: c for c in Competency.objects.filter(version=previous)} if previous else {}
    )
    Stage.objects.bulk_create(
        Stage(
            version=version,
            slug=slug,
            name=name,
            position=position,
            description=getattr(old_stages.get(slug), "description", ""),
        )
        for position, (slug, name) in enumerate(spec.stages, start=1)
    )
    position = 0
    stage_texts = []
    for condition_position, condition_spec in enumerate(spec.conditions, start=1):
        condition = Condition.objects.create(
            version=version,
            slug=condition_spec.slug,
            name=condition_spec.name,
            priority=condition_spec.priority,
            position=condition_position,
            description=getattr(old_conditions.get(condition_spec.slug), "description", ""),
        )
        for slug, name in condition_spec.competencies:
            position += 1
            old = old_competencies.get(slug)
            competency = Competency.objects.create(
                version=version,
                condition=condition,
                slug=slug,
                name=name,
                position=position,
                description=old.description if old else "",
                guiding_questions=old.guiding_questions if old else "",
            )
            if old is not None:
                stage_texts += [
                    CompetencyStage(
                        competency=competency,
                        stage_slug=text.stage_slug,
                        description=text.description,
                    )
                    for text in CompetencyStage.objects.filter(competency=old)
                ]
    CompetencyStage.objects.bulk_create(stage_texts)
