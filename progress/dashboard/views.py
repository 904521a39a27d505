"""The state dashboard in the state admin: staff who may read district detail."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from api.permissions import user_has_permissions
from progress.api.permissions import ProgressPermissions
from progress.dashboard import charts, tables
from progress.dashboard.exports import csv_response, xlsx_response
from tenants.models import District
from tenants.state import on_state_schema

PERMISSIONS = [ProgressPermissions.VIEW_DISTRICT_DETAIL]


def _check(request) -> None:
    if not on_state_schema() or not user_has_permissions(request.user, PERMISSIONS):
        raise PermissionDenied


def _region(request) -> str | None:
    return request.GET.get("region", "").strip() or None


def dashboard_view(request):
    _check(request)
    region = _region(request)
    distribution, stages = tables.stage_distribution(request, region)
    heatmap, heat_stages, district_count = tables.condition_heatmap(request, region)
    adoption = tables.adoption_by_region(request)
    change = tables.change_across_rounds(request, region)
    stage_names = [s["name"] for s in stages]
    adoption_series = adoption.columns[1:-1]
    heat_rows = [
        (row[:2], [(value, charts.heat_style(value, len(heat_stages))) for value in row[2:]])
        for row in heatmap.rows
    ]
    context = {
        "region": region or "",
        "regions": District.objects.active().regions(),
        "distribution": distribution,
        "distribution_chart": charts.stacked_bars(
            "chart-distribution",
            distribution.title,
            [row[1] for row in distribution.rows],
            [*stage_names, _("Not assessed")],
            [row[2:] for row in distribution.rows],
        ),
        "heatmap": heatmap,
        "heat_rows": heat_rows,
        "heat_legend": [
            (s["name"], charts.heat_style(s["position"], len(heat_stages))) for s in heat_stages
        ],
        "assessed_count": len(heatmap.rows),
        "district_count": district_count,
        "adoption": adoption,
        "adoption_chart": charts.stacked_bars(
            "chart-adoption",
            adoption.title,
            [row[0] for row in adoption.rows],
            adoption_series,
            [row[1:-1] for row in adoption.rows],
        ),
        "change": change,
        "change_chart": charts.line_chart(
            "chart-change",
            change.title,
            change.columns[1:],
            [(row[0], row[1:]) for row in change.rows],
            y_max=len(stages),
        ),
    }
    return TemplateResponse(request, "progress/dashboard.html", context)


BUILDERS = {
    "stage-distribution": lambda request, region: tables.stage_distribution(request, region)[0],
    "condition-heatmap": lambda request, region: tables.condition_heatmap(request, region)[0],
    "adoption-by-region": lambda request, region: tables.adoption_by_region(request),
    "change-across-rounds": tables.change_across_rounds,
}


def export_view(request, key: str, fmt: str):
    _check(request)
    if key not in BUILDERS or fmt not in ("csv", "xlsx"):
        raise Http404
    table = BUILDERS[key](request, _region(request))
    return csv_response(table) if fmt == "csv" else xlsx_response(table)
