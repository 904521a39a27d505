"""Server-rendered SVG charts: no JavaScript, each with a title and description for screen
readers, and always shown beside a table of the same figures."""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# Ordered, colour-blind-safe shades, each with a text colour of enough contrast (WCAG AA).
SHADES = [
    ("#deebf7", "#1a1a1a"),
    ("#9ecae1", "#1a1a1a"),
    ("#4292c6", "#1a1a1a"),
    ("#08519c", "#ffffff"),
    ("#08306b", "#ffffff"),
    ("#6b6b6b", "#ffffff"),
]
LINE_COLOURS = [
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d",
    "#1f78b4", "#b2182b", "#4d4d4d", "#8c510a", "#01665e", "#762a83",
]  # fmt: skip


def _n(value: float) -> str:
    return f"{value:.1f}"


def shade(index: int, count: int) -> tuple[str, str]:
    if count <= 1:
        return SHADES[2]
    return SHADES[round(index * (min(count, 5) - 1) / max(count - 1, 1))]


def stacked_bars(chart_id: str, title: str, labels: list[str], series: list[str], rows):
    """One horizontal bar per label, split by series (rows: label → list of counts)."""
    bar_height, gap, label_width, width = 18, 6, 300, 760
    plot_width = width - label_width - 20
    height = len(labels) * (bar_height + gap) + 40
    largest = max([sum(r) for r in rows] + [1])
    parts = []
    for i, (label, counts) in enumerate(zip(labels, rows, strict=True)):
        y = 30 + i * (bar_height + gap)
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>',
                label_width - 6,
                y + 13,
                label[:48],
            )
        )
        x = label_width
        for j, count in enumerate(counts):
            if not count:
                continue
            w = plot_width * count / largest
            fill, ink = shade(j, len(series))
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: {} {}</title></rect>",
                    x,
                    y,
                    w,
                    bar_height,
                    fill,
                    label,
                    series[j],
                    count,
                )
            )
            if w > 22:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" font-size="11" fill="{}" text-anchor="middle">'
                        "{}</text>",
                        x + w / 2,
                        y + 13,
                        ink,
                        count,
                    )
                )
            x += w
    legend = []
    for j, name in enumerate(series):
        fill, _ = shade(j, len(series))
        legend.append(
            format_html(
                '<rect x="{}" y="4" width="12" height="12" fill="{}" stroke="#1a1a1a" '
                'stroke-width="0.5"/><text x="{}" y="14" font-size="12">{}</text>',
                label_width + j * 120,
                fill,
                label_width + j * 120 + 16,
                name,
            )
        )
    return _svg(chart_id, title, width, height, legend + parts)


def line_chart(chart_id: str, title: str, x_labels: list[str], lines, y_max: float):
    """lines: (name, values aligned with x_labels, None where missing)."""
    width, height, left, bottom, top = 760, 320, 50, 40, 20
    plot_w, plot_h = width - left - 200, height - top - bottom
    step = plot_w / max(len(x_labels) - 1, 1)

    def point(i, value):
        return left + i * step, top + plot_h - plot_h * (value - 1) / max(y_max - 1, 1)

    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#1a1a1a"/>',
            left,
            top + plot_h,
            left + plot_w,
            top + plot_h,
        )
    ]
    for i, label in enumerate(x_labels):
        x, _ = point(i, 1)
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text>',
                x,
                height - 15,
                label,
            )
        )
    for level in range(1, int(y_max) + 1):
        _, y = point(0, level)
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text>',
                left - 6,
                y + 4,
                level,
            )
        )
    for n, (name, values) in enumerate(lines):
        colour = LINE_COLOURS[n % len(LINE_COLOURS)]
        points = [point(i, v) for i, v in enumerate(values) if v is not None]
        if points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                format_html(
                    '<polyline points="{}" fill="none" stroke="{}" stroke-width="2">'
                    "<title>{}</title></polyline>",
                    path,
                    colour,
                    name,
                )
            )
            for x, y in points:
                parts.append(format_html('<circle cx="{}" cy="{}" r="3" fill="{}"/>', x, y, colour))
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="12" height="3" fill="{}"/>'
                '<text x="{}" y="{}" font-size="11">{}</text>',
                left + plot_w + 20,
                top + n * 18 + 6,
                colour,
                left + plot_w + 36,
                top + n * 18 + 10,
                name[:26],
            )
        )
    return _svg(chart_id, title, width, height, parts)


def _svg(chart_id: str, title: str, width: int, height: int, parts) -> str:
    body = mark_safe("".join(str(p) for p in parts))
    return format_html(
        '<svg role="img" aria-labelledby="{0}-title {0}-desc" viewBox="0 0 {1} {2}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" class="dashboard-chart">'
        '<title id="{0}-title">{3}</title>'
        '<desc id="{0}-desc">The table after this chart gives the same figures.</desc>{4}</svg>',
        chart_id,
        width,
        height,
        escape(title),
        body,
    )


def heat_style(value, stage_count: int) -> str:
    """Inline colors for a heatmap cell; the value is always printed in it too."""
    if value is None:
        return ""
    fill, ink = shade(round(value) - 1, stage_count)
    return f"background:{fill};color:{ink}"
