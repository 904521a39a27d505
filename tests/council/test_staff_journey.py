"""Staff run a convening from notice to approved minutes, in the state's admin, and export
its feedback; the rules that hold them to the state's lead time and the minutes' record."""

import uuid
from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from council import lifecycle
from council import registration as seats
from council.models import Convening, Minutes, Prompt, Registration
from council.models.convenings import add_working_days
from state.models import StateCompetency, StateSettings
from tests.factories.council import at, make_convening, make_survey, survey_answers


def convening_form(**overrides) -> dict:
    start = timezone.localtime(at(30, 10))
    data = {
        "title": "Winter convening",
        "slug": "winter",
        "summary": "A convening.",
        "format": "hybrid",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + timedelta(hours=4)).strftime("%Y-%m-%d %H:%M"),
        "venue_name": "State Library",
        "venue_address": "1 Main St",
        "join_url": "https://meet.example.org/w",
        "accessibility_services": "Captions",
        "capacity": "40",
        "registration_open": "on",
        "recording_url": "",
        "agenda_items": inline_formset(
            [
                {
                    "starts_at": "10:00",
                    "duration_minutes": "30",
                    "title": "Welcome",
                    "kind": "information",
                    "presenter": "",
                    "description": "",
                },
                {
                    "starts_at": "10:30",
                    "duration_minutes": "30",
                    "title": "Vote on draft",
                    "kind": "action",
                    "presenter": "",
                    "description": "",
                },
            ]
        ),
        "materials": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_staff_run_a_convening_from_notice_to_approved_minutes(staff, state):
    # Staff create the convening with its agenda.
    response = staff.post("/admin/council_convenings/new/", convening_form())
    assert response.status_code == 302, response.context["form"].errors
    convening = Convening.objects.get(slug="winter")
    assert convening.agenda_items.count() == 2
    assert state.get("/council/convenings/winter/").status_code == 404  # no notice yet

    # They publish the notice; the time is recorded and the public sees it.
    desk = f"/admin/council/convenings/{convening.pk}/"
    assert staff.post(desk + "notice/").status_code == 302
    convening.refresh_from_db()
    assert convening.notice_published_at is not None
    assert state.get("/council/convenings/winter/").status_code == 200

    # People register; staff check one in at the door.
    for n in range(2):
        seats.register(
            convening.pk, seats.Registrant(f"P{n}", f"p{n}@example.org", "in_person"), uuid.uuid4()
        )
    first = Registration.objects.order_by("id").first()
    scanned = staff.get(f"/admin/council/check-in/?code={first.check_in_code}")
    assert first.name in scanned.content.decode()
    staff.post("/admin/council/check-in/", {"code": first.check_in_code.lower()})
    first.refresh_from_db()
    assert first.checked_in_at is not None

    # The convening takes place; staff write the minutes with a vote, and approve them.
    Convening.objects.filter(pk=convening.pk).update(
        starts_at=timezone.now() - timedelta(hours=5), ends_at=timezone.now() - timedelta(hours=1)
    )
    minutes_form = nested_form_data(
        {
            "convening": convening.pk,
            "body": rich_text("<p>The council recommended the draft.</p>"),
            "votes": inline_formset(
                [
                    {
                        "motion": "Recommend the draft",
                        "in_favour": "9",
                        "against": "1",
                        "abstaining": "0",
                        "carried": "on",
                    }
                ]
            ),
        }
    )
    response = staff.post("/admin/council_minutes/new/", minutes_form)
    assert response.status_code == 302
    minutes = Minutes.objects.get(convening=convening)
    assert staff.post(f"/admin/council/minutes/{minutes.pk}/approve/").status_code == 302
    minutes.refresh_from_db()
    assert minutes.is_approved and minutes.attendance_count == 1 and minutes.attendees == "P0"
    assert minutes.approved_by.username == "council-staff"
    # Approved minutes are the record: the edit view refuses them.
    assert staff.get(f"/admin/council_minutes/edit/{minutes.pk}/").status_code in (302, 403)
    page = state.get("/council/convenings/winter/").content.decode()
    assert "The council recommended the draft." in page and "Recommend the draft" in page

    # Its feedback exports.
    prompt = make_survey(subject="convening", convening=convening)
    state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt))
    export = staff.get(f"/admin/council/convenings/{convening.pk}/feedback.xlsx")
    assert export.status_code == 200
    assert export["Content-Disposition"].startswith('attachment; filename="feedback-winter')


