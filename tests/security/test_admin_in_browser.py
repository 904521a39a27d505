"""The Wagtail admin works in a real browser under the portal's Content-Security-Policy."""

from django.contrib.auth import get_user_model
from wagtail.models import Page

from portrait.models import StateHomePage

PASSWORD = "a-right-password-9"


def state_home() -> Page:
    home = StateHomePage.objects.first()
    if home is None:
        home = StateHomePage(title="State", slug="state-home")
        Page.get_first_root_node().add_child(instance=home)
    return home


def violations(page) -> list[str]:
    reported = page.evaluate("window.cspViolations")
    logged = [text for text in page.console_messages if "Content Security Policy" in text]
    return reported + logged


def test_page_editor_inline_panels_and_chooser_modals_raise_no_violation(open_browser, live_portal):
    # given a state administrator and a page to edit
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    home = state_home()
    with open_browser() as page:
        check_the_admin(page, live_portal, home)


def check_the_admin(page, live_portal: str, home: Page):
    # when they sign in
    page.goto(f"{live_portal}/admin/login/")
    page.fill("input[name=username]", "chief")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_portal}/admin/")
    assert violations(page) == []
    # and open the page editor, with its settings (the go-live date chooser)
    page.goto(f"{live_portal}/admin/pages/{home.pk}/edit/")
    page.wait_for_selector("input[name=title]")
    page.wait_for_selector("input[name=go_live_at]", state="attached")
    assert violations(page) == []
    # and a convening, whose agenda (an inline panel) and materials' document chooser need
    # the admin's scripts
    page.goto(f"{live_portal}/admin/council_convenings/new/")
    page.get_by_role("button", name="Add agenda item").click()
    page.wait_for_selector("[name='agenda_items-0-title']")
    page.get_by_role("button", name="Add material").click()
    page.get_by_role("button", name="Choose a document").first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for(state="visible")
    modal.get_by_role("heading", name="Choose a document").wait_for()
    # then nothing the admin needs was blocked
    assert violations(page) == []
