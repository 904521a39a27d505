"""Adoption on the state's front page: how many districts are at each stage, and where a
state has uploaded district boundaries, a map of them colored by stage.

Both read the district registry (one query); the map's shapes are projected once per
uploaded file and kept in the cache."""

import json
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext

from state.models import StateSettings
from tenants.models import AdoptionStage, District, site_url

MAP_WIDTH = 1000
# Boundary names to try, in order: NCES EDGE files name a district in NAME.
NAME_PROPERTIES = ("NAME", "name", "LEA_NAME", "DISTRICT", "District")
# Stage colors distinct in hue and lightness, each with a key and a table beside the map.
STAGE_COLORS = {
    AdoptionStage.FINALIZED: "#1b5e20",
    AdoptionStage.DEVELOPING: "#4c9a2a",
    AdoptionStage.CONSIDERING: "#c7e59b",
    AdoptionStage.NOT_CONSIDERING: "#f3d9a4",
    AdoptionStage.UNREPORTED: "#d5dbe3",
}
SHAPES_CACHE_SECONDS = 24 * 60 * 60


@dataclass
class StageRow:
    stage: str
    label: str
    count: int
    percent: int
    color: str


def _districts() -> list[tuple[str, str, str]]:
    return list(
        District.objects.active().order_by("name").values_list("name", "slug", "adoption_stage")
    )


def adoption_rows(districts=None) -> list[StageRow]:
    """Districts at each stage, furthest along first."""
    districts = _districts() if districts is None else districts
    total = len(districts) or 1
    counts = {stage: 0 for stage in AdoptionStage.values}
    for _name, _slug, stage in districts:
        counts[stage] = counts.get(stage, 0) + 1
    order = [
        AdoptionStage.FINALIZED,
        AdoptionStage.DEVELOPING,
        AdoptionStage.CONSIDERING,
        AdoptionStage.NOT_CONSIDERING,
        AdoptionStage.UNREPORTED,
    ]
    return [
        StageRow(
            stage,
            stage.label,
            counts[stage],
            round(100 * counts[stage] / total),
            STAGE_COLORS[stage],
        )
        for stage in order
    ]


@dataclass
class MapDistrict:
    name: str
    slug: str
    stage_label: str
    color: str
    path: str

    @property
    def url(self) -> str:
        return site_url(f"{self.slug}.{settings.STATE_DOMAIN}") + "/"


class BoundaryFileError(ValueError):
    """The uploaded boundaries are not GeoJSON polygons."""


def _rings(geometry: dict):
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates") or []
    if kind == "Polygon":
        yield from coordinates
    elif kind == "MultiPolygon":
        for polygon in coordinates:
            yield from polygon


def project_shapes(geojson: dict) -> tuple[dict[str, str], int]:
    """Each named feature's outline as an SVG path, in a box MAP_WIDTH wide, and its height.
    An equirectangular projection scaled at the state's middle latitude: at a state's size
    it is close to the maps people know, and needs no projection library."""
    features = [
        feature
        for feature in geojson.get("features", [])
        if isinstance(feature, dict) and feature.get("geometry")
    ]
    points = [
        (float(x), float(y))
        for feature in features
        for ring in _rings(feature["geometry"])
        for x, y, *_rest in ring
    ]
    if not points:
        raise BoundaryFileError(gettext("The boundary file has no district outlines."))
    west, east = min(x for x, _y in points), max(x for x, _y in points)
    south, north = min(y for _x, y in points), max(y for _x, y in points)
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = MAP_WIDTH / max((east - west) * squeeze, 1e-9)
    height = max(1, round((north - south) * scale))
    shapes = {}
    for feature in features:
        properties = feature.get("properties") or {}
        name = next((str(properties[key]) for key in NAME_PROPERTIES if properties.get(key)), "")
        if not name:
            continue
        parts = []
        for ring in _rings(feature["geometry"]):
            projected: list[tuple[float, float]] = []
            for x, y, *_rest in ring:
                point = (
                    round((float(x) - west) * squeeze * scale, 1),
                    round((north - float(y)) * scale, 1),
                )
                if not projected or projected[-1] != point:
                    projected.append(point)
            if len(projected) >= 3:
                parts.append("M" + "L".join(f"{px},{py}" for px, py in projected) + "Z")
        shapes[name.strip().lower()] = "".join(parts)
    return shapes, height


def _shapes(document) -> tuple[dict[str, str], int] | None:
    key = f"district-boundaries:{document.pk}:{document.file_hash or document.file.name}"
    cached = cache.get(key)
    if cached is None:
        try:
            with document.file.open("rb") as handle:
                cached = project_shapes(json.load(handle))
        except (OSError, ValueError, TypeError, KeyError, BoundaryFileError):
            cached = ({}, 0)  # an unreadable file shows no map, and is not read again
        cache.set(key, cached, SHAPES_CACHE_SECONDS)
    return cached if cached[0] else None


def adoption_map(districts=None) -> dict | None:
    """The districts the state's boundary file outlines, colored by stage; None without one."""
    state = StateSettings.load()
    if state.district_boundaries_id is None:
        return None
    shapes = _shapes(state.district_boundaries)
    if shapes is None:
        return None
    paths, height = shapes
    districts = _districts() if districts is None else districts
    labels = dict(AdoptionStage.choices)
    drawn = [
        MapDistrict(
            name, slug, labels.get(stage, stage), STAGE_COLORS.get(stage, "#d5dbe3"), paths[key]
        )
        for name, slug, stage in districts
        if (key := name.strip().lower()) in paths
    ]
    named = {district.name.strip().lower() for district in drawn}
    # Outlines the registry has no active district for are drawn plain, for the state's shape.
    outlines = [path for key, path in paths.items() if key not in named]
    return {"width": MAP_WIDTH, "height": height, "districts": drawn, "outlines": outlines}
