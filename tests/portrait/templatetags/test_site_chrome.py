"""What every site has around its pages: a district's menu from its page tree, breadcrumbs,
its own search, the way back to the state, the footer's notices, and the error pages."""

from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django_tenants.utils import tenant_context
from wagtail.models import Site

from portrait.models import DistrictPortraitPage, SiteIdentity, StoryIndexPage
from portrait.views.site_pages import server_error
from tenants.models import site_url
from tests.factories import portrait as factories


def test_a_districts_menu_lists_the_pages_shown_in_menus(alpha, host_client):
    with tenant_context(alpha):
        hidden = StoryIndexPage.objects.get()
        hidden.show_in_menus = False
        hidden.save_revision().publish()

    html = host_client("alpha.localhost").get("/").content.decode()
    menu = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]

    assert '<a href="/portrait-of-a-learner/">Portrait of a learner</a>' in menu
    assert "/stories/" not in menu
    state_portal = site_url(settings.STATE_DOMAIN) + "/"
    assert f'href="{state_portal}">Example State portal</a>' in menu  # the way back


def test_a_new_districts_portrait_and_stories_are_in_its_menu(alpha, host_client):
    html = host_client("alpha.localhost").get("/stories/").content.decode()
    menu = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]

    assert 'href="/portrait-of-a-learner/"' in menu
    assert '<a href="/stories/" aria-current="page">Stories</a>' in menu


def test_a_story_shows_breadcrumbs_from_the_home_page(alpha, host_client):
    with tenant_context(alpha):
        index = StoryIndexPage.objects.get()
        story = factories.add_story(index, "Bus routes", "Students redraw them.", ["Text."])
        path = story.url

    html = host_client("alpha.localhost").get(path).content.decode()
    trail = html.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]

    assert '<a href="/">Home</a>' in trail
    assert '<a href="/stories/">Stories</a>' in trail
    assert '<span aria-current="page">Bus routes</span>' in trail


def test_a_district_search_finds_its_own_pages_and_never_another_districts(
    alpha, bravo, host_client
):
    for district, title in ((alpha, "Alpha robotics night"), (bravo, "Bravo robotics fair")):
        with tenant_context(district):
            factories.add_story(StoryIndexPage.objects.get(), title, "Robots.", ["Robots."])

    alpha_results = host_client("alpha.localhost").get("/search/", {"q": "robotics"})
    html = alpha_results.content.decode()

    assert alpha_results.status_code == 200
    assert "Alpha robotics night" in html
    assert "Bravo robotics" not in html
    assert "1 page found" in html


def test_a_search_without_words_asks_for_them(alpha, host_client):
    answer = host_client("alpha.localhost").get("/search/", {"q": ""})
    assert answer.status_code == 200
    assert "This field is required." in answer.content.decode()


def test_the_footer_has_contact_details_and_the_notices_on_every_site(
    alpha, host_client, state_home
):
    with tenant_context(alpha):
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.contact_phone = "(555) 010-0199"
        identity.contact_email = "hello@alpha.example"
        identity.save()

    for host in ("alpha.localhost", "localhost"):
        footer = host_client(host).get("/").content.decode().split('class="site-footer"')[1]
        assert 'href="/privacy/"' in footer
        assert 'href="/accessibility/"' in footer
        assert 'href="/non-discrimination/"' in footer
    alpha_footer = host_client("alpha.localhost").get("/").content.decode()
    assert 'href="mailto:hello@alpha.example?subject=Accessibility barrier"' in alpha_footer
    assert "(555) 010-0199" in alpha_footer


def test_notices_start_with_sensible_text_and_follow_each_sites_edits(alpha, bravo, host_client):
    with tenant_context(alpha):
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.privacy_notice = "<p>Alpha keeps nothing about you.</p>"
        identity.barrier_report_email = "access@alpha.example"
        identity.save()

    alpha_privacy = host_client("alpha.localhost").get("/privacy/").content.decode()
    bravo_privacy = host_client("bravo.localhost").get("/privacy/").content.decode()
    statement = host_client("bravo.localhost").get("/accessibility/").content.decode()
    alpha_statement = host_client("alpha.localhost").get("/accessibility/").content.decode()
    notice = host_client("bravo.localhost").get("/non-discrimination/").content.decode()

    assert "Alpha keeps nothing about you." in alpha_privacy
    assert "We collect no personal information" in bravo_privacy
    assert "Alpha keeps nothing" not in bravo_privacy
    assert "WCAG" in statement and "Report a barrier" in statement
    assert "mailto:access@alpha.example" in alpha_statement
    assert "race, color, national origin, sex, disability, or age" in notice


def test_a_missing_page_is_styled_with_the_sites_header_a_search_box_and_ways_on(
    alpha, host_client
):
    answer = host_client("alpha.localhost").get("/no-such-page/")
    html = answer.content.decode()

    assert answer.status_code == 404
    assert "Alpha School District" in html.split("</header>")[0]
    assert 'class="error-search"' in html and 'action="/search/"' in html
    assert '<a href="/">Go to the home page</a>' in html
    assert "portal.css" in html


def test_the_error_page_is_drawn_without_the_database(alpha):
    request = RequestFactory().get("/broken/", HTTP_HOST="alpha.localhost")
    request.tenant = alpha

    def refuse(execute, sql, params, many, context):
        raise AssertionError(f"The error page ran a query: {sql}")

    with connection.execute_wrapper(refuse):
        answer = server_error(request)
    html = answer.content.decode()

    assert answer.status_code == 500
    assert "Something went wrong" in html
    assert "Alpha School District" in html
    assert 'action="/search/"' in html
    assert 'href="/"' in html


def test_a_portrait_page_is_in_the_menu_by_default(db):
    assert DistrictPortraitPage(title="Portrait", slug="portrait").show_in_menus
