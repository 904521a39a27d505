"""People, pages and admin forms for driving a district's real Wagtail admin.

Editors and Approvers are the groups every district gets from the template; the users here
belong to those groups only, never superusers, so the admin applies its real permissions.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import strip_tags
from django_tenants.utils import tenant_context
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portrait.models import DistrictPortraitPage
from state.models import StateCompetency
from tenants.starter import APPROVERS, EDITORS

DISTRICT_URLS = "portal.urls.district"
STATE_SLUGS = ("curious-learner", "clear-communicator")


def admin_url(name: str, *args) -> str:
    return reverse(name, urlconf=DISTRICT_URLS, args=args)


def messages_of(response) -> list[str]:
    """The admin's flash messages for a response, as plain text."""
    return [strip_tags(str(message)).strip() for message in get_messages(response.wsgi_request)]


@dataclass
class Member:
    """A member of one district's editorial groups, signed in on that district's host."""

    user: object
    client: object


def sign_in_member(district, host_client, username: str, group_name: str) -> Member:
    with tenant_context(district):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
        user.groups.add(Group.objects.get(name=group_name))
        client = host_client(district.primary_hostname)
        client.force_login(user)
    return Member(user, client)


@pytest.fixture
def state_competencies(db):
    """The published state portrait's competencies, as the read model holds them."""
    return [
        StateCompetency.objects.create(
            slug=slug, name=slug.replace("-", " ").capitalize(), definition="", position=position
        )
        for position, slug in enumerate(STATE_SLUGS)
    ]


@pytest.fixture
def editor(alpha, host_client):
    return sign_in_member(alpha, host_client, "alpha-editor", EDITORS)


@pytest.fixture
def approver(alpha, host_client):
    return sign_in_member(alpha, host_client, "alpha-approver", APPROVERS)


@pytest.fixture
def portrait(alpha) -> DistrictPortraitPage:
    """Alpha's portrait page, as the template's starter content made it."""
    with tenant_context(alpha):
        return DistrictPortraitPage.objects.get()


def competency_form(name: str, aligned_to: list[str]) -> dict:
    return {
        "name": name,
        "definition": f"{name}, in a sentence.",
        "icon": {"image": "", "alt_text": ""},
        "sub_traits": {"count": "0"},
        "descriptors": {"count": "0"},
        "aligned_to": aligned_to,
    }


def portrait_form(page, title: str, competencies: list[dict], action: str = "", **fields) -> dict:
    """The edit form of a district portrait as the admin posts it; `action` is the button
    (`action-submit`, `action-publish`) or empty for Save draft."""
    # A select-multiple posts one value per choice: keep those lists out of the flattening.
    multiple = {
        f"competencies-{index}-value-aligned_to": competency["aligned_to"]
        for index, competency in enumerate(competencies)
    }
    competencies = [
        {key: value for key, value in competency.items() if key != "aligned_to"}
        for competency in competencies
    ]
    data = nested_form_data(
        {
            "title": title,
            "slug": fields.pop("slug", page.slug),
            "seo_title": "",
            "search_description": "",
            "go_live_at": fields.pop("go_live_at", ""),
            "expire_at": "",
            "vision_statement": rich_text(fields.pop("vision_statement", "<p>Our vision.</p>")),
            "community_why": rich_text("<p>Because our town asked for it.</p>"),
            "competencies": streamfield([("competency", c) for c in competencies]),
            "co_creation": streamfield([]),
            "last_revisited": "",
            "comments": inline_formset([]),
            **fields,
        }
    )
    data.update(multiple)
    if action:
        data[action] = action
    return data
