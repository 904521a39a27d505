"""Batch loaders for the progress API: one query per loader per request, however many
districts or competencies a response holds."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth

from portal.api.loaders import Loader, grouped_in_key_order, in_key_order
from progress.statewide.models import (
    AdoptionStageChange,
    Competency,
    Condition,
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


@dataclass
class Distribution:
    """Over the active districts (of a region, or the state): how many there are, the
    framework version's stages, and how many districts' latest published round puts each
    competency at each stage."""

    district_count: int
    stages: list
    counts: dict[str, Counter]

    def for_competency(self, slug: str) -> list[tuple[object, int]]:
        counts = self.counts.get(slug, Counter())
        return [(stage, counts[stage.slug]) for stage in self.stages]

    def unassessed(self, slug: str) -> int:
        return self.district_count - sum(self.counts.get(slug, Counter()).values())


class DistributionLoader(Loader):
    """Key: (framework version id, region or ""). Three queries per key, whatever the number
    of districts."""

    def batch(self, keys):
        results = []
        for version_id, region in keys:
            districts = active_districts(region)
            version = FrameworkVersion.objects.select_related("framework").get(pk=version_id)
            ratings = PublishedRating.objects.filter(
                is_latest=True, framework_slug=version.framework.slug, district__in=districts
            )
            counts: dict[str, Counter] = defaultdict(Counter)
            for competency, stage, n in (
                ratings.values_list("competency_slug", "stage_slug")
                .annotate(n=Count("*"))  # not Count("id"): the partial index answers alone
                .order_by()
            ):
                counts[competency][stage] = n
            stages = list(Stage.objects.filter(version_id=version_id))
            results.append(Distribution(districts.count(), stages, counts))
        return results


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
