"""Two districts with the same primary keys stay apart; individual ratings never reach public."""

from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import tenant_context

from progress.models import AssessmentRound, ConsensusRating, IndividualRating
from progress.sync import sync_district_progress
from state.progress.models import PublishedAssessment, PublishedRating

SECRET = "Confidential note about a colleague"


def make_round(district, stage: str):
    with tenant_context(district):
        user = get_user_model().objects.create_user(f"rater-{district.slug}")
        round_ = AssessmentRound.objects.create(
            pk=4242,  # the same key in both schemas
            name=f"{district.slug} round",
            framework_slug="finding-your-path",
            framework_version=1,
        )
        IndividualRating.objects.create(
            round=round_,
            rater=user,
            competency_slug="voice",
            stage_slug="refining",
            evidence_notes=SECRET,
        )
        ConsensusRating.objects.create(
            round=round_, competency_slug="voice", stage_slug=stage, rationale=SECRET
        )
        round_.publish()
        return round_.pk


def test_same_keys_in_two_districts_stay_apart(alpha, bravo):
    alpha_key = make_round(alpha, "developing")
    bravo_key = make_round(bravo, "establishing")
    assert alpha_key == bravo_key == 4242
    sync_district_progress(alpha)
    sync_district_progress(bravo)
    connection.set_schema_to_public()
    by_district = dict(
        PublishedRating.objects.values_list("assessment__district__slug", "stage_slug")
    )
    assert by_district == {"alpha": "developing", "bravo": "establishing"}
    with tenant_context(alpha):
        assert list(IndividualRating.objects.values_list("round__name", flat=True)) == [
            "alpha round"
        ]


def test_individual_ratings_and_notes_never_reach_public_tables(alpha):
    make_round(alpha, "developing")
    sync_district_progress(alpha)
    connection.set_schema_to_public()
    assert PublishedAssessment.objects.filter(district=alpha).count() == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            " AND table_name LIKE 'progress%%'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        assert "progress_individualrating" not in tables
        for table in tables:
            cursor.execute(f'SELECT * FROM public."{table}"')
            assert SECRET not in repr(cursor.fetchall()), table
