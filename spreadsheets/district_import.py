"""Importing districts from a CSV file: every row is checked before anything is written."""

import csv
import io
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.text import Truncator

from tenants.adoption import BY_STATE, change_adoption_stage
from tenants.models import AdoptionStage, District
from tenants.provisioning import DistrictSpec, check_district, district_for, provision_district

logger = logging.getLogger(__name__)

COLUMNS = ("name", "slug", "region", "adoption_stage")
# Who the history names for a stage an import changes.
IMPORTED_BY = "import_districts"
# A PostgreSQL backend keeps the plan of every foreign-key check it has run and walks them all
# on each table or index it creates, so one connection slows with every district it clones.
DISTRICTS_PER_CONNECTION = 10


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
    rows: list[tuple[int, list[str]]] = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            result.errors.append(
                RowError(reader.line_num, f"expected {len(COLUMNS)} columns, found {len(row)}.")
            )
            continue
        rows.append((reader.line_num, [cell.strip() for cell in row]))
    existing = _existing_slugs(slug for _, (_, slug, _, _) in rows)
    seen_slugs: dict[str, int] = {}
    for line, (name, slug, region, stage) in rows:
        problems = _row_problems(name, slug, region, stage, new=slug not in existing)
        if slug in seen_slugs:
            problems.append(
                f"the slug “{_shown(slug)}” is already used on line {seen_slugs[slug]}."
            )
        seen_slugs.setdefault(slug, line)
        if problems:
            result.errors.extend(RowError(line, problem) for problem in problems)
        else:
            result.specs.append(DistrictSpec(name, slug, region, stage_from_cell(stage)))
    if result.errors:
        result.specs = []
    return result


def _existing_slugs(slugs: Iterable[str]) -> set[str]:
    # A NUL byte cannot even be sent to PostgreSQL; such a slug is refused by the row check.
    wanted = [slug for slug in slugs if "\x00" not in slug]
    return set(District.objects.filter(slug__in=wanted).values_list("slug", flat=True))


def stage_from_cell(value: str) -> str:
    """A stage as a file may write it: in any case, or empty for one not reported yet."""
    return value.strip().lower() or AdoptionStage.UNREPORTED


def _row_problems(name: str, slug: str, region: str, stage: str, *, new: bool) -> list[str]:
    """The row's problems in District's own words, from its own validators."""
    district = district_for(DistrictSpec(name, slug, region, stage_from_cell(stage)))
    try:
        check_district(district, new=new)
    except ValidationError as error:
        return [
            f"{_label(field, slug)}: {message}"
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def _label(field: str, slug: str) -> str:
    if field == "slug":
        return f"the slug “{_shown(slug)}”"
    return f"the {District._meta.get_field(field).verbose_name}"


def _shown(value: str) -> str:
    """A value as a message can quote it: NUL bytes made visible, long values shortened."""
    return Truncator(value.replace("\x00", "\\x00")).chars(60)


class ImportStopped(Exception):
    """The import failed part-way; the districts it had created were removed again."""


def apply_import(
    specs: Iterable[DistrictSpec], progress: Callable[[DistrictSpec], None] | None = None
) -> ImportResult:
    """Create new districts and update existing ones (matched by slug), all or none of them.

    PostgreSQL cannot clone hundreds of schemas in one transaction (each holds a lock per
    table until commit), so each district commits on its own and a failure removes the ones
    this import created; the updates wait for the end and go in one transaction.
    """
    specs = list(specs)
    existing = {d.slug: d for d in District.objects.filter(slug__in=[s.slug for s in specs])}
    result = ImportResult()
    spec = None
    try:
        for spec in specs:
            if spec.slug in existing:
                continue
            result.created.append(provision_district(spec).district)
            if len(result.created) % DISTRICTS_PER_CONNECTION == 0:
                _reconnect()
            if progress is not None:
                progress(spec)
        with transaction.atomic():
            for spec in specs:
                district = existing.get(spec.slug)
                if district is None:
                    continue
                (result.updated if _update(district, spec) else result.unchanged).append(district)
                if progress is not None:
                    progress(spec)
    except BaseException as error:
        left = _remove(result.created)
        if not isinstance(error, Exception):
            raise
        raise ImportStopped(_stopped_message(spec, error, len(result.created), left)) from error
    return result


def _remove(districts: list[District]) -> list[District]:
    """Drop each district with its schema, domains and read model; those that could not be."""
    left = []
    for district in reversed(districts):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                # Within a caller's transaction the clone's deferred foreign-key checks are
                # still pending, and PostgreSQL drops no table with pending checks.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                district.delete(force_drop=True)
        except Exception:
            logger.exception("Could not remove %s after a failed import.", district.slug)
            left.append(district)
    return left


def _stopped_message(spec, error: Exception, created: int, left: list[District]) -> str:
    if isinstance(error, ValidationError):
        reason = " ".join(error.messages)
    else:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    where = f" at the slug “{_shown(spec.slug)}”" if spec is not None else ""
    message = f"The import stopped{where}: {reason}"
    if left:
        names = ", ".join(district.slug for district in left)
        return message + f" These districts it created could not be removed: {names}."
    return message + f" The {created} district(s) it had created were removed; nothing changed."


def _reconnect() -> None:
    if not connection.in_atomic_block:
        connection.close()


def _update(district: District, spec: DistrictSpec) -> bool:
    changes = {"name": spec.name, "region": spec.region}
    changed = [field for field, value in changes.items() if getattr(district, field) != value]
    for field_name in changed:
        setattr(district, field_name, changes[field_name])
    if changed:
        district.save(update_fields=[*changed, "updated_at"])
    moved = change_adoption_stage(
        district, spec.adoption_stage, source=BY_STATE, changed_by=IMPORTED_BY
    )
    return bool(changed) or moved
