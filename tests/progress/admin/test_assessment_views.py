"""A district team runs a round in its real admin: rate, agree, publish; the state sees only
the consensus."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import tenant_context

from progress.models import AssessmentRound, ConsensusRating, IndividualRating
from state.progress.models import PublishedAssessment, PublishedRating

User = get_user_model()


@pytest.fixture
def team(alpha, host_client):
    """Two members of Alpha's leadership team, each signed in to Alpha's admin."""
    clients = []
    with tenant_context(alpha):
        for name in ("lead", "member"):
            user = User.objects.create_superuser(name, f"{name}@alpha.example", "x")
            client = host_client("alpha.localhost")
            client.force_login(user)
            clients.append(client)
    return clients


def start_round(client, district) -> AssessmentRound:
    response = client.post(
        "/admin/progress_rounds/new/",
        {"name": "Autumn self-assessment", "framework": "finding-your-path", "notes": "Our notes"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with tenant_context(district):  # the client leaves the connection on the state's schema
        return AssessmentRound.objects.get()


def test_a_team_rates_agrees_and_publishes(alpha, team, django_capture_on_commit_callbacks):
    lead, member = team
    round_ = start_round(lead, alpha)
    assert (round_.framework_slug, round_.framework_version) == ("finding-your-path", 1)
    # each member rates on their own, with evidence
    response = lead.post(
        f"/admin/progress_rounds/{round_.pk}/ratings/",
        {
            "equity-driven-stage_slug": "developing",
            "equity-driven-evidence_notes": "Equity audit done in spring.",
            "equity-driven-evidence_links": "https://alpha.example/audit",
        },
    )
    assert response.status_code == 302
    member.post(
        f"/admin/progress_rounds/{round_.pk}/ratings/",
        {"equity-driven-stage_slug": "establishing", "voice-stage_slug": "developing"},
    )
    page = lead.get(f"/admin/progress_rounds/{round_.pk}/consensus/").content.decode()
    assert "Establishing: 1 · Developing: 1" in page
    assert "Equity audit done in spring." in page
    # the team agrees
    lead.post(
        f"/admin/progress_rounds/{round_.pk}/consensus/",
        {
            "equity-driven-stage_slug": "developing",
            "equity-driven-rationale": "The audit is done; practice is uneven.",
            "equity-driven-is_priority": "on",
            "voice-stage_slug": "establishing",
            "voice-rationale": "Students lead their conferences in most schools.",
        },
    )
    with tenant_context(alpha):
        assert ConsensusRating.objects.count() == 2
        assert IndividualRating.objects.count() == 3
    # and publishes
    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(f"/admin/progress_rounds/{round_.pk}/publish/")
    assert response.status_code == 302
    connection.set_schema_to_public()
    published = PublishedAssessment.objects.get(district=alpha)
    assert (published.name, published.is_latest, published.round_key) == (
        "Autumn self-assessment",
        True,
        round_.pk,
    )
    assert sorted(PublishedRating.objects.values_list("competency_slug", "stage_slug")) == [
        ("equity-driven", "developing"),
        ("voice", "establishing"),
    ]


def test_a_published_round_no_longer_changes(alpha, team):
    lead, _ = team
    round_ = start_round(lead, alpha)
    with tenant_context(alpha):
        ConsensusRating.objects.create(
            round=round_, competency_slug="voice", stage_slug="developing"
        )
        round_.publish()
    lead.post(f"/admin/progress_rounds/{round_.pk}/consensus/", {"voice-stage_slug": "refining"})
    with tenant_context(alpha):
        assert ConsensusRating.objects.get().stage_slug == "developing"


def test_publishing_needs_a_consensus(alpha, team):
    lead, _ = team
    round_ = start_round(lead, alpha)
    page = lead.post(f"/admin/progress_rounds/{round_.pk}/publish/", follow=True)
    assert "Agree on a consensus stage for at least one competency first." in page.content.decode()
    with tenant_context(alpha):
        assert not AssessmentRound.objects.published().exists()


def test_a_bad_evidence_link_saves_nothing(alpha, team):
    lead, _ = team
    round_ = start_round(lead, alpha)
    response = lead.post(
        f"/admin/progress_rounds/{round_.pk}/ratings/",
        {"voice-stage_slug": "developing", "equity-driven-evidence_links": "not a link"},
    )
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    with tenant_context(alpha):
        assert not IndividualRating.objects.exists()


def test_a_consensus_without_its_rationale_is_refused(alpha, team):
    lead, _ = team
    round_ = start_round(lead, alpha)
    response = lead.post(
        f"/admin/progress_rounds/{round_.pk}/consensus/",
        {"voice-stage_slug": "developing", "voice-rationale": "   "},
    )
    assert response.status_code == 200
    assert "Say why the team agreed on this stage." in response.content.decode()
    with tenant_context(alpha):
        assert not ConsensusRating.objects.exists()


def test_the_state_admin_offers_no_self_assessment(db, host_client):
    admin = User.objects.create_superuser("state-admin", "s@example.org", "x")
    client = host_client("localhost")
    client.force_login(admin)
    assert client.get("/admin/progress_rounds/").status_code in (302, 403)
    assert "Self-assessment" not in client.get("/admin/").content.decode()
