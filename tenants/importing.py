"""Importing districts from a CSV file: every row is checked before anything is written."""

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection

from tenants.models import (
    RESERVED_SLUGS,
    SLUG_PATTERN,
    AdoptionStage,
    District,
)
from tenants.provisioning import DistrictSpec, provision_district

COLUMNS = ("name", "slug", "region", "adoption_stage")
IMPORTABLE_STAGES = {
    "": AdoptionStage.UNREPORTED,
    **{stage.value: stage for stage in AdoptionStage if stage != AdoptionStage.UNREPORTED},
}
# A PostgreSQL backend keeps the plan of every foreign-key check it has run and walks them all
# on each table or index it creates, so one connection slows with every district it clones.
DISTRICTS_PER_CONNECTION = 10
MAX_NAME = District._meta.get_field("name").max_length
MAX_REGION = District._meta.get_field("region").max_length


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class CheckedFile:
    specs: list[DistrictSpec] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportResult:
    created: list[District] = field(default_factory=list)
    updated: list[District] = field(default_factory=list)
    unchanged: list[District] = field(default_factory=list)


def check_csv(text: str) -> CheckedFile:
    """Read and check every row; the result holds either specs or errors, never both."""
    result = CheckedFile()
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None:
        result.errors.append(RowError(1, "the file is empty; expected a header row."))
        return result
    header = [column.strip().lower() for column in header]
    if tuple(header) != COLUMNS:
        result.errors.append(
            RowError(
                1, f"the header must be exactly {','.join(COLUMNS)} (found {','.join(header)})."
            )
        )
        return result
    seen_slugs: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            result.errors.append(
                RowError(line, f"expected {len(COLUMNS)} columns, found {len(row)}.")
            )
            continue
        name, slug, region, stage = (cell.strip() for cell in row)
        problems = _row_problems(name, slug, region, stage)
        if slug in seen_slugs:
            problems.append(f"the slug “{slug}” is already used on line {seen_slugs[slug]}.")
        seen_slugs.setdefault(slug, line)
        if problems:
            result.errors.extend(RowError(line, problem) for problem in problems)
        else:
            result.specs.append(DistrictSpec(name, slug, region, IMPORTABLE_STAGES[stage.lower()]))
    if result.errors:
        result.specs = []
    return result


def _row_problems(name: str, slug: str, region: str, stage: str) -> list[str]:
    problems = []
    if not name:
        problems.append("the name is empty.")
    elif len(name) > MAX_NAME:
        problems.append(f"the name is longer than {MAX_NAME} characters.")
    if not slug:
        problems.append("the slug is empty.")
    elif not re.match(SLUG_PATTERN, slug):
        problems.append(
            f"the slug “{slug}” must be lower-case letters, digits and hyphens (at most 50), "
            "starting and ending with a letter or digit."
        )
    elif slug in RESERVED_SLUGS:
        problems.append(f"the slug “{slug}” is reserved.")
    if len(region) > MAX_REGION:
        problems.append(f"the region is longer than {MAX_REGION} characters.")
    if stage.lower() not in IMPORTABLE_STAGES:
        allowed = ", ".join(value for value in IMPORTABLE_STAGES if value)
        problems.append(f"the adoption stage “{stage}” is not one of {allowed}, or empty.")
    return problems


def apply_import(
    specs: Iterable[DistrictSpec], progress: Callable[[DistrictSpec], None] | None = None
) -> ImportResult:
    """Create new districts and update existing ones (matched by slug)."""
    specs = list(specs)
    existing = {d.slug: d for d in District.objects.filter(slug__in=[s.slug for s in specs])}
    result = ImportResult()
    for spec in specs:
        district = existing.get(spec.slug)
        if district is None:
            result.created.append(provision_district(spec).district)
            if len(result.created) % DISTRICTS_PER_CONNECTION == 0:
                _reconnect()
        elif _update(district, spec):
            result.updated.append(district)
        else:
            result.unchanged.append(district)
        if progress is not None:
            progress(spec)
    return result


def _reconnect() -> None:
    if not connection.in_atomic_block:
        connection.close()


def _update(district: District, spec: DistrictSpec) -> bool:
    changes = {
        "name": spec.name,
        "region": spec.region,
        "adoption_stage": spec.adoption_stage,
    }
    changed = [field for field, value in changes.items() if getattr(district, field) != value]
    for field_name in changed:
        setattr(district, field_name, changes[field_name])
    if changed:
        district.save(update_fields=[*changed, "updated_at"])
    return bool(changed)
