"""CSV and XLSX exports of responses and registrations, each logged."""

import csv
import io
import uuid

from openpyxl import load_workbook

from council import registration as seats
from council.models import ExportLog
from council.submissions import Participant, save_response
from tests.council.conftest import make_convening, make_staff, make_survey


def test_registrations_export_as_csv_and_xlsx_and_each_is_logged(staff):
    convening = make_convening()
    seats.register(
        convening.pk,
        seats.Registrant(
            name="=HYPERLINK(evil)",
            email="e@example.org",
            attendance_mode="online",
            accommodation_request="ASL",
        ),
        uuid.uuid4(),
    )
    response = staff.get(f"/admin/council/convenings/{convening.pk}/registrations.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["name", "email", "status"]
    assert rows[1][0] == "'=HYPERLINK(evil)"  # never a formula in a spreadsheet
    assert rows[1][6] == "ASL"

    response = staff.get(f"/admin/council/convenings/{convening.pk}/registrations.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B2"].value == "e@example.org"

    logs = ExportLog.objects.order_by("exported_at")
    assert [(log.what, log.file_format, log.row_count, log.username) for log in logs] == [
        ("registrations", "csv", 1, "council-staff"),
        ("registrations", "xlsx", 1, "council-staff"),
    ]


def test_a_convenings_feedback_exports_every_answer(staff):
    convening = make_convening()
    prompt = make_survey(subject="convening", convening=convening)
    by_text = {q.text: q for q in prompt.questions.all()}
    save_response(
        prompt,
        Participant(region="North", voice="student"),
        [(by_text["Clear?"], 5), (by_text["Where?"], ["Class", "Home"])],
        uuid.uuid4(),
    )
    response = staff.get(f"/admin/council/convenings/{convening.pk}/feedback.csv")
    header, row = list(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    answers = dict(zip(header, row, strict=True))
    assert answers["Clear?"] == "5" and answers["Where?"] == "Class; Home"
    assert answers["voice"] == "Student" and answers["region"] == "North"
    assert ExportLog.objects.get().what == "feedback"


def test_exports_need_permission_and_a_known_format(db, host_client):
    convening = make_convening()
    outsider = host_client("localhost")
    outsider.force_login(make_staff("no-perms", perms=()))
    refused = outsider.get(f"/admin/council/convenings/{convening.pk}/registrations.csv")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's refusal
    allowed = host_client("localhost")
    allowed.force_login(make_staff())
    assert (
        allowed.get(f"/admin/council/convenings/{convening.pk}/registrations.pdf").status_code
        == 404
    )
    assert ExportLog.objects.count() == 0
