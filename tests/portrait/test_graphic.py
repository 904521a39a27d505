"""Each portrait drawn as a picture: its competencies around its name, in the site's colors,
with a text equivalent; downloadable as a PNG and as a one-page PDF."""

import io
import re

from django.test import RequestFactory
from django_tenants.utils import tenant_context
from PIL import Image as PillowImage
from wagtail.models import Site

from portrait.graphic import Competency, PortraitGraphic, ring_svg, stack_svg
from portrait.models import DistrictPortraitPage, SiteIdentity
from tests.factories import portrait as factories
from tests.portrait.conftest import publish_district_portrait

ALIGNMENTS = {
    "Curious problem-solver": ["critical-thinker"],
    "Confident communicator": ["effective-communicator"],
    "Caring neighbor": ["engaged-citizen"],
}


def drawn(names: list[str]) -> PortraitGraphic:
    return PortraitGraphic(
        site_name="Alpha School District",
        label="Portrait of a Learner",
        competencies=[Competency(name) for name in names],
        brand_color="#5b2a6b",
        accent_color="#7a388a",
    )


def texts(svg: str) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_the_ring_puts_every_competency_around_the_portraits_name_in_the_sites_colors():
    svg = ring_svg(drawn(list(ALIGNMENTS)))

    assert svg.count('class="portrait-node"') == 3
    for word in ("Curious", "problem-solver", "Confident", "communicator", "Caring"):
        assert word in texts(svg)
    assert "Portrait of a" in texts(svg) and "Alpha School District" in texts(svg)
    assert 'fill="#5b2a6b"' in svg and 'stroke="#7a388a"' in svg
    assert 'role="img"' in svg
    assert (
        "<desc" in svg
        and "with 3 competencies around it: Curious problem-solver, "
        "Confident communicator and Caring neighbor."
        in svg
    )


def test_names_are_escaped_and_never_split_inside_a_word():
    svg = ring_svg(drawn(["Citizens <script>", "Extraordinarily collaborative contributors"]))

    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "Extraordinarily" in texts(svg).split()


def test_the_narrow_picture_is_a_column_a_phone_can_read():
    svg = stack_svg(drawn(list(ALIGNMENTS) + ["Adaptable learner", "Engaged citizen"]))

    width = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))
    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]
    assert width == 320  # drawn at the phone's own width: one unit is one CSS pixel
    assert min(sizes) >= 15
    assert svg.count('class="portrait-node"') == 5


def test_a_district_portrait_page_shows_its_picture_with_links_to_download_it(
    state_portrait, alpha, host_client
):
    publish_district_portrait(alpha, ALIGNMENTS)

    html = host_client("alpha.localhost").get("/portrait-of-a-learner/").content.decode()

    assert html.count('class="portrait-ring"') == 1 and html.count('class="portrait-stack"') == 1
    assert 'href="/portrait-of-a-learner/picture/"' in html
    assert 'href="/portrait-of-a-learner/print/pdf/"' in html


def test_the_png_is_the_picture_with_a_file_name(state_portrait, alpha, host_client):
    publish_district_portrait(alpha, ALIGNMENTS)
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        icon = factories.picture("Icon", (40, 90, 120), size=(96, 96))
        page.competencies[0].value["icon"]["image"] = icon
        page.competencies[0].value["icon"]["alt_text"] = "A lightbulb"
        factories.publish(page)

    answer = host_client("alpha.localhost").get("/portrait-of-a-learner/picture/")

    assert answer.status_code == 200
    assert answer["Content-Type"] == "image/png"
    assert (
        'filename="alpha-school-district-portrait-of-a-learner.png"'
        in (answer["Content-Disposition"])
    )
    picture = PillowImage.open(io.BytesIO(answer.content))
    assert picture.size == (1600, 1600)
    # The icon's own color is drawn into the picture, so the embedded icon was found.
    colors = {color for _, color in picture.convert("RGB").getcolors(1600 * 1600)}
    assert (40, 90, 120) in colors


def test_the_pdf_is_one_printable_page_even_for_a_long_portrait(state_portrait, alpha, host_client):
    many = {f"Competency number {n}": ["critical-thinker"] for n in range(10)}
    publish_district_portrait(alpha, many)

    answer = host_client("alpha.localhost").get("/portrait-of-a-learner/print/pdf/")
    with tenant_context(alpha):
        page = DistrictPortraitPage.objects.get()
        request = RequestFactory().get("/portrait-of-a-learner/print/pdf/")
        request.site = Site.objects.get(is_default_site=True)
        document = page.printable_document(request)

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF-")
    assert len(document.pages) == 1


def test_the_printable_page_uses_the_sites_logo_and_the_state_portrait_has_a_picture(
    state_portrait, host_client
):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.logo = factories.picture("State seal", (8, 59, 106), size=(120, 120))
    identity.save()

    portrait = host_client("localhost").get(state_portrait.url).content.decode()
    printable = host_client("localhost").get(state_portrait.url + "print/").content.decode()

    assert 'class="portrait-ring"' in portrait
    assert 'class="print-logo"' in printable
    assert "Critical thinker" in printable.split('class="print-picture"')[1]


def test_directory_cards_show_each_districts_picture_drawn_by_its_own_site(
    state_portrait, alpha, bravo, host_client, commit_callbacks
):
    with commit_callbacks():  # the sync to the state's read model runs on commit
        publish_district_portrait(alpha, ALIGNMENTS)

    directory = host_client("localhost").get("/districts/").content.decode()
    picture = host_client("alpha.localhost").get("/portrait-of-a-learner/picture/svg/")

    alpha_card = directory.split("Alpha School District</a></h3>")[0].rsplit("<li", 1)[1]
    bravo_card = directory.split("Bravo School District</a></h3>")[0].rsplit("<li", 1)[1]
    assert f'src="{alpha.base_url}/portrait-of-a-learner/picture/svg/"' in alpha_card
    assert "district-picture" not in bravo_card  # no published portrait yet
    assert picture["Content-Type"] == "image/svg+xml"
    assert "Curious" in picture.content.decode()


def test_a_district_home_shows_its_portrait_picture_once_it_has_competencies(
    state_portrait, alpha, host_client
):
    before = host_client("alpha.localhost").get("/").content.decode()
    publish_district_portrait(alpha, ALIGNMENTS)
    after = host_client("alpha.localhost").get("/").content.decode()

    assert "portrait-ring" not in before
    assert 'class="portrait-ring"' in after and "Confident" in after


def test_the_printable_page_names_the_address_with_the_port_it_was_visited_on(
    state_portrait, alpha, host_client
):
    publish_district_portrait(alpha, ALIGNMENTS)
    client = host_client("alpha.localhost:8123")

    page = client.get("/portrait-of-a-learner/print/").content.decode()

    assert "http://alpha.localhost:8123/portrait-of-a-learner/" in page
