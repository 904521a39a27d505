"""A leadership team keeps action plans in its district's admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tenants.utils import tenant_context
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from progress.models import ActionPlan, AssessmentRound
from tenants.starter import LEADERSHIP_TEAM


@pytest.fixture
def lead(alpha, host_client):
    """A member of Alpha's Leadership team (not a superuser), signed in to Alpha's admin."""
    with tenant_context(alpha):
        user = get_user_model().objects.create_user("lead", "lead@alpha.example", "x")
        user.groups.add(Group.objects.get(name=LEADERSHIP_TEAM))
        client = host_client(alpha.primary_hostname)
        client.force_login(user)
    return client


@pytest.fixture
def round_(alpha):
    with tenant_context(alpha):
        return AssessmentRound.objects.create(
            name="Spring self-assessment", framework_slug="finding-your-path", framework_version=1
        )


def plan_form(round_, starts_on: str, ends_on: str) -> dict:
    return nested_form_data(
        {
            "round": round_.pk,
            "competency_slug": "voice",
            "goal": "Every student leads a conference about their learning.",
            "people_responsible": "The assistant superintendent and two principals.",
            "success_criteria": "Nine in ten families attend a student-led conference.",
            "starts_on": starts_on,
            "ends_on": ends_on,
            "review_on": "2027-01-15",
            "status": "not_started",
            "steps": inline_formset([{"description": "Train advisers", "status": "not_started"}]),
        }
    )


def test_a_plan_that_ends_before_it_starts_is_refused(alpha, lead, round_):
    response = lead.post(
        "/admin/progress_action_plans/new/", plan_form(round_, "2027-03-01", "2027-02-01")
    )
    assert response.status_code == 200
    assert "The plan cannot end before it starts" in response.content.decode()
    with tenant_context(alpha):
        assert not ActionPlan.objects.exists()


def test_a_plan_in_order_is_saved(alpha, lead, round_):
    response = lead.post(
        "/admin/progress_action_plans/new/", plan_form(round_, "2027-02-01", "2027-03-01")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    with tenant_context(alpha):
        plan = ActionPlan.objects.get()
    assert (plan.starts_on, plan.ends_on) == (datetime.date(2027, 2, 1), datetime.date(2027, 3, 1))


def test_a_review_date_still_to_come_is_shown_as_a_date(alpha, lead, round_):
    review_on = timezone.localdate() + datetime.timedelta(days=40)
    with tenant_context(alpha):
        ActionPlan.objects.create(
            round=round_,
            competency_slug="voice",
            goal="A goal",
            people_responsible="The team",
            success_criteria="Criteria",
            review_on=review_on,
        )
    page = lead.get("/admin/progress_action_plans/").content.decode()
    assert f"{review_on:%B} {review_on.day}, {review_on.year}" in page
    assert "Just now" not in page
