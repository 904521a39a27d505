from django.db import connection
from django_tenants.utils import tenant_context

from demo.progress import seed_demo_progress
from progress.models import AssessmentRound, IndividualRating
from state.progress.models import PublishedAssessment, PublishedOutcomeCount, PublishedRating


def test_demo_progress_is_published_and_safe_to_rerun(alpha):
    seed_demo_progress([alpha])
    seed_demo_progress([alpha])
    with tenant_context(alpha):
        assert AssessmentRound.objects.published().count() == 3
        assert not IndividualRating.objects.exists()
    connection.set_schema_to_public()
    assessments = PublishedAssessment.objects.filter(district=alpha)
    assert assessments.count() == 3 and assessments.filter(is_latest=True).count() == 1
    assert PublishedRating.objects.filter(district=alpha, is_latest=True).count() == 30
    assert PublishedOutcomeCount.objects.filter(district=alpha).count() == 5 * 16
