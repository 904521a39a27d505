"""Wrong passwords in a row pause sign-in for that account from that address, on the state's
admin, on each district's admin (counted in the district's own schema) and on the council."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django_tenants.utils import schema_context, tenant_context

LIMIT = settings.AXES_FAILURE_LIMIT
ATTACKER = "198.51.100.7"
ELSEWHERE = "203.0.113.20"
PASSWORD = "a-right-password-9"

SIGN_IN_FORMS = {
    "state admin": ("localhost", "/admin/login/"),
    "district admin": ("alpha.localhost", "/admin/login/"),
    "council": ("localhost", "/council/sign-in/"),
}


def make_user(schema_name: str, username: str, **extra):
    with schema_context(schema_name):
        return get_user_model().objects.create_user(
            username=username, password=PASSWORD, email=f"{username}@example.org", **extra
        )


def sign_in(client, path: str, password: str, address: str = ATTACKER):
    return client.post(path, {"username": "pat", "password": password}, REMOTE_ADDR=address)


def signed_in(client, schema_name: str) -> bool:
    with schema_context(schema_name):  # the session lives in the site's own schema
        return "_auth_user_id" in client.session


def guess_until_locked(client, path: str):
    answers = [sign_in(client, path, f"guess-{n}").status_code for n in range(LIMIT)]
    assert answers == [200] * (LIMIT - 1) + [429]


@pytest.mark.parametrize("form", SIGN_IN_FORMS, ids=list(SIGN_IN_FORMS))
def test_sign_in_locks_after_the_limit_and_says_so(form, alpha, host_client):
    # given an account on the site whose sign-in form is guessed at
    host, path = SIGN_IN_FORMS[form]
    schema_name = alpha.schema_name if host.startswith("alpha") else "public"
    make_user(schema_name, "pat")
    client = host_client(host)
    # when someone gets the password wrong as many times as the limit allows
    guess_until_locked(client, path)
    # then even the right password is refused from that address, with a clear message
    locked = sign_in(client, path, PASSWORD)
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert f"{LIMIT} wrong passwords" in locked.content.decode()
    assert int(locked["Retry-After"]) > 0
    assert not signed_in(client, schema_name)
    # and the account's owner, signing in from their own address, is not locked out with it
    owner = host_client(host)
    assert sign_in(owner, path, PASSWORD, address=ELSEWHERE).status_code == 302
    assert signed_in(owner, schema_name)


def test_failures_are_counted_in_each_districts_own_schema(alpha, bravo, host_client):
    # given a "pat" in Alpha and another "pat" in Bravo
    make_user(alpha.schema_name, "pat")
    make_user(bravo.schema_name, "pat")
    # when Alpha's pat is locked out by guesses from one address
    guess_until_locked(host_client("alpha.localhost"), "/admin/login/")
    # then Bravo's pat, from the same address, signs in
    on_bravo = host_client("bravo.localhost")
    assert sign_in(on_bravo, "/admin/login/", PASSWORD).status_code == 302
    # and the failures are recorded in Alpha's schema only
    with tenant_context(alpha):
        assert AccessAttempt.objects.filter(username="pat").exists()
    for schema_name in (bravo.schema_name, "public"):
        with schema_context(schema_name):
            assert not AccessAttempt.objects.exists()


def test_a_districts_administrator_unlocks_an_account(alpha, bravo, host_client):
    # given pat locked out of Alpha's admin
    make_user(alpha.schema_name, "pat")
    make_user(alpha.schema_name, "admin", is_superuser=True, is_staff=True)
    make_user(bravo.schema_name, "admin", is_superuser=True, is_staff=True)
    pat = host_client("alpha.localhost")
    guess_until_locked(pat, "/admin/login/")
    # when Alpha's administrator opens the lockouts under Settings
    administrator = host_client("alpha.localhost")
    with tenant_context(alpha):
        administrator.force_login(get_user_model().objects.get(username="admin"))
        attempt = AccessAttempt.objects.get(username="pat")
    listing = administrator.get("/admin/sign_in_lockouts/")
    assert listing.status_code == 200
    assert ATTACKER in listing.content.decode()
    # and unlocks pat's account
    unlocked = administrator.post(f"/admin/sign_in_lockouts/delete/{attempt.pk}/")
    assert unlocked.status_code == 302
    # then pat signs in again
    assert sign_in(pat, "/admin/login/", PASSWORD).status_code == 302
    # and Bravo's administrator never saw Alpha's lockout
    bravo_admin = host_client("bravo.localhost")
    with tenant_context(bravo):
        bravo_admin.force_login(get_user_model().objects.get(username="admin"))
    assert ATTACKER not in bravo_admin.get("/admin/sign_in_lockouts/").content.decode()


def test_staff_without_the_permission_cannot_unlock(alpha, host_client):
    make_user(alpha.schema_name, "pat")
    editor = make_user(alpha.schema_name, "editor")
    with tenant_context(alpha):
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    guess_until_locked(host_client("alpha.localhost"), "/admin/login/")
    client = host_client("alpha.localhost")
    with tenant_context(alpha):
        client.force_login(editor)
    assert client.get("/admin/sign_in_lockouts/").status_code in {302, 403}