def test_a_convening_needs_place_and_link_for_its_format(staff):
    response = staff.post(
        "/admin/council_convenings/new/", convening_form(venue_name="", join_url="")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "venue_name" in errors and "join_url" in errors
    assert not Convening.objects.exists()


def test_the_notice_needs_an_agenda(db):
    convening = make_convening(noticed=False, agenda=False)
    with pytest.raises(ValidationError, match="agenda"):
        lifecycle.publish_notice(convening)


def test_the_notice_respects_the_states_lead_time_in_working_days(db):
    settings = StateSettings.load()
    settings.notice_lead_working_days = 3
    settings.save()
    monday = timezone.make_aware(datetime(2030, 6, 3, 10))  # a Monday
    convening = make_convening(noticed=False, starts_at=monday, ends_at=monday + timedelta(hours=3))
    assert convening.notice_deadline(3) == date(2030, 5, 29)  # the Wednesday before
    late = timezone.make_aware(datetime(2030, 5, 30, 9))  # Thursday: too late
    with pytest.raises(ValidationError, match="3 working days"):
        lifecycle.publish_notice(convening, now=late)
    in_time = timezone.make_aware(datetime(2030, 5, 29, 16))
    lifecycle.publish_notice(convening, now=in_time)
    assert convening.notice_published_at == in_time


def test_working_days_skip_weekends():
    friday = date(2030, 5, 31)
    assert add_working_days(friday, 1) == date(2030, 6, 3)
    assert add_working_days(friday, 3) == date(2030, 6, 5)


def test_minutes_cannot_be_approved_before_the_convening(db):
    convening = make_convening()
    minutes = Minutes.objects.create(convening=convening, body="<p>Early</p>")
    with pytest.raises(ValidationError, match="after the convening"):
        lifecycle.approve_minutes(minutes, None)


def test_staff_see_notices_due_and_minutes_overdue(staff):
    make_convening("soon-no-notice", days=4, noticed=False)
    make_convening("far-no-notice", days=60, noticed=False)
    make_convening("long-ago", days=-45)
    approved = make_convening("approved", days=-40)
    Minutes.objects.create(convening=approved, body="<p>x</p>", status="approved")
    due = [item.convening.slug for item in lifecycle.notices_due()]
    overdue = [item.convening.slug for item in lifecycle.minutes_overdue()]
    assert due == ["soon-no-notice"] and overdue == ["long-ago"]
    page = staff.get("/admin/council/").content.decode()
    assert "Convening soon-no-notice" in page and "Convening long-ago" in page


def test_a_full_convening_offers_the_waitlist(state):
    convening = make_convening(capacity=1)
    seats.register(convening.pk, seats.Registrant("A", "a@example.org", "online"), uuid.uuid4())
    page = state.get(convening.get_absolute_url()).content.decode()
    assert "Join the waitlist" in page
    with mock.patch("council.registration.can_register", return_value=False):
        assert "Join the waitlist" not in state.get(convening.get_absolute_url()).content.decode()


def test_staff_make_a_prompt_about_one_competency_chosen_from_the_states(staff):
    StateCompetency.objects.create(slug="critical-thinker", name="Critical thinker")
    form = nested_form_data(
        {
            "title": "Critical thinking",
            "slug": "critical",
            "introduction": "",
            "subject": "competency",
            "convening": "",
            "competency_slug": "critical-thinker",
            "mode": "questions",
            "exchange_question": "",
            "rating_sample_size": "5",
            "questions": inline_formset(
                [
                    {
                        "text": "Clear?",
                        "help_text": "",
                        "kind": "rating",
                        "required": "on",
                        "choices": "",
                    }
                ]
            ),
            "opens_at": "",
            "closes_at": "",
            "is_published": "on",
            "results_public": "on",
        }
    )
    response = staff.post("/admin/council_prompts/new/", form)
    assert response.status_code == 302
    assert Prompt.objects.get().about == "Critical thinker"
    bad = staff.post(
        "/admin/council_prompts/new/", {**form, "slug": "x", "competency_slug": "nope"}
    )
    assert bad.status_code == 200 and "competency_slug" in bad.context["form"].errors
