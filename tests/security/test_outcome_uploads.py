"""Outcome uploads: whatever a file holds, the district admin answers with a clear message,
never a 500, and saves all of the file or none of it."""

import codecs

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context
from hypothesis import given, settings
from hypothesis import strategies as st

from progress.models import OutcomeCount, OutcomeUpload
from progress.outcome_csv import OutcomeFileRefused, read_outcome_csv
from tests.progress.read_model import state_competencies

HEADER = "school_year,competency,grade_band,level,count\n"
GOOD_ROW = "2024-25,critical-thinker,K-2,beginning,12\n"


@pytest.fixture
def district_admin(alpha, host_client):
    state_competencies()
    with tenant_context(alpha):
        user = get_user_model().objects.create_superuser("data-lead", "d@alpha.example", "x")
        client = host_client("alpha.localhost")
        client.force_login(user)
    return client


def upload(client, content: bytes, name="counts.csv"):
    return client.post(
        "/admin/learner-outcomes/", {"file": SimpleUploadedFile(name, content, "text/csv")}
    )


def row(count="12", competency="critical-thinker", year="2024-25") -> str:
    return f"{year},{competency},K-2,beginning,{count}\n"


REFUSED = [
    ("5,000 digits", (HEADER + GOOD_ROW + row("9" * 5000)).encode(), "longer than 200"),
    ("eleven digits", (HEADER + row("99999999999")).encode(), "more than 1,000,000 learners"),
    ("superscript two", (HEADER + row("²")).encode(), "count “²” should be a whole number"),
    ("Arabic-Indic three", (HEADER + row("٣")).encode(), "count “٣” should be a whole number"),
    ("full-width digits", (HEADER + row("１２")).encode(), "should be a whole number"),
    ("a 128 KB field", (HEADER + row(competency="x" * 128 * 1024)).encode(), "longer than 200"),
    ("a field past the CSV limit", (HEADER + row("1" * 200_000)).encode(), "cannot be read"),
    ("a 128 KB header", ("x" * 128 * 1024 + "," + HEADER).encode(), "outside the template"),
    ("a NUL byte", (HEADER + row("1\x002")).encode(), "NUL characters"),
    ("UTF-16", codecs.BOM_UTF16_LE + (HEADER + GOOD_ROW).encode("utf-16-le"), "not UTF-8"),
    ("Latin-1", (HEADER + row(competency="pensée")).encode("latin-1"), "not UTF-8"),
    ("a spreadsheet", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64, "NUL characters"),
]


@pytest.mark.parametrize(
    ("content", "message"), [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED]
)
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_saved(
    alpha, district_admin, content, message
):
    response = upload(district_admin, content)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Nothing was saved" in page
    assert len(page) < 200_000  # the message quotes values cut short
    with tenant_context(alpha):
        assert not OutcomeUpload.objects.exists() and not OutcomeCount.objects.exists()


@pytest.mark.parametrize("name", ["counts\x00.csv", "counts\x07\x1b.csv", "ä" * 300 + ".csv"])
def test_an_awkward_file_name_is_saved_cleanly(alpha, district_admin, name):
    response = upload(district_admin, (HEADER + GOOD_ROW).encode(), name=name)
    assert response.status_code == 302
    with tenant_context(alpha):
        saved = OutcomeUpload.objects.get()
        assert saved.counts.count() == 1
        assert saved.file_name.isprintable() and 0 < len(saved.file_name) <= 255


# Values a count or a year might hold: any text, digits of every script (\d is Unicode), and
# what str.isdigit takes for digits although int() does not, or not at that length.
values = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"\d{1,12}", fullmatch=True),
    st.sampled_from(["²", "³", "①", "9" * 5000, "1" * 4301]),
)
files = st.one_of(
    st.binary(max_size=300),
    st.lists(st.lists(values, min_size=4, max_size=6).map(",".join), max_size=6).map(
        lambda lines: (HEADER + "\n".join(lines)).encode()
    ),
)


@settings(max_examples=300, deadline=None)
@given(files)
def test_the_reader_answers_any_bytes_with_rows_or_reasons(content):
    try:
        rows, problems = read_outcome_csv(content, {"critical-thinker"})
    except OutcomeFileRefused as refusal:
        assert str(refusal)
        return
    assert not (rows and problems)
    assert all(0 <= r.count <= 1_000_000 for r in rows)
    assert all(str(problem) for problem in problems)
