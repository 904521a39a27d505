"""`create_district`: one district from the command line, with an optional first admin."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_exists, tenant_context

from tenants.models import District, Domain


def run(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("create_district", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue()


def test_creates_a_district_and_prints_its_address(db):
    stdout = run("--name", "Command Creek Schools", "--slug", "cmd-creek", "--region", "Eastern")

    district = District.objects.get(slug="cmd-creek")
    assert district.name == "Command Creek Schools"
    assert district.region == "Eastern"
    assert district.adoption_stage == "unreported"
    assert schema_exists(district.schema_name)
    assert Domain.objects.filter(tenant=district, domain="cmd-creek.localhost").exists()
    assert "Command Creek Schools" in stdout
    assert f"{district.base_url}/" in stdout
    assert "cmd-creek.localhost" in stdout
    assert "Set-password" not in stdout
    assert mail.outbox == []


def test_takes_an_adoption_stage(db):
    run("--name", "Staged Schools", "--slug", "cmd-staged", "--stage", "finalized")

    assert District.objects.get(slug="cmd-staged").adoption_stage == "finalized"


def test_an_unknown_stage_is_refused(db):
    with pytest.raises(CommandError):
        run("--name", "Odd Stage Schools", "--slug", "cmd-odd", "--stage", "someday")

    assert not District.objects.filter(slug="cmd-odd").exists()


def test_with_an_admin_email_prints_the_set_password_link(db):
    stdout = run(
        "--name", "Linked Schools", "--slug", "cmd-linked", "--admin-email", "lead@example.org"
    )

    district = District.objects.get(slug="cmd-linked")
    assert len(mail.outbox) == 1
    link = next(word for word in mail.outbox[0].body.split() if "/password_reset/" in word)
    assert link.startswith(f"{district.base_url}/admin/password_reset/confirm/")
    assert link in stdout
    assert "lead@example.org" in stdout
    with tenant_context(district):
        admin = get_user_model().objects.get(email="lead@example.org")
        assert admin.is_superuser
        assert not admin.has_usable_password()


@pytest.mark.parametrize(
    ("slug", "reason"),
    [("Bad_Slug", "lower-case"), ("www", "reserved"), ("x" * 51, "slug")],
)
def test_a_bad_slug_is_a_command_error_with_the_reason_and_creates_nothing(db, slug, reason):
    districts_before = District.objects.count()
    domains_before = Domain.objects.count()

    with pytest.raises(CommandError) as raised:
        run("--name", "Bad Slug Schools", "--slug", slug, "--admin-email", "bad@example.org")

    message = str(raised.value)
    assert "Nothing was created" in message
    assert "slug" in message
    assert reason in message
    assert District.objects.count() == districts_before
    assert Domain.objects.count() == domains_before
    assert not District.objects.filter(name="Bad Slug Schools").exists()
    assert mail.outbox == []


def test_a_taken_slug_is_a_command_error_and_changes_nothing(db, alpha):
    with pytest.raises(CommandError) as raised:
        run("--name", "Another Alpha", "--slug", "alpha")

    assert "slug" in str(raised.value)
    assert District.objects.get(slug="alpha").name == "Alpha School District"
    assert not District.objects.filter(name="Another Alpha").exists()


def test_a_slug_whose_address_is_taken_is_a_command_error(db, alpha):
    Domain.objects.create(domain="cmd-hosted.localhost", tenant=alpha)
    domains_before = Domain.objects.count()

    with pytest.raises(CommandError) as raised:
        run("--name", "Hosted Schools", "--slug", "cmd-hosted")

    assert "The address cmd-hosted.localhost already belongs to another district" in str(
        raised.value
    )
    assert not District.objects.filter(slug="cmd-hosted").exists()
    assert Domain.objects.count() == domains_before


def test_a_slug_whose_schema_is_left_over_is_a_command_error(db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA district_cmd_leftover")

    with pytest.raises(CommandError) as raised:
        run("--name", "Leftover Schools", "--slug", "cmd-leftover")

    assert "A schema named district_cmd_leftover is already in the database" in str(raised.value)
    assert not District.objects.filter(slug="cmd-leftover").exists()


def test_a_name_with_a_nul_byte_is_a_command_error(db):
    with pytest.raises(CommandError) as raised:
        run("--name", "Nul\x00 Schools", "--slug", "cmd-nul")

    assert "name: Null characters are not allowed." in str(raised.value)
    assert not District.objects.filter(slug="cmd-nul").exists()
