"""The dashboard's figures as plain tables, each built by running GraphQL operations from
graphql/operations/ as the signed-in staff member. Charts, pages and exports all read these."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from api.execute import run_operation
from tenants.models import AdoptionStage, District

FRAMEWORK = "finding-your-path"


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


def stage_distribution(request, region: str | None) -> tuple[Table, list[dict]]:
    data = run_operation("FrameworkProgress", request, framework=FRAMEWORK, region=region)
    framework = data["framework"]
    stages = framework["stages"]
    table = Table(
        "stage-distribution",
        _("Districts at each stage, per competency (%(framework)s, latest published round)")
        % {"framework": framework["name"]},
        [_("Condition"), _("Competency"), *[s["name"] for s in stages], _("Not assessed")],
    )
    for condition in framework["conditions"]:
        for competency in condition["competencies"]:
            counts = {
                row["stage"]["slug"]: row["districtCount"]
                for row in competency["stageDistribution"]
            }
            table.rows.append(
                [
                    condition["name"],
                    competency["name"],
                    *[counts.get(s["slug"], 0) for s in stages],
                    competency["unassessedCount"],
                ]
            )
    return table, stages


def adoption_by_region(request) -> Table:
    stages = [str(stage.label) for stage in AdoptionStage]  # a workbook takes text, not lazy text
    table = Table(
        "adoption-by-region",
        _("Adoption stage of districts' portraits, by region"),
        [_("Region"), *stages, _("Total")],
    )
    regions = sorted(District.objects.active().regions(), key=str.lower)
    for region in [*regions, None]:
        data = run_operation("StatewideAdoption", request, region=region)
        counts = [row["districtCount"] for row in data["statewideAdoption"]]
        table.rows.append([region or _("Whole state"), *counts, sum(counts)])
    return table


def condition_heatmap(request, region: str | None) -> tuple[Table, list[dict], int]:
    """Districts by condition: the mean stage position of the district's latest ratings."""
    progress = run_operation("FrameworkProgress", request, framework=FRAMEWORK, region=region)
    framework = progress["framework"]
    condition_of = {
        c["slug"]: condition["slug"]
        for condition in framework["conditions"]
        for c in condition["competencies"]
    }
    position = {s["slug"]: s["position"] for s in framework["stages"]}
    data = run_operation("DashboardDistrictStages", request, framework=FRAMEWORK, region=region)
    conditions = framework["conditions"]
    table = Table(
        "condition-heatmap",
        _(
            "Districts by condition: mean stage of the latest published round "
            "(1 = %(first)s, %(count)d = %(last)s)"
        )
        % {
            "first": framework["stages"][0]["name"],
            "count": len(position),
            "last": framework["stages"][-1]["name"],
        },
        [_("District"), _("Region"), *[c["name"] for c in conditions]],
        note=_("Blank where the district has rated no competency of the condition."),
    )
    for district in data["districts"]:
        if not district["assessment"]:
            continue
        totals = defaultdict(list)
        for rating in district["assessment"]["ratings"]:
            condition = condition_of.get(rating["competency"]["slug"])
            if condition:
                totals[condition].append(position[rating["stage"]["slug"]])
        table.rows.append(
            [
                district["name"],
                district["region"],
                *[
                    round(sum(totals[c["slug"]]) / len(totals[c["slug"]]), 1)
                    if totals[c["slug"]]
                    else None
                    for c in conditions
                ],
            ]
        )
    return table, framework["stages"], len(data["districts"])


def change_across_rounds(request, region: str | None) -> Table:
    data = run_operation("DashboardProgressOverTime", request, framework=FRAMEWORK, region=region)
    framework = data["framework"]
    years = sorted({row["schoolYear"] for row in framework["progressOverTime"]})
    values = {
        (row["schoolYear"], row["conditionSlug"]): row["averagePosition"]
        for row in framework["progressOverTime"]
    }
    table = Table(
        "change-across-rounds",
        _("Mean stage of every published round, by school year of publication"),
        [_("Condition"), *years],
    )
    for condition in framework["conditions"]:
        table.rows.append([condition["name"], *[values.get((y, condition["slug"])) for y in years]])
    return table
