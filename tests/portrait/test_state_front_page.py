"""The state's front page: the statewide portrait as a picture, districts at each stage as a
chart and a table, the latest stories, upcoming convenings, and a map of adoption where the
state has uploaded district boundaries."""

import datetime
import json

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from council.models import Convening
from state.models import StateSettings
from tenants.models import AdoptionStage, District


def square(west: float, south: float) -> list:
    return [[[west, south], [west + 1, south], [west + 1, south + 1], [west, south + 1]]]


BOUNDARIES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"NAME": "Alpha School District", "GEOID": "0100001"},
            "geometry": {"type": "Polygon", "coordinates": square(-90, 35)},
        },
        {
            "type": "Feature",
            "properties": {"NAME": "Bravo School District", "GEOID": "0100002"},
            "geometry": {"type": "MultiPolygon", "coordinates": [square(-89, 35), square(-89, 36)]},
        },
        {
            "type": "Feature",
            "properties": {"NAME": "Charlie Unified", "GEOID": "0100003"},
            "geometry": {"type": "Polygon", "coordinates": square(-88, 35)},
        },
    ],
}


def upload_boundaries(content: bytes) -> None:
    document = Document(title="District boundaries")
    document.file.save("boundaries.geojson", ContentFile(content), save=False)
    document.save()
    settings = StateSettings.load()
    settings.district_boundaries = document
    settings.save()


def home_html(host_client, state_home) -> str:
    answer = host_client("localhost").get(state_home.url)
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_front_page_shows_the_statewide_portrait_and_districts_at_each_stage(
    alpha, bravo, state_portrait, state_home, host_client
):
    District.objects.filter(pk=bravo.pk).update(adoption_stage=AdoptionStage.FINALIZED)
    finalized = District.objects.active().filter(adoption_stage="finalized").count()

    html = home_html(host_client, state_home)
    table = html.split('class="data-table adoption-table"')[1].split("</table>")[0]

    assert 'class="portrait-ring"' in html and "Critical thinker" in html
    assert f'<th scope="row">Finalized</th><td>{finalized}</td>' in table
    assert 'class="bar stage-finalized"' in html
    assert "adoption-map" not in html  # no boundary file, no map


def test_upcoming_convenings_with_a_public_notice_are_listed(state_home, host_client):
    starts = timezone.now() + datetime.timedelta(days=10)
    for title, noticed in (("Spring listening session", True), ("Unannounced planning", False)):
        Convening.objects.create(
            title=title,
            slug=title.lower().replace(" ", "-"),
            format="in_person",
            capacity=40,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            notice_published_at=timezone.now() if noticed else None,
        )

    html = home_html(host_client, state_home)

    assert "Spring listening session" in html
    assert "Unannounced planning" not in html


def test_uploaded_boundaries_draw_a_keyboard_map_colored_by_stage_with_a_table(
    alpha, bravo, state_home, host_client
):
    District.objects.filter(pk=alpha.pk).update(adoption_stage=AdoptionStage.FINALIZED)
    upload_boundaries(json.dumps(BOUNDARIES).encode())

    html = home_html(host_client, state_home)
    drawing = html.split('<svg viewBox="0 0 1000', 1)[1].split("</svg>")[0]

    assert drawing.count('class="map-district"') == 2
    assert 'aria-label="Alpha School District: Finalized"' in drawing
    assert 'aria-label="Bravo School District: Developing"' in drawing
    assert 'fill="#1b5e20"' in drawing  # finalized
    assert alpha.base_url + "/" in drawing
    assert drawing.count('class="map-outline"') == 1  # Charlie has no district here
    table = html.split("Each district's adoption stage")[1].split("</table>")[0]
    assert "Alpha School District</a></th><td>Finalized</td>" in table


def test_a_boundary_file_that_is_not_geojson_shows_no_map_and_no_error(state_home, host_client):
    upload_boundaries(b"this is not json")

    html = home_html(host_client, state_home)

    assert "adoption-map" not in html
