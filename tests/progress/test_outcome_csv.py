"""The outcome CSV reader: every bad row reported by line and reason, foreign columns refused."""

import pytest

from progress.outcome_csv import OutcomeFileRefused, read_outcome_csv, template_csv

SLUGS = {"critical-thinker", "engaged-citizen"}
HEADER = "school_year,competency,grade_band,level,count\n"


def read(text: str):
    return read_outcome_csv(text.encode(), SLUGS)


def test_a_good_file_gives_its_rows():
    rows, problems = read(
        HEADER
        + "2024-25,critical-thinker,K-2,beginning,12\n2024-25,Engaged-Citizen,9-12,Meeting,0\n"
    )
    assert problems == []
    assert [(r.competency_slug, r.grade_band, r.level, r.count) for r in rows] == [
        ("critical-thinker", "K-2", "beginning", 12),
        ("engaged-citizen", "9-12", "meeting", 0),
    ]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_kept():
    text = (
        HEADER
        + "2024-25,critical-thinker,K-2,beginning,12\n"
        + "2024-26,critical-thinker,K-2,meeting,4\n"
        + "2024-25,kindness,K-2,meeting,4\n"
        + "2024-25,critical-thinker,K-3,meeting,-1\n"
        + "2024-25,critical-thinker,K-2,beginning,7\n"
        + "2024-25,critical-thinker\n"
    )
    rows, problems = read(text)
    assert rows == []
    assert [str(p) for p in problems] == [
        "line 3: school year “2024-26” should look like 2024-25",
        "line 4: “kindness” is not a competency of the state portrait",
        "line 5: grade band “K-3” should be one of K-2, 3-5, 6-8, 9-12",
        "line 5: count “-1” should be a whole number from 0 up",
        "line 6: repeats the cell of line 2",
        "line 7: expected 5 values, found 2",
    ]


@pytest.mark.parametrize("column", ["student_id", "first_name", "birth_date"])
def test_a_column_outside_the_template_refuses_the_file(column):
    text = f"{column},{HEADER}x,2024-25,critical-thinker,K-2,beginning,1\n"
    with pytest.raises(OutcomeFileRefused, match=f"columns outside the template \\({column}\\)"):
        read(text)


def test_a_missing_column_or_a_non_text_file_is_refused():
    with pytest.raises(OutcomeFileRefused, match="missing: count"):
        read("school_year,competency,grade_band,level\n")
    with pytest.raises(OutcomeFileRefused, match="not UTF-8"):
        read_outcome_csv(b"\xff\xfe\x00bad", SLUGS)
    with pytest.raises(OutcomeFileRefused, match="empty"):
        read("")


def test_the_template_reads_back_cleanly():
    rows, problems = read_outcome_csv(template_csv(["critical-thinker"], "2025-26"), SLUGS)
    assert problems == [] and len(rows) == 16
