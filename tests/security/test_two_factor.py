"""Two-factor sign-in to the admin: an authenticator app (TOTP) and recovery codes, in each
schema's own tables, required where the state's settings say so."""

import time
from base64 import b32decode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from portal.two_factor.policy import new_recovery_codes
from state.models import StateSettings

PASSWORD = "a-right-password-9"


def code_for(secret: bytes, steps_ahead: int = 0) -> str:
    """What an authenticator app shows, `steps_ahead` thirty-second steps from now."""
    return f"{totp(secret, t0=0, step=30, digits=6, drift=steps_ahead):06d}"


def make_user(schema_name: str, username: str, **extra):
    with schema_context(schema_name):
        user = get_user_model().objects.create_user(
            username=username, password=PASSWORD, email=f"{username}@example.org", **extra
        )
        if not user.is_superuser:
            user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        return user


def enrol(schema_name: str, user) -> tuple[bytes, list[str]]:
    with schema_context(schema_name):
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        return device.bin_key, new_recovery_codes(user)


def sign_in(client, username: str = "pat"):
    return client.post("/admin/login/", {"username": username, "password": PASSWORD})


def require(**choices):
    state = StateSettings.current()
    for name, value in choices.items():
        setattr(state, name, value)
    state.save()


# With the test client, on the state and in districts


def test_an_enrolled_account_is_asked_for_its_code_and_a_recovery_code_works_once(db, host_client):
    pat = make_user("public", "pat")
    secret, codes = enrol("public", pat)
    client = host_client("localhost")
    assert sign_in(client).status_code == 302
    held = client.get("/admin/pages/")
    assert held.status_code == 302
    assert held["Location"].startswith("/admin/two-factor/verify/?next=")
    wrong = client.post("/admin/two-factor/verify/", {"code": "12345678"})
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    time.sleep(1.1)  # django-otp waits a second after one wrong code
    assert client.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    # signed in again, the same recovery code is refused: it works once
    again = host_client("localhost")
    sign_in(again)
    refused = again.post("/admin/two-factor/verify/", {"code": codes[0]})
    assert refused.status_code == 200
    assert again.get("/admin/").status_code == 302


def test_a_session_waiting_for_its_code_is_nobodys_outside_the_admin(db, host_client):
    # given an enrolled account signed in with its password only
    pat = make_user("public", "pat")
    secret, _ = enrol("public", pat)
    client = host_client("localhost")
    sign_in(client)
    # then the council and the API see nobody signed in
    assert client.get("/council/me/")["Location"].startswith("/council/sign-in/")
    # until the code is entered
    client.post("/admin/two-factor/verify/", {"code": code_for(secret)})
    assert client.get("/council/me/").status_code == 403  # signed in, not a council member


def test_wrong_codes_in_a_row_make_the_next_try_wait_and_say_so(db, host_client):
    pat = make_user("public", "pat")
    secret, _ = enrol("public", pat)
    client = host_client("localhost")
    sign_in(client)
    client.post("/admin/two-factor/verify/", {"code": "000001"})
    right_but_too_soon = client.post("/admin/two-factor/verify/", {"code": code_for(secret)})
    assert "Too many wrong codes in a row. Wait 1 second" in right_but_too_soon.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_state_can_require_it_of_its_staff(db, host_client):
    make_user("public", "pat")
    client = host_client("localhost")
    sign_in(client)
    assert client.get("/admin/").status_code == 200
    require(two_factor_for_state_staff=True)
    held = client.get("/admin/pages/")
    assert held["Location"] == "/admin/two-factor/?next=%2Fadmin%2Fpages%2F"
    set_up = client.get("/admin/two-factor/")
    assert "Set up two-factor sign-in" in set_up.content.decode()


def test_the_state_can_require_it_of_district_administrators_only(alpha, host_client):
    make_user(alpha.schema_name, "admin", is_superuser=True, is_staff=True)
    make_user(alpha.schema_name, "editor")
    require(two_factor_for_district_administrators=True)
    administrator, editor = host_client("alpha.localhost"), host_client("alpha.localhost")
    sign_in(administrator, "admin")
    sign_in(editor, "editor")
    assert administrator.get("/admin/")["Location"].startswith("/admin/two-factor/?next=")
    assert editor.get("/admin/").status_code == 200
    # and the state's own staff are not held by the districts' rule
    make_user("public", "pat")
    state = host_client("localhost")
    sign_in(state)
    assert state.get("/admin/").status_code == 200


