"""Saving and bringing back one district: its schema (pg_dump / pg_restore) and its media.

An archive is a tar file holding `district.json` (which district, when), `schema.dump`
(pg_dump's custom format of that schema only) and `media/` (the district's uploaded files, read
through the storage, so the file system and object storage both work). Restoring replaces the
district's schema and files and nothing else: the old schema is set aside until the restored
one is complete, so a failed restore leaves the district as it was.
"""

import json
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import schema_exists, tenant_context

from caching.page_cache import invalidate
from publishing.sync import record_listing
from tenants.models import District

ARCHIVE_FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with a message for the person running it."""


def _database_environment() -> dict[str, str]:
    database = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": database["NAME"], "PGUSER": database.get("USER") or ""}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_database_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _media_files(directory: str = "") -> Iterator[str]:
    """Every file the current schema's storage holds, as storage names."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for folder in folders:
        yield from _media_files(f"{directory}/{folder}" if directory else folder)


def backup_district(district: District, archive: Path) -> int:
    """Write the district's archive; returns how many media files it holds."""
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "schema.dump"
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--schema={district.schema_name}", f"--file={dump}"])  # fmt: skip
        description = {
            "format": ARCHIVE_FORMAT,
            "slug": district.slug,
            "schema_name": district.schema_name,
            "saved_at": timezone.now().isoformat(),
        }
        (Path(work) / "district.json").write_text(json.dumps(description))
        count = 0
        with tarfile.open(archive, "w") as tar:
            tar.add(Path(work) / "district.json", "district.json")
            tar.add(dump, "schema.dump")
            with tenant_context(district):
                for name in _media_files():
                    with default_storage.open(name, "rb") as source:
                        info = tarfile.TarInfo(f"media/{name}")
                        info.size = default_storage.size(name)
                        tar.addfile(info, source)
                    count += 1
    return count


def _read_description(tar: tarfile.TarFile) -> dict:
    try:
        description = json.load(tar.extractfile("district.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("This file is not a district backup (no district.json).") from error
    if description.get("format") != ARCHIVE_FORMAT:
        raise BackupError(f"Unknown backup format {description.get('format')!r}.")
    return description


def restore_district(district: District, archive: Path) -> int:
    """Replace the district's schema and media with the archive's; returns the media count."""
    try:
        with tarfile.open(archive, "r") as tar, tempfile.TemporaryDirectory() as work:
            count = _restore_from(district, tar, Path(work))
    except tarfile.TarError as error:
        raise BackupError(f"Cannot read {archive}: {error}") from error
    invalidate(district.schema_name)
    record_listing(district)  # the state's read model follows the restored content
    return count


def _restore_from(district: District, tar: tarfile.TarFile, work: Path) -> int:
    description = _read_description(tar)
    if description["schema_name"] != district.schema_name:
        raise BackupError(
            f"This backup is of {description['slug']!r}, not of {district.slug!r}: a "
            "district is only restored from its own backup."
        )
    tar.extract("schema.dump", work, filter="data")
    _replace_schema(district.schema_name, work / "schema.dump")
    return _replace_media(district, tar)


def _replace_schema(schema_name: str, dump: Path) -> None:
    set_aside = f"{schema_name}__before_restore"[:63]
    with transaction.atomic(), connection.cursor() as cursor:
        if schema_exists(set_aside):
            cursor.execute(f'DROP SCHEMA "{set_aside}" CASCADE')
        if schema_exists(schema_name):
            cursor.execute(f'ALTER SCHEMA "{schema_name}" RENAME TO "{set_aside}"')
    try:
        _run(["pg_restore", "--single-transaction", "--no-owner", "--no-privileges",
              "--exit-on-error", f"--dbname={settings.DATABASES['default']['NAME']}",
              str(dump)])  # fmt: skip
    except BackupError:
        with connection.cursor() as cursor:
            if schema_exists(set_aside):
                cursor.execute(f'ALTER SCHEMA "{set_aside}" RENAME TO "{schema_name}"')
        raise
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{set_aside}" CASCADE')
    connection.set_schema_to_public()


def _replace_media(district: District, tar: tarfile.TarFile) -> int:
    members = [m for m in tar.getmembers() if m.isfile() and m.name.startswith("media/")]
    count = 0
    with tenant_context(district):
        for name in list(_media_files()):
            default_storage.delete(name)
        for member in members:
            name = member.name.removeprefix("media/")
            if ".." in Path(name).parts or name.startswith("/"):
                raise BackupError(f"Refusing a file outside the district's folder: {name}")
            # Saved under its own name again: the restored rows point at exactly that name.
            default_storage.save(name, File(tar.extractfile(member), name=name))
            count += 1
    return count
