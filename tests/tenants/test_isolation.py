"""Nothing written in one district is readable from another, by any route.

Alpha and Bravo are cloned from one template, and every row these tests add is given the same
primary key in both, so a lookup that ignored the schema would find the other district's row.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.template import Context, Template
from django_tenants.utils import tenant_context
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from portrait.models import DistrictHomePage, DistrictPortraitPage
from tenants.models import District

SHARED_PK = 4242


def make_editor(district: District, username: str, password: str):
    with tenant_context(district):
        user = get_user_model().objects.create_user(
            pk=SHARED_PK, username=username, password=password, email=f"{username}@example.org"
        )
        user.groups.add(Group.objects.get(name="Editors"))
        return user


def add_page(district: District, title: str, slug: str) -> Page:
    with tenant_context(district):
        home = DistrictHomePage.objects.get()
        page = DistrictPortraitPage(pk=SHARED_PK, title=title, slug=slug)
        home.add_child(instance=page)
        page.save_revision().publish()
        return page


def sign_in(client, username: str, password: str):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_the_two_districts_really_share_primary_keys(alpha, bravo):
    alpha_editor = make_editor(alpha, "alpha-editor", "alpha-password-1")
    bravo_editor = make_editor(bravo, "bravo-editor", "bravo-password-1")
    assert alpha_editor.pk == bravo_editor.pk == SHARED_PK
    with tenant_context(alpha):
        alpha_home = DistrictHomePage.objects.get()
    with tenant_context(bravo):
        bravo_home = DistrictHomePage.objects.get()
    assert alpha_home.pk == bravo_home.pk


def test_a_session_from_alpha_is_refused_on_bravos_admin(alpha, bravo, host_client):
    make_editor(alpha, "alpha-editor", "alpha-password-1")
    make_editor(bravo, "bravo-editor", "bravo-password-1")
    on_alpha = host_client("alpha.localhost")
    assert sign_in(on_alpha, "alpha-editor", "alpha-password-1").status_code == 302
    assert on_alpha.get("/admin/").status_code == 200
    session = on_alpha.cookies["sessionid"]
    assert session["domain"] == "", "the session cookie must stay on the host that set it"

    on_bravo = host_client("bravo.localhost")
    on_bravo.cookies["sessionid"] = session.value
    response = on_bravo.get("/admin/")

    # Bravo's user with the same primary key must not be signed in by Alpha's session.
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_alphas_editor_cannot_sign_in_on_bravo(alpha, bravo, host_client):
    make_editor(alpha, "editor", "alpha-password-1")
    make_editor(bravo, "editor", "bravo-password-1")
    on_bravo = host_client("bravo.localhost")

    response = sign_in(on_bravo, "editor", "alpha-password-1")

    assert response.status_code == 200  # the form again, with an error
    assert "sessionid" not in on_bravo.cookies or not on_bravo.cookies["sessionid"].value
    assert on_bravo.get("/admin/").status_code == 302
    assert sign_in(on_bravo, "editor", "bravo-password-1").status_code == 302


def test_a_page_of_alpha_never_appears_on_bravos_host(alpha, bravo, host_client):
    add_page(alpha, "Only in Alpha", "only-in-alpha")
    add_page(bravo, "Only in Bravo", "only-in-bravo")
    on_alpha, on_bravo = host_client("alpha.localhost"), host_client("bravo.localhost")

    assert on_alpha.get("/only-in-alpha/").status_code == 200
    assert on_bravo.get("/only-in-alpha/").status_code == 404
    bravo_page = on_bravo.get("/only-in-bravo/")
    assert "Only in Bravo" in bravo_page.content.decode()
    assert "Only in Alpha" not in bravo_page.content.decode()
    assert "Only in Alpha" not in on_bravo.get("/").content.decode()


def test_search_in_bravo_does_not_find_alphas_pages(alpha, bravo):
    add_page(alpha, "Watershed stewardship", "watershed")
    with tenant_context(alpha):
        assert [p.title for p in Page.objects.live().search("watershed")] == [
            "Watershed stewardship"
        ]
    with tenant_context(bravo):
        assert list(Page.objects.live().search("watershed")) == []


def test_an_image_of_alpha_never_appears_on_bravo(alpha, bravo, host_client):
    with tenant_context(alpha):
        Image.objects.create(
            pk=SHARED_PK, title="Alpha", file=get_test_image_file("alpha.png", size=(64, 48))
        )
        alpha_rendition = Image.objects.get(pk=SHARED_PK).get_rendition("width-20")
        alpha_url = alpha_rendition.url  # a storage URL names the schema it is built in
    with tenant_context(bravo):
        Image.objects.create(
            pk=SHARED_PK, title="Bravo", file=get_test_image_file("bravo.png", size=(32, 16))
        )
        # Rendition cache keys are built from the image id, which both districts share.
        bravo_rendition = Image.objects.get(pk=SHARED_PK).get_rendition("width-20")
        bravo_url = bravo_rendition.url

    assert alpha_url.startswith(f"/media/{alpha.schema_name}/")
    assert bravo_url.startswith(f"/media/{bravo.schema_name}/")
    assert (alpha_rendition.height, bravo_rendition.height) == (15, 10)
    assert host_client("alpha.localhost").get(alpha_url).status_code == 200
    assert host_client("bravo.localhost").get(alpha_url).status_code == 404
    assert host_client("localhost").get(alpha_url).status_code == 404


def test_a_cached_fragment_of_alpha_never_appears_on_bravo(alpha, bravo):
    fragment = Template("{% load cache %}{% cache 600 greeting 1 %}{{ who }}{% endcache %}")
    with tenant_context(alpha):
        assert fragment.render(Context({"who": "Alpha"})) == "Alpha"
    with tenant_context(bravo):
        assert fragment.render(Context({"who": "Bravo"})) == "Bravo"
    with tenant_context(alpha):
        assert fragment.render(Context({"who": "changed"})) == "Alpha"  # still cached


def test_a_district_home_page_cached_fragment_stays_home(alpha, bravo, host_client):
    for district, intro in ((alpha, "Welcome from Alpha"), (bravo, "Welcome from Bravo")):
        with tenant_context(district):
            home = DistrictHomePage.objects.get()
            home.intro = f"<p>{intro}</p>"
            home.save_revision().publish()
    assert "Welcome from Alpha" in host_client("alpha.localhost").get("/").content.decode()
    bravo_home = host_client("bravo.localhost").get("/").content.decode()
    assert "Welcome from Bravo" in bravo_home
    assert "Alpha" not in bravo_home


@pytest.mark.parametrize("host", ["nowhere.localhost", "alpha.example.com", "alphabet.localhost"])
def test_an_unknown_host_gets_a_plain_404(alpha, host_client, host):
    response = host_client(host).get("/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Alpha" not in body
    assert "Portrait of a learner" not in body


def test_an_inactive_districts_host_gets_404(alpha, host_client):
    District.objects.filter(pk=alpha.pk).update_and_announce(is_active=False)
    assert host_client("alpha.localhost").get("/").status_code == 404
    assert host_client("alpha.localhost").get("/admin/login/").status_code == 404