def test_devices_belong_to_their_own_schema(alpha, bravo, host_client):
    # given a "pat" in each district, with the same primary key, enrolled in Alpha only
    alpha_pat = make_user(alpha.schema_name, "pat", pk=4242)
    bravo_pat = make_user(bravo.schema_name, "pat", pk=4242)
    assert alpha_pat.pk == bravo_pat.pk
    _, alpha_codes = enrol(alpha.schema_name, alpha_pat)
    # then Alpha asks its pat for a code and Bravo does not ask its own
    on_alpha, on_bravo = host_client("alpha.localhost"), host_client("bravo.localhost")
    sign_in(on_alpha)
    sign_in(on_bravo)
    assert on_alpha.get("/admin/").status_code == 302
    assert on_bravo.get("/admin/").status_code == 200
    # and Alpha's recovery codes mean nothing on Bravo
    with schema_context(bravo.schema_name):
        assert not StaticToken.objects.exists()


def test_a_support_visitor_without_a_password_is_never_held(alpha, host_client):
    visitor = make_user(alpha.schema_name, "state-support.pat", is_superuser=True)
    with schema_context(alpha.schema_name):
        visitor.set_unusable_password()
        visitor.save()
    require(two_factor_for_district_administrators=True)
    client = host_client("alpha.localhost")
    with schema_context(alpha.schema_name):
        client.force_login(visitor)
    assert client.get("/admin/").status_code == 200


def test_set_up_with_the_test_client_shows_ten_recovery_codes(db, host_client):
    pat = make_user("public", "pat")
    client = host_client("localhost")
    sign_in(client)
    client.get("/admin/two-factor/")
    secret = TOTPDevice.objects.get(user=pat, confirmed=False).bin_key
    wrong = client.post("/admin/two-factor/", {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    time.sleep(1.1)  # django-otp waits a second after one wrong code
    done = client.post("/admin/two-factor/", {"code": code_for(secret)})
    assert done.content.decode().count("<li><code>") == 10
    assert "no-store" in done["Cache-Control"]
    assert TOTPDevice.objects.get(user=pat).confirmed


# In a real browser


def test_enrol_sign_out_and_sign_in_with_a_code_and_with_a_recovery_code(open_browser, live_portal):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    started = time.monotonic()
    with open_browser() as page:
        # given a state administrator who signs in with a password
        sign_in_in_browser(page, live_portal)
        page.wait_for_url(f"{live_portal}/admin/")
        # when they set up an authenticator app from the settings menu
        page.goto(f"{live_portal}/admin/two-factor/")
        secret = b32decode(page.locator("#two-factor-secret").inner_text())
        page.fill("input[name=code]", code_for(secret))
        page.get_by_role("button", name="Turn on two-factor sign-in").click()
        page.locator("#recovery-codes").wait_for()
        codes = page.locator("#recovery-codes code").all_inner_texts()
        assert len(codes) == 10
        page.get_by_role("link", name="I have saved my codes").click()
        page.wait_for_url(f"{live_portal}/admin/")
        # and sign out, then in again with their password
        sign_out_in_browser(page, live_portal)
        sign_in_in_browser(page, live_portal)
        # then the admin asks for a code, refuses a wrong one and takes the app's next one
        page.wait_for_url("**/admin/two-factor/verify/**")
        page.fill("input[name=code]", "000000" if code_for(secret, 1) != "000000" else "111111")
        page.get_by_role("button", name="Verify").click()
        page.get_by_role("status").get_by_text("That code is not right").wait_for()
        page.wait_for_timeout(1100)  # django-otp waits a second after one wrong code
        page.fill("input[name=code]", code_for(secret, 1))
        page.get_by_role("button", name="Verify").click()
        page.wait_for_url(f"{live_portal}/admin/")
        # and, once more signed out, a recovery code lets them in instead of the app
        sign_out_in_browser(page, live_portal)
        sign_in_in_browser(page, live_portal)
        page.wait_for_url("**/admin/two-factor/verify/**")
        page.fill("input[name=code]", codes[0])
        page.get_by_role("button", name="Verify").click()
        page.wait_for_url(f"{live_portal}/admin/")
        assert page.evaluate("window.cspViolations") == []
    assert time.monotonic() - started < 20
    # and that recovery code is spent
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    assert StaticToken.objects.filter(token=codes[1]).exists()


def sign_in_in_browser(page, live_portal: str):
    page.goto(f"{live_portal}/admin/login/")
    page.fill("input[name=username]", "chief")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


SIGN_OUT = """async () => {
    const token = document.cookie.match(/csrftoken=([^;]+)/)[1];
    await fetch("/admin/logout/", {method: "POST", headers: {"X-CSRFToken": token}});
}"""


def sign_out_in_browser(page, live_portal: str):
    """What the account menu's Log out does: a POST that ends the session on the server."""
    page.evaluate(SIGN_OUT)
    page.goto(f"{live_portal}/admin/")
    page.wait_for_url("**/admin/login/**")
