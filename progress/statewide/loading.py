"""Load a framework's structure from a YAML file: check it, keep versions, safe to re-run.

The file format (see progress/frameworks/):

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
from django.utils.text import slugify

from progress.statewide.models.frameworks import FrameworkKind

FRAMEWORKS_DIR = Path(__file__).resolve().parent.parent / "frameworks"
DEFAULT_FRAMEWORK_FILE = FRAMEWORKS_DIR / "finding-your-path.yaml"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_LEVEL_KEYS = {"slug", "name", "publisher", "kind", "stages", "conditions", "description"}
CONDITION_KEYS = {"name", "priority", "competencies"}


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
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        reason = getattr(error, "problem", None) or error
        raise FrameworkFileError([f"{where}not valid YAML ({reason})"]) from error
    problems: list[str] = []
    if not isinstance(data, dict):
        raise FrameworkFileError(["the file must be a mapping with slug, name, kind, stages, …"])
    for key in sorted(set(data) - TOP_LEVEL_KEYS):
        problems.append(f"unknown key “{key}” (expected: {', '.join(sorted(TOP_LEVEL_KEYS))})")
    slug = _text(data, "slug", problems)
    if slug and not SLUG_RE.match(slug):
        problems.append(f"slug “{slug}” must be lower-case letters, digits and hyphens")
    name = _text(data, "name", problems)
    kind = _text(data, "kind", problems)
    if kind and kind not in FrameworkKind.values:
        problems.append(f"kind “{kind}” must be one of: {', '.join(FrameworkKind.values)}")
    stages = _named_list(data.get("stages"), "stages", problems)
    conditions = []
    raw_conditions = data.get("conditions")
    if not isinstance(raw_conditions, list) or not raw_conditions:
        problems.append("conditions: a non-empty list is required")
        raw_conditions = []
    competency_slugs: dict[str, str] = {}
    condition_slugs: set[str] = set()
    for index, raw in enumerate(raw_conditions, start=1):
        where = f"conditions #{index}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: must be a mapping with name and competencies")
            continue
        for key in sorted(set(raw) - CONDITION_KEYS):
            problems.append(f"{where}: unknown key “{key}”")
        condition_name = _text(raw, "name", problems, where)
        where = f"condition “{condition_name}”" if condition_name else where
        priority = raw.get("priority", False)
        if not isinstance(priority, bool):
            problems.append(f"{where}: priority must be true or false")
        condition_slug = slugify(condition_name or "")
        if condition_slug in condition_slugs:
            problems.append(f"{where}: a second condition with the slug “{condition_slug}”")
        condition_slugs.add(condition_slug)
        competencies = _named_list(raw.get("competencies"), f"{where}: competencies", problems)
        for competency_slug, competency_name in competencies:
            if competency_slug in competency_slugs:
                problems.append(
                    f"{where}: competency “{competency_name}” has the same slug as "
                    f"“{competency_slugs[competency_slug]}”"
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
        publisher=str(data.get("publisher") or ""),
        kind=kind,
        description=str(data.get("description") or ""),
        stages=stages,
        conditions=conditions,
    )


def _text(data: dict, key: str, problems: list[str], where: str = "") -> str:
    value = data.get(key)
    prefix = f"{where}: " if where else ""
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{prefix}{key} is required (a non-empty text)")
        return ""
    return value.strip()


def _named_list(value, where: str, problems: list[str]) -> list[tuple[str, str]]:
    if not isinstance(value, list) or not value:
        problems.append(f"{where}: a non-empty list of names is required")
        return []
    named, seen = [], set()
    for item in value:
        if not isinstance(item, str | int | float) or not str(item).strip():
            problems.append(f"{where}: “{item}” is not a name")
            continue
        name = str(item).strip()
        slug = slugify(name.replace("%", " percent"))
        if not slug:
            problems.append(f"{where}: “{name}” has no letters or digits to make a slug from")
        elif slug in seen:
            problems.append(f"{where}: “{name}” appears twice")
        seen.add(slug)
        named.append((slug, name))
    return named


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
