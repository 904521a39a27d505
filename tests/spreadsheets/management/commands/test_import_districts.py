"""`import_districts`: every row is checked first, and a bad file changes nothing."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_exists

from spreadsheets import district_import as importing
from spreadsheets.district_import import ImportStopped, apply_import, check_csv
from spreadsheets.management.commands import import_districts as import_command
from tenants.models import District, DistrictListing, Domain

HEADER = "name,slug,region,adoption_stage\n"

GOOD = HEADER + (
    "Importville School District,imp-importville,Northern,developing\n"
    "Quietwater Schools,imp-quietwater,Coastal,\n"
    "Mixed Case Unified,imp-mixed-case,Central,Finalized\n"
)

RENAMED = HEADER + (
    "Importville Public Schools,imp-importville,Northern,developing\n"
    "Quietwater Unified,imp-quietwater,Coastal,\n"
    "Mixed Case Unified,imp-mixed-case,Central,Finalized\n"
)

BAD = HEADER + (
    "Fine District,imp-fine,Northern,developing\n"  # line 2: fine
    "Bad Slug District,Imp_Bad,Northern,developing\n"  # line 3
    "Stage District,imp-stage,Northern,thinking-about-it\n"  # line 4
    ",imp-noname,Northern,\n"  # line 5
    "First Dup,imp-dup,Northern,\n"  # line 6: fine
    "Second Dup,imp-dup,Southern,\n"  # line 7
    "Too,Few,Columns\n"  # line 8
    "Reserved District,www,Northern,\n"  # line 9
)
BAD_LINES = {
    3: "Imp_Bad",
    4: "thinking-about-it",
    5: "the name: This field cannot be blank.",
    7: "already used on line 6",
    8: "expected 4 columns, found 3",
    9: "reserved",
}


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "districts.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def run(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("import_districts", *map(str, args), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def run_failing(*args):
    stdout, stderr = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_districts", *map(str, args), stdout=stdout, stderr=stderr)
    return str(raised.value), stderr.getvalue()


def schema_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_namespace")
        return cursor.fetchone()[0]


def imported():
    return {
        d.slug: (d.name, d.region, d.adoption_stage)
        for d in District.objects.filter(slug__startswith="imp-")
    }


def test_a_good_file_creates_its_districts(db, write_csv):
    stdout, _ = run(write_csv(GOOD), "--no-progress")

    assert imported() == {
        "imp-importville": ("Importville School District", "Northern", "developing"),
        "imp-quietwater": ("Quietwater Schools", "Coastal", "unreported"),
        "imp-mixed-case": ("Mixed Case Unified", "Central", "finalized"),
    }
    assert "3 created, 0 updated, 0 unchanged" in stdout
    for slug in ("imp-importville", "imp-quietwater", "imp-mixed-case"):
        district = District.objects.get(slug=slug)
        assert schema_exists(district.schema_name)
        assert Domain.objects.filter(tenant=district, domain=f"{slug}.localhost").exists()


def test_a_rerun_updates_names_without_duplicating(db, write_csv):
    run(write_csv(GOOD), "--no-progress")
    districts_before = District.objects.count()
    domains_before = Domain.objects.count()
    schemas_before = schema_count()

    stdout, _ = run(write_csv(RENAMED, "renamed.csv"), "--no-progress")

    assert District.objects.count() == districts_before
    assert Domain.objects.count() == domains_before
    assert schema_count() == schemas_before
    assert imported() == {
        "imp-importville": ("Importville Public Schools", "Northern", "developing"),
        "imp-quietwater": ("Quietwater Unified", "Coastal", "unreported"),
        "imp-mixed-case": ("Mixed Case Unified", "Central", "finalized"),
    }
    assert "0 created, 2 updated, 1 unchanged" in stdout


def test_every_bad_row_is_reported_and_nothing_is_created(db, write_csv):
    districts_before = District.objects.count()
    schemas_before = schema_count()

    message, stderr = run_failing(write_csv(BAD), "--no-progress")

    reported: dict[int, list[str]] = {}
    for line in stderr.splitlines():
        found = re.match(r"districts\.csv, line (\d+): (.+)", line)
        assert found, f"unexpected output on stderr: {line!r}"
        reported.setdefault(int(found[1]), []).append(found[2])
    assert set(reported) == set(BAD_LINES)
    for line, reason in BAD_LINES.items():
        assert any(reason in problem for problem in reported[line]), (line, reported[line])
    assert "nothing" in message.lower() or "no district" in message.lower()
    assert District.objects.count() == districts_before
    assert not District.objects.filter(slug__in=["imp-fine", "imp-dup"]).exists()
    assert schema_count() == schemas_before
    assert not schema_exists("district_imp_fine")


def test_a_bad_row_also_stops_updates_to_existing_districts(db, write_csv):
    run(write_csv(GOOD), "--no-progress")
    bad = HEADER + (
        "Importville Renamed,imp-importville,Northern,developing\n"
        "Broken Row,imp-broken,Northern,someday\n"
    )

    run_failing(write_csv(bad, "bad.csv"), "--no-progress")

    assert District.objects.get(slug="imp-importville").name == "Importville School District"
    assert not District.objects.filter(slug="imp-broken").exists()


def test_a_wrong_header_is_refused(db, write_csv):
    districts_before = District.objects.count()
    text = "district,slug,region,stage\nHeader District,imp-header,Northern,\n"

    message, stderr = run_failing(write_csv(text), "--no-progress")

    assert "line 1" in stderr
    assert "header" in stderr
    assert District.objects.count() == districts_before
    assert not District.objects.filter(slug="imp-header").exists()


def test_an_empty_file_is_refused(db, write_csv):
    _, stderr = run_failing(write_csv(""), "--no-progress")

    assert "empty" in stderr


def test_a_missing_file_is_a_command_error(db, tmp_path):
    message, _ = run_failing(tmp_path / "no-such-file.csv")

    assert "no-such-file.csv" in message


def test_a_file_that_is_not_utf8_is_a_command_error(db, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "Caf\xe9 Schools,imp-cafe,Northern,\n").encode("latin-1"))

    message, _ = run_failing(path)

    assert "UTF-8" in message
    assert not District.objects.filter(slug="imp-cafe").exists()


def test_check_writes_nothing(db, write_csv):
    districts_before = District.objects.count()
    schemas_before = schema_count()

    stdout, _ = run(write_csv(GOOD), "--check")

    assert "3 rows are fine" in stdout
    assert District.objects.count() == districts_before
    assert schema_count() == schemas_before
    assert imported() == {}


def test_check_reports_bad_rows_too(db, write_csv):
    _, stderr = run_failing(write_csv(BAD), "--check")

    assert "line 3" in stderr
    assert imported() == {}


def test_the_progress_bar_goes_to_stderr_unless_hidden(db, write_csv):
    stdout, stderr = run(write_csv(GOOD))

    assert "Importing" in stderr
    assert "100%" in stderr
    assert "Importing" not in stdout

    _, hidden = run(write_csv(RENAMED, "renamed.csv"), "--no-progress")
    assert "Importing" not in hidden
    assert "100%" not in hidden


def test_check_finds_what_the_import_would_fail_on(db, alpha, write_csv):
    """NUL bytes, over-long values, and slugs whose address or schema is already taken."""
    Domain.objects.create(domain="imp-hosted.localhost", tenant=alpha)
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA district_imp_leftover")
    text = HEADER + (
        "Fine District,imp-fine,Northern,\n"  # line 2: fine
        "Nul\x00 District,imp-nul,Northern,\n"  # line 3
        f"{'L' * 205},imp-long,Northern,\n"  # line 4
        f"Long Region District,imp-region,{'r' * 101},\n"  # line 5
        "Hosted District,imp-hosted,Northern,\n"  # line 6
        "Leftover District,imp-leftover,Northern,\n"  # line 7
        "Nul Slug District,imp-\x00,Northern,\n"  # line 8
        "Nul Region District,imp-nul-region,North\x00,\n"  # line 9
    )
    districts_before, domains_before = District.objects.count(), Domain.objects.count()

    for option in ("--check", "--no-progress"):
        message, stderr = run_failing(write_csv(text), option)

        reported = {int(n) for n in re.findall(r"districts\.csv, line (\d+): ", stderr)}
        assert reported == {3, 4, 5, 6, 7, 8, 9}, stderr
        assert "line 3: the name: Null characters are not allowed." in stderr
        assert "line 4: the name: Ensure this value has at most 200 characters (it has 205)." in (
            stderr
        )
        assert "line 5: the region: Ensure this value has at most 100 characters" in stderr
        assert "line 6: the slug “imp-hosted”: The address imp-hosted.localhost already" in stderr
        assert "line 7: the slug “imp-leftover”: A schema named district_imp_leftover" in stderr
        assert "line 8: the slug “imp-\\x00”: Null characters are not allowed." in stderr
        assert "line 9: the region: Null characters are not allowed." in stderr
        assert "\x00" not in stderr
        assert District.objects.count() == districts_before
        assert Domain.objects.count() == domains_before
        assert not schema_exists("district_imp_fine")


def test_a_failure_part_way_removes_every_district_the_import_created(db, write_csv):
    """A schema made by someone else between the check and the import stops it at row three."""
    text = HEADER + (
        "First District,imp-first,Northern,\n"
        "Second District,imp-second,Northern,\n"
        "Third District,imp-third,Northern,\n"
        "Fourth District,imp-fourth,Northern,\n"
    )
    checked = check_csv(text)
    assert checked.errors == []
    districts_before, domains_before = District.objects.count(), Domain.objects.count()
    schemas_before, listings_before = schema_count(), DistrictListing.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA district_imp_third")

    with pytest.raises(ImportStopped) as stopped:
        apply_import(checked.specs)

    assert "imp-third" in str(stopped.value)
    assert "2 district(s) it had created were removed" in str(stopped.value)
    assert District.objects.count() == districts_before
    assert Domain.objects.count() == domains_before
    assert schema_count() == schemas_before + 1  # only the schema made by someone else
    for slug in ("first", "second", "fourth"):
        assert not schema_exists(f"district_imp_{slug}")
    assert DistrictListing.objects.count() == listings_before


def test_a_failure_part_way_leaves_existing_districts_unchanged(db, write_csv):
    run(write_csv(GOOD), "--no-progress")
    text = HEADER + (
        "Importville Renamed,imp-importville,Northern,developing\n"
        "Fresh District,imp-fresh,Northern,\n"
        "Blocked District,imp-blocked,Northern,\n"
    )
    checked = check_csv(text)
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA district_imp_blocked")

    with pytest.raises(ImportStopped):
        apply_import(checked.specs)

    assert District.objects.get(slug="imp-importville").name == "Importville School District"
    assert not District.objects.filter(slug="imp-fresh").exists()
    assert not schema_exists("district_imp_fresh")


def test_the_command_reports_a_stopped_import_in_words(db, write_csv, monkeypatch):
    """What the command prints when the import stops part-way (the race the tests above make)."""
    text = HEADER + "Raced District,imp-raced,Northern,\n"
    real_check = importing.check_csv

    def check_then_race(text):
        checked = real_check(text)
        with connection.cursor() as cursor:
            cursor.execute("CREATE SCHEMA district_imp_raced")
        return checked

    monkeypatch.setattr(import_command, "check_csv", check_then_race)

    message, _ = run_failing(write_csv(text), "--no-progress")

    assert message.startswith("The import stopped at the slug “imp-raced”:")
    assert "nothing changed" in message
    assert not District.objects.filter(slug="imp-raced").exists()
