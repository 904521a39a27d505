"""The state dashboard: charts with their tables, exports, and who may see it."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tenants.models import District
from tests.progress.read_model import days_ago, listed_district, published_round

URL = "/admin/progress-dashboard/"


@pytest.fixture
def state(alpha, bravo):
    carver = listed_district("carver", region="North", stage="finalized")
    District.objects.exclude(pk__in=[alpha.pk, bravo.pk, carver.pk]).update_and_announce(
        is_active=False
    )
    published_round(
        alpha, 1, {"equity-driven": "establishing", "voice": "establishing"}, days_ago(400)
    )
    published_round(alpha, 2, {"equity-driven": "refining", "voice": "developing"}, days_ago(3))
    published_round(carver, 1, {"equity-driven": "developing"}, days_ago(3))


def test_the_dashboard_shows_each_chart_with_its_table(state, staff_client):
    page = staff_client.get(URL).content.decode()
    assert "2 of 3 districts have published a self-assessment." in page
    assert page.count('<svg role="img"') == 3
    for heading in (
        "Districts by condition",
        "Stage distribution per competency",
        "Adoption by region",
        "Change across rounds",
    ):
        assert heading in page
    assert "The figures as a table" in page
    assert '<script src="http' not in page  # nothing from elsewhere


def test_the_heatmap_export_matches_the_published_stages(state, staff_client):
    response = staff_client.get(URL + "condition-heatmap.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *body = rows
    assert header[:3] == ["District", "Region", "Shared Vision"]
    by_district = {row[0]: row for row in body}
    assert by_district["Alpha School District"][2] == "4.0"  # refining
    assert by_district["Alpha School District"][header.index("Agency")] == "2.0"  # voice
    assert by_district["Carver Schools"][2] == "2.0"
    assert "Bravo School District" not in by_district


def test_the_adoption_export_is_a_workbook(state, staff_client):
    response = staff_client.get(URL + "adoption-by-region.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == (
        "Region",
        "Not considering",
        "Considering",
        "Developing",
        "Finalized",
        "Unreported",
        "Total",
    )
    assert rows[-1] == ("Whole state", 0, 0, 2, 1, 0, 3)


def test_change_across_rounds_follows_school_years(state, staff_client):
    response = staff_client.get(URL + "change-across-rounds.csv")
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(header) == 3  # the condition and two school years
    shared_vision = rows[0]
    assert shared_vision[0] == "Shared Vision"
    assert shared_vision[1:] == ["1.0", "3.0"]  # then: establishing; now: refining and developing


def test_the_region_filter_applies(state, staff_client):
    response = staff_client.get(URL + "condition-heatmap.csv?region=south")
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 1


def test_staff_without_district_detail_cannot_open_it(db, host_client):
    from django.contrib.auth import get_user_model

    from tests.conftest import grant

    user = grant(get_user_model().objects.create_user("editor"), "wagtailadmin.access_admin")
    client = host_client("localhost")
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL + "adoption-by-region.csv").status_code in (302, 403)


def test_exports_neutralize_formulas_and_control_characters(state, staff_client):
    District.objects.filter(slug="carver").update(name="=HYPERLINK(1)", region="@SUM(A1)\x07")

    heatmap = staff_client.get(URL + "condition-heatmap.csv").content.decode("utf-8-sig")
    by_district = {row[0]: row for row in csv.reader(io.StringIO(heatmap))}
    assert by_district["'=HYPERLINK(1)"][1] == "'@SUM(A1)\ufffd"

    response = staff_client.get(URL + "adoption-by-region.xlsx")
    assert response.status_code == 200
    regions = [row[0] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]
    assert "'@SUM(A1)\ufffd" in [cell.value for cell in regions]
    assert all(cell.data_type != "f" for cell in regions)
