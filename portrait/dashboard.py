"""The panel a district's admin opens on: where its portrait stands, what waits for review,
and when the state last heard from the district."""

from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from portrait.models import DistrictPortraitPage
from tenants.models import DistrictListing

PAGES_SHOWN = 5


class DistrictStatusPanel(Component):
    name = "district_status"
    template_name = "portrait/dashboard_panel.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, district):
        self.district = district

    def get_context_data(self, parent_context):
        portrait = DistrictPortraitPage.objects.first()
        waiting = pages_waiting_for_review()
        listing = DistrictListing.objects.filter(district=self.district).first()
        return {
            "portrait": portrait,
            "portrait_status": portrait_status(portrait),
            "portrait_edit_url": portrait
            and reverse("wagtailadmin_pages:edit", args=[portrait.pk]),
            "waiting_count": len(waiting),
            "waiting": waiting[:PAGES_SHOWN],
            "last_synced_at": listing.synced_at if listing else None,
        }


def portrait_status(portrait: DistrictPortraitPage | None) -> str:
    if portrait is None:
        return gettext("No portrait page yet.")
    if portrait.workflow_in_progress:
        return gettext("Waiting for an Approver's review.")
    if not portrait.live or not portrait.competencies:
        return gettext("Not yet published: visitors see no portrait.")
    if portrait.has_unpublished_changes:
        return gettext("Published, with a draft not yet submitted.")
    return gettext("Published.")


def pages_waiting_for_review() -> list[Page]:
    """Pages submitted for review and not yet approved or sent back, newest first."""
    in_review = WorkflowState.objects.active().filter(
        base_content_type=get_default_page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),  # object_id is text
    )
    return list(
        Page.objects.annotate(in_review=Exists(in_review))
        .filter(in_review=True)
        .order_by("-latest_revision_created_at")
        .specific(defer=True)
    )
