"""A portrait drawn as a picture: its name at the center, its competencies around it.

Two SVG layouts of the same content: a ring for wide screens, posters and the PNG, and a
column that stays readable on a 320-pixel phone. Both are made from templates, so every
name is escaped like any other page text."""

import base64
import math
import textwrap
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tenants.prose import and_list

RING_SIZE = 1000
CENTER_RADIUS = 185
ORBIT_RADIUS = 350
LARGEST_NODE_RADIUS = 135
ICON_RENDITION = "fill-96x96"


@dataclass
class Competency:
    name: str
    icon_href: str = ""  # an address or a data: URI; empty draws the name's initial
    initial: str = field(init=False)

    def __post_init__(self):
        self.initial = self.name.strip()[:1].upper()


@dataclass
class PortraitGraphic:
    site_name: str
    label: str  # "Portrait of a Learner"
    competencies: list[Competency]
    brand_color: str
    accent_color: str

    @property
    def description(self) -> str:
        names = and_list(competency.name for competency in self.competencies)
        return _("%(label)s of %(site)s, with %(count)d competencies around it: %(names)s.") % {
            "label": self.label,
            "site": self.site_name,
            "count": len(self.competencies),
            "names": names,
        }


# Bold DejaVu Sans, the font the PNG and PDF are drawn with, is about this wide per letter.
LETTER_WIDTH_EM = 0.68


def _lines(text: str, width: int, most: int = 3) -> list[str]:
    lines = textwrap.wrap(text, width=width, break_long_words=False) or [""]
    if len(lines) > most:
        lines = lines[: most - 1] + [textwrap.shorten(" ".join(lines[most - 1 :]), width)]
    return lines


def ring_svg(graphic: PortraitGraphic, element_id: str = "portrait-ring") -> str:
    count = max(len(graphic.competencies), 1)
    chord = 2 * ORBIT_RADIUS * math.sin(math.pi / count) if count > 1 else 2 * ORBIT_RADIUS
    node_radius = min(LARGEST_NODE_RADIUS, 0.46 * chord)
    longest_word = max(
        (len(word) for c in graphic.competencies for word in c.name.split()), default=1
    )
    # As large as fits: the longest word must sit inside the node's circle.
    font = round(min(node_radius * 0.2, 1.6 * node_radius / (longest_word * LETTER_WIDTH_EM)), 1)
    middle = RING_SIZE / 2
    nodes = []
    for position, competency in enumerate(graphic.competencies):
        angle = -math.pi / 2 + 2 * math.pi * position / count
        x = middle + ORBIT_RADIUS * math.cos(angle)
        y = middle + ORBIT_RADIUS * math.sin(angle)
        lines = _lines(
            competency.name,
            width=max(longest_word, int(1.6 * node_radius / (font * LETTER_WIDTH_EM))),
        )
        icon = node_radius * 0.72
        label_top = y + (icon * 0.1 if competency.icon_href else -(len(lines) - 1) * font * 0.6)
        nodes.append(
            {
                "competency": competency,
                "x": round(x, 1),
                "y": round(y, 1),
                "icon_x": round(x - icon / 2, 1),
                "icon_y": round(y - icon * 0.95, 1),
                "icon_size": round(icon, 1),
                "lines": [
                    (line, round(label_top + number * font * 1.2 + font * 0.35, 1))
                    for number, line in enumerate(lines)
                ],
            }
        )
    title_lines = _lines(graphic.label, 14, most=3)
    site_lines = _lines(graphic.site_name, 20, most=3)
    return render_to_string(
        "portrait/graphic_ring.svg",
        {
            "graphic": graphic,
            "element_id": element_id,
            "size": RING_SIZE,
            "middle": middle,
            "center_radius": CENTER_RADIUS,
            "node_radius": round(node_radius, 1),
            "font": font,
            "nodes": nodes,
            "site_lines": [
                (line, round(middle - 62 - (len(site_lines) - 1 - n) * 28, 1))
                for n, line in enumerate(site_lines)
            ],
            "title_lines": [
                (line, round(middle - 6 + n * 46, 1)) for n, line in enumerate(title_lines)
            ],
        },
    )


STACK_WIDTH = 320
STACK_ROW = 64


def stack_svg(graphic: PortraitGraphic, element_id: str = "portrait-stack") -> str:
    title_lines = _lines(graphic.label, 24, most=2)
    site_lines = _lines(graphic.site_name, 30, most=2)
    header = 24 + 18 * len(site_lines) + 26 * len(title_lines)
    rows = []
    for position, competency in enumerate(graphic.competencies):
        top = header + 16 + position * STACK_ROW
        lines = _lines(competency.name, 19, most=2)
        rows.append(
            {
                "competency": competency,
                "cy": top + STACK_ROW / 2,
                "icon_y": top + STACK_ROW / 2 - 18,
                "initial_y": top + STACK_ROW / 2 + 7,
                "lines": [
                    (line, round(top + STACK_ROW / 2 + 6 - (len(lines) - 1) * 10 + n * 20, 1))
                    for n, line in enumerate(lines)
                ],
            }
        )
    height = header + 16 + len(rows) * STACK_ROW + 12
    return render_to_string(
        "portrait/graphic_stack.svg",
        {
            "graphic": graphic,
            "element_id": element_id,
            "width": STACK_WIDTH,
            "height": height,
            "header": header,
            "rows": rows,
            "site_lines": [(line, 30 + n * 18) for n, line in enumerate(site_lines)],
            "title_lines": [
                (line, 30 + 18 * len(site_lines) + 6 + n * 26) for n, line in enumerate(title_lines)
            ],
        },
    )


def icon_href(image, embed: bool = False) -> str:
    """The competency icon's small rendition: its address, or its bytes for a PNG or PDF."""
    if image is None:
        return ""
    rendition = image.get_rendition(ICON_RENDITION)
    if not embed:
        return rendition.url
    with rendition.file.open("rb") as handle:
        data = base64.b64encode(handle.read()).decode("ascii")
    kind = "png" if rendition.file.name.lower().endswith(".png") else "jpeg"
    return f"data:image/{kind};base64,{data}"


def graphic_for(site_name: str, label: str, blocks, identity, embed: bool = False):
    """The graphic of a portrait page's competency blocks, in the site's colors."""
    return PortraitGraphic(
        site_name=site_name,
        label=label,
        competencies=[
            Competency(block.value["name"], icon_href(block.value["icon"].get("image"), embed))
            for block in blocks
        ],
        brand_color=identity.brand_color,
        accent_color=identity.accent_color,
    )


def png_bytes(svg: str, width: int = 1600) -> bytes:
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=width)
