"""Batch loaders for the progress API: one query per loader per request, however many
districts or competencies a response holds."""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from django.db.models import Count
from django.db.models.functions import TruncMonth

from api.loaders import Loader, grouped_in_key_order, in_key_order
from api.permissions import user_has_permissions
from progress.api.permissions import ProgressPermissions
from progress.suppression import suppress_groups
from state.models import StateSettings
from state.progress.models import (
    AdoptionStageChange,
    Competency,
    Condition,
    FrameworkProgressCount,
    FrameworkVersion,
    PublishedAssessment,
    PublishedRating,
    Stage,
)
from tenants.models import District


def active_districts(region: str | None):
    districts = District.objects.active()
    return districts.filter(region__iexact=region.strip()) if region else districts


class StagesByVersionLoader(Loader):
    def batch(self, keys):
        return grouped_in_key_order(
            keys, Stage.objects.filter(version_id__in=keys), lambda s: s.version_id
        )


class ConditionsByVersionLoader(Loader):
    def batch(self, keys):
        rows = Condition.objects.filter(version_id__in=keys)
        return grouped_in_key_order(keys, rows, lambda c: c.version_id)


class CompetenciesByConditionLoader(Loader):
    def batch(self, keys):
        rows = Competency.objects.filter(condition_id__in=keys).select_related("version__framework")
        return grouped_in_key_order(keys, rows, lambda c: c.condition_id)


class CompetencyLoader(Loader):
    """Key: (framework slug, version number, competency slug)."""

    def batch(self, keys):
        rows = Competency.objects.filter(
            version__framework__slug__in={k[0] for k in keys},
            version__number__in={k[1] for k in keys},
            slug__in={k[2] for k in keys},
        ).select_related("version__framework")
        return in_key_order(
            keys, rows, lambda c: (c.version.framework.slug, c.version.number, c.slug)
        )


class StageLoader(Loader):
    """Key: (framework slug, version number, stage slug)."""

    def batch(self, keys):
        rows = Stage.objects.filter(
            version__framework__slug__in={k[0] for k in keys},
            version__number__in={k[1] for k in keys},
            slug__in={k[2] for k in keys},
        ).select_related("version__framework")
        return in_key_order(
            keys, rows, lambda s: (s.version.framework.slug, s.version.number, s.slug)
        )


UNASSESSED = "(not assessed)"  # a category no stage slug can collide with
UNLISTED = None  # the group of districts whose region no region argument reaches


@dataclass
class Distribution:
    """Over the active districts (of a region, or the state): how many there are, the
    framework version's stages, how many districts' latest published round puts each
    competency at each stage, and which competencies' figures are withheld from the caller."""

    district_count: int
    stages: list
    counts: dict[str, Counter]
    withheld: Callable[[str], bool] = lambda slug: False

    def for_competency(self, slug: str) -> list[tuple[object, int | None]]:
        counts = self.counts.get(slug, Counter())
        shown = not self.withheld(slug)
        return [(stage, counts[stage.slug] if shown else None) for stage in self.stages]

    def unassessed(self, slug: str) -> int | None:
        if self.withheld(slug):
            return None
        return self.district_count - sum(self.counts.get(slug, Counter()).values())


class DistributionLoader(Loader):
    """Key: (framework version id, region or ""). Four queries per framework version,
    whatever the number of districts or regions asked for.

    Callers without the district-detail permission get a region's or the state's figures
    only where the state's minimum number of districts allows (progress.suppression's
    suppress_groups): every region of a competency is weighed together, so that no withheld
    figure can be worked out from the state's and the other regions'."""

    def batch(self, keys):
        user = getattr(self.context, "user", None)
        detail = user_has_permissions(user, [ProgressPermissions.VIEW_DISTRICT_DETAIL])
        minimum = None if detail else StateSettings.load().minimum_district_count
        tables = {version_id: RegionTable.read(version_id) for version_id in {k[0] for k in keys}}
        return [tables[version_id].distribution(region, minimum) for version_id, region in keys]


