from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _  # menus are built once per process
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from api.permissions import user_has_permissions
from progress.admin import adoption_views, outcome_views, token_views
from progress.admin.district_viewsets import SelfAssessmentGroup
from progress.admin.state_viewsets import FrameworksGroup
from progress.dashboard import views as dashboard_views
from tenants.state import on_state_schema


@hooks.register("register_admin_viewset")
def register_self_assessment():
    return SelfAssessmentGroup()


@hooks.register("register_admin_viewset")
def register_frameworks():
    return FrameworksGroup()


@hooks.register("register_admin_urls")
def register_progress_urls():
    return [
        path("learner-outcomes/", outcome_views.uploads_view, name="progress_outcomes"),
        path(
            "learner-outcomes/<int:pk>/publish/",
            outcome_views.publish_upload_view,
            name="progress_outcomes_publish",
        ),
        path(
            "learner-outcomes/template.csv",
            outcome_views.template_view,
            name="progress_outcomes_template",
        ),
        path("adoption-stage/", adoption_views.adoption_view, name="progress_adoption"),
        path("progress-dashboard/", dashboard_views.dashboard_view, name="progress_dashboard"),
        path(
            "progress-dashboard/<slug:key>.<str:fmt>",
            dashboard_views.export_view,
            name="progress_dashboard_export",
        ),
        path("api-tokens/", token_views.tokens_view, name="progress_api_tokens"),
        path(
            "api-tokens/<int:pk>/revoke/",
            token_views.revoke_token_view,
            name="progress_api_tokens_revoke",
        ),
    ]


class DistrictMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return not on_state_schema() and request.user.has_perm(self.permission)


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return on_state_schema() and user_has_permissions(request.user, dashboard_views.PERMISSIONS)


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return DashboardMenuItem(
        _("Statewide progress"), reverse("progress_dashboard"), icon_name="table", order=140
    )


@hooks.register("register_admin_menu_item")
def outcomes_menu_item():
    return DistrictMenuItem(
        _("Learner outcomes"),
        reverse("progress_outcomes"),
        icon_name="table",
        order=251,
        permission="progress.view_outcomeupload",
    )


@hooks.register("register_admin_menu_item")
def adoption_menu_item():
    return DistrictMenuItem(
        _("Adoption stage"),
        reverse("progress_adoption"),
        icon_name="history",
        order=252,
        permission="progress.add_adoptionstagereport",
    )


@hooks.register("register_account_menu_item")
def api_tokens_account_item(request):
    if not on_state_schema():
        return None
    return {
        "url": reverse("progress_api_tokens"),
        "label": _("API tokens"),
        "help_text": _("Personal tokens for analysis tools that read the state's GraphQL API."),
    }
