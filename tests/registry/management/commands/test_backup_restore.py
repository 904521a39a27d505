"""backup_district and restore_district: one district's schema and files go back to how they
were saved, the state's directory follows, and the other district is not touched.

pg_dump and pg_restore read from their own connections, so this module commits and makes
districts of its own.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import tenant_context

from portrait.models import DistrictHomePage
from tenants.models import DistrictListing
from tests.conftest import provision
from tests.tenants.object_storage import object_storage, s3_bucket, s3_endpoint, storage

__all__ = ["object_storage", "s3_bucket", "s3_endpoint", "storage"]  # fixtures, used by name

pytestmark = pytest.mark.django_db(transaction=True)


def publish_title(district, title: str) -> None:
    with tenant_context(district):
        home = DistrictHomePage.objects.get()
        home.title = title
        home.save_revision().publish()


def home_title(district) -> str:
    with tenant_context(district):
        return DistrictHomePage.objects.get().title


def files(district) -> dict[str, bytes]:
    with tenant_context(district):
        try:
            names = default_storage.listdir("notes")[1]
        except FileNotFoundError:  # the file system has no folder yet; S3 has no folders
            names = []
        return {name: default_storage.open(f"notes/{name}").read() for name in names}


def save_file(district, name: str, content: bytes) -> None:
    with tenant_context(district):
        default_storage.save(f"notes/{name}", ContentFile(content))


def catalog(district) -> list[tuple]:
    """Every relation of the schema with its oid: a restore of another schema changes none."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.oid, c.relname FROM pg_class c WHERE c.relnamespace = %s::regnamespace "
            "ORDER BY c.relname",
            [district.schema_name],
        )
        return cursor.fetchall()


def test_a_district_comes_back_as_it_was_saved_and_the_other_is_untouched(storage, tmp_path):
    kept = provision("Backup Kept", "backup-kept")
    other = provision("Backup Other", "backup-other")
    publish_title(kept, "Kept, as saved")
    save_file(kept, "saved.txt", b"saved")
    publish_title(other, "Other, before")
    save_file(other, "other.txt", b"other")
    archive = tmp_path / "kept.tar"

    call_command("backup_district", "backup-kept", str(archive))

    publish_title(kept, "Kept, changed after the backup")
    with tenant_context(kept):
        default_storage.delete("notes/saved.txt")
    save_file(kept, "later.txt", b"later")
    publish_title(other, "Other, after the backup")
    save_file(other, "other-later.txt", b"other later")
    other_catalog = catalog(other)

    call_command("restore_district", "backup-kept", str(archive))

    assert home_title(kept) == "Kept, as saved"
    assert files(kept) == {"saved.txt": b"saved"}
    assert DistrictListing.objects.get(district=kept).home_title == "Kept, as saved"
    assert home_title(other) == "Other, after the backup"
    assert files(other) == {"other.txt": b"other", "other-later.txt": b"other later"}
    assert DistrictListing.objects.get(district=other).home_title == "Other, after the backup"
    assert catalog(other) == other_catalog
    assert (
        not connection.cursor()
        .execute("SELECT 1 FROM pg_namespace WHERE nspname LIKE %s", ["%before_restore"])
        .fetchone()
    )


def test_a_backup_restores_only_its_own_district(tmp_path):
    first = provision("Backup First", "backup-first")
    second = provision("Backup Second", "backup-second")
    publish_title(second, "Second, untouched")
    archive = tmp_path / "first.tar"
    call_command("backup_district", "backup-first", str(archive))

    with pytest.raises(CommandError, match="only restored from its own backup"):
        call_command("restore_district", "backup-second", str(archive))

    assert home_title(second) == "Second, untouched"
    assert home_title(first) == "Backup First"


def test_bad_input_gets_a_clear_message(tmp_path):
    provision("Backup Third", "backup-third")
    not_an_archive = tmp_path / "notes.tar"
    not_an_archive.write_bytes(b"not a tar file")

    with pytest.raises(CommandError, match="no district with the short name 'nowhere'"):
        call_command("backup_district", "nowhere", str(tmp_path / "x.tar"))
    with pytest.raises(CommandError, match="There is no file"):
        call_command("restore_district", "backup-third", str(tmp_path / "missing.tar"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore_district", "backup-third", str(not_an_archive))
    assert home_title(provision("Backup Third", "backup-third")) == "Backup Third"