@dataclass(eq=False)  # hashed by identity, for the cache of `withheld`
class RegionTable:
    """Every region's active districts and their latest ratings on one framework version.
    Regions are keyed as the API's region argument reaches them (see _region_key)."""

    stages: list
    sizes: Counter  # region → active districts
    counts: dict[str, dict[str, Counter]]  # region → competency → stage → districts

    @classmethod
    def read(cls, version_id) -> "RegionTable":
        version = FrameworkVersion.objects.select_related("framework").get(pk=version_id)
        sizes: Counter = Counter()
        districts = District.objects.active().values_list("region").annotate(n=Count("pk"))
        for region, n in districts.order_by():
            sizes[_region_key(region)] += n
        counts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        # The summary kept at sync time: rows per region, competency and stage, however
        # many districts there are.
        summary = FrameworkProgressCount.objects.filter(
            framework_slug=version.framework.slug, district_count__gt=0
        )
        for region, competency, stage, n in summary.values_list(
            "region", "competency_slug", "stage_slug", "district_count"
        ).order_by():
            counts[_region_key(region)][competency][stage] += n
        return cls(list(Stage.objects.filter(version_id=version_id)), sizes, counts)

    def distribution(self, region: str, minimum: int | None) -> Distribution:
        regions = [region] if region else list(self.sizes)  # "" is the whole state
        counts: dict[str, Counter] = defaultdict(Counter)
        for name in regions:
            for competency, stages in self.counts.get(name, {}).items():
                counts[competency].update(stages)
        size = sum(self.sizes[name] for name in regions)
        if minimum is None:
            return Distribution(size, self.stages, counts)
        return Distribution(size, self.stages, counts, partial(self.withheld, region, minimum))

    @cache  # noqa: B019 (a table lives for one request)
    def withheld(self, region: str, minimum: int, competency: str) -> bool:
        """Whether the region's (or, for "", the state's) figures on the competency are
        withheld from callers without the district-detail permission."""
        if region and not self.sizes[region]:
            return False  # no district there: its zeros tell nothing about any district
        table = {}
        for name, size in self.sizes.items():
            rated = self.counts.get(name, {}).get(competency, Counter())
            row = {**{stage.slug: 0 for stage in self.stages}, **rated}
            row[UNASSESSED] = size - sum(rated.values())
            table[name] = row
        decision = suppress_groups(table, minimum, unpublished={UNLISTED})
        return region in decision.hidden if region else decision.total_hidden


def _region_key(region: str) -> str | None:
    """The region argument that reaches a district's region: its name in lower case, or
    none for a blank name or one with spaces around it (the argument is stripped)."""
    return region.lower() if region and region == region.strip() else UNLISTED


class LatestAssessmentLoader(Loader):
    """Key: (district id, framework slug)."""

    def batch(self, keys):
        rows = PublishedAssessment.objects.filter(
            is_latest=True,
            district_id__in={k[0] for k in keys},
            framework_slug__in={k[1] for k in keys},
        )
        return in_key_order(keys, rows, lambda a: (a.district_id, a.framework_slug))


class RatingsByAssessmentLoader(Loader):
    def batch(self, keys):
        rows = PublishedRating.objects.filter(assessment_id__in=keys)
        return grouped_in_key_order(keys, rows, lambda r: r.assessment_id)


class AdoptionHistoryByDistrictLoader(Loader):
    def batch(self, keys):
        rows = AdoptionStageChange.objects.filter(district_id__in=keys)
        return grouped_in_key_order(keys, rows, lambda c: c.district_id)


class ProgressOverTimeLoader(Loader):
    """Key: (framework version id, region or ""). Per school year of publication and per
    condition: the mean stage position of every published round's ratings, and how many
    rounds that is. One grouped query per key."""

    def batch(self, keys):
        results = []
        for version_id, region in keys:
            version = FrameworkVersion.objects.select_related("framework").get(pk=version_id)
            positions = dict(Stage.objects.filter(version=version).values_list("slug", "position"))
            condition_of = dict(
                Competency.objects.filter(version=version).values_list("slug", "condition__slug")
            )
            rows = (
                PublishedRating.objects.filter(
                    framework_slug=version.framework.slug,
                    district__in=active_districts(region),
                )
                .annotate(month=TruncMonth("assessment__published_at"))
                .values_list("month", "competency_slug", "stage_slug")
                .annotate(n=Count("id"), rounds=Count("assessment_id", distinct=True))
                .order_by()
            )
            sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0])
            rounds: Counter = Counter()
            for month, competency, stage, n, round_count in rows:
                if competency not in condition_of or stage not in positions:
                    continue
                key = (school_year_of(month), condition_of[competency])
                sums[key][0] += positions[stage] * n
                sums[key][1] += n
                rounds[key] = max(rounds[key], round_count)
            results.append(
                [
                    {
                        "school_year": year,
                        "condition_slug": condition,
                        "average_position": round(total / count, 2),
                        "rating_count": count,
                    }
                    for (year, condition), (total, count) in sorted(sums.items())
                ]
            )
        return results


def school_year_of(moment) -> str:
    """School years run July to June: 2025-03 is in 2024-25."""
    start = moment.year if moment.month >= 7 else moment.year - 1
    return f"{start}-{str(start + 1)[2:]}"
