"""Council members: invited by email, they join once, register, check in, answer and later
see what the agency did with what they said."""

import re
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from council.models import (
    Invitation,
    MemberProfile,
    Outcome,
    Registration,
    Response,
    Theme,
)
from council.outbox import send_pending
from tests.factories.council import make_convening, make_member, make_survey, survey_answers

JOIN = {
    "display_name": "Sam Member",
    "region": "North",
    "voice": "employer",
    "password1": "a-long-member-password",
    "password2": "a-long-member-password",
}


def invite(staff, email="new@example.org") -> str:
    response = staff.post(
        "/admin/council_invitations/new/",
        {"email": email, "region": "", "voice": "", "language": "en"},
    )
    assert response.status_code == 302
    send_pending()
    link = re.search(r"https?://\S+/council/join/\S+/", mail.outbox[-1].body).group(0)
    return link.split(":8000", 1)[-1].split("localhost", 1)[-1]


def test_an_invitation_works_once_and_keeps_only_a_hash(staff, state):
    path = invite(staff)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash and invitation.status == "pending"

    response = state.post(path, JOIN)
    assert response.status_code == 302 and response["Location"] == "/council/me/"
    profile = MemberProfile.objects.get()
    assert (profile.user.email, profile.region, profile.voice) == (
        "new@example.org",
        "North",
        "employer",
    )
    assert state.get("/council/me/").status_code == 200  # signed in

    again = state.post(path, {**JOIN, "display_name": "Impostor"})
    assert again.status_code == 404
    assert MemberProfile.objects.count() == 1


def test_an_expired_or_unknown_invitation_is_refused(db, state):
    invitation = Invitation(email="late@example.org")
    token = invitation.issue_token()
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    assert state.get(f"/council/join/{token}/").status_code == 404
    assert state.get("/council/join/made-up-token/").status_code == 404


def test_joining_explains_bad_input(staff, state):
    path = invite(staff)
    response = state.post(path, {**JOIN, "password2": "something-else", "voice": "pirate"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "password2" in errors and "voice" in errors
    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_a_member_registers_checks_in_answers_and_sees_you_said_we_did(staff, state):
    member = make_member()
    state.force_login(member.user)
    convening = make_convening(capacity=10)

    # Register: the form knows who they are.
    form = state.get(f"/council/convenings/{convening.slug}/register/")
    assert form.context["form"].initial["email"] == member.user.email
    state.post(
        f"/council/convenings/{convening.slug}/register/",
        {
            "idempotency_key": str(uuid.uuid4()),
            "name": "Morgan Member",
            "email": member.user.email,
            "attendance_mode": "in_person",
            "accommodation_request": "",
            "website": "",
        },
    )
    registration = Registration.objects.get()
    assert registration.user == member.user and registration.region == member.region

    # Check in at the door.
    staff.post("/admin/council/check-in/", {"code": registration.check_in_code})
    registration.refresh_from_db()
    assert registration.checked_in_at is not None

    # Answer a prompt.
    prompt = make_survey(subject="convening", convening=convening)
    assert state.post(f"/council/prompts/{prompt.slug}/", survey_answers(prompt)).status_code == 302
    assert Response.objects.get().voice == member.voice

    # Staff post what they did; the member sees it on their page.
    theme = Theme.objects.create(prompt=prompt, name="Time outdoors")
    Outcome.objects.create(
        theme=theme,
        you_said="More time outdoors.",
        we_did="Added to the draft.",
        status="done",
        is_published=False,
    )
    assert "Added to the draft." not in state.get("/council/me/").content.decode()
    Outcome.objects.update(is_published=True)
    page = state.get("/council/me/").content.decode()
    assert "Added to the draft." in page and convening.title in page
    assert "Added to the draft." in state.get("/council/you-said-we-did/").content.decode()


def test_a_signed_in_person_without_a_profile_is_not_a_member(db, state):
    user = get_user_model().objects.create_user("someone", "s@example.org", "x")
    state.force_login(user)
    assert state.get("/council/me/").status_code == 403


def test_sign_in_page_signs_members_in(db, state):
    make_member()
    response = state.post(
        "/council/sign-in/",
        {"username": "member@example.org", "password": "a-long-member-password"},
    )
    assert response.status_code == 302
    assert state.get("/council/me/").status_code == 200
