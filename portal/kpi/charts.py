"""Charts drawn on the server as inline SVG: no JavaScript, no chart library, printable.

Each chart is an image with a title and a short description for screen readers
(role="img", aria-labelledby); the dashboards put the same figures in a data table beside it.
Colours meet 3:1 non-text contrast on white.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

INK = "#1a1a1a"
BAR = "#0a3d62"
GRID = "#6b7780"
TARGET = "#8a1c1c"
CHAR_W = 7.8  # a generous average advance of one character at font-size 13 (0.6 em)
GAUGE_LINE = 16  # figures and unit longer than this: the unit goes on a line of its own
_ids = itertools.count(1)


def _c(value: float) -> str:
    """An SVG coordinate: format_html escapes its arguments to strings, so numbers come formatted."""
    return f"{value:.1f}"


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return number_format(int(value))
    return number_format(round(value, 2), decimal_pos=1)


def _frame(width: int, height: int, title: str, desc: str, body: str) -> SafeString:
    n = next(_ids)
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="chart-t{n} chart-d{n}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-t{n}">{title}</title><desc id="chart-d{n}">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        n=n,
        title=title,
        desc=desc,
        body=mark_safe(body),  # noqa: S308 - built below from format_html only
    )


def bars(rows: Sequence[tuple[str, float]], *, title: str, unit: str = "") -> SafeString:
    """Horizontal bars, one per (label, value); negative values extend left of the zero line."""
    label_w, width, row_h = 170, 560, 28
    height = row_h * len(rows) + 10
    values = [v for _, v in rows] or [0]
    lo, hi = min(0.0, *values), max(0.0, *values)
    span = (hi - lo) or 1.0
    # Room right of the longest bar for its figure and unit ("38 másodperc"), however long.
    figures = max((len(f"{_fmt(v)} {unit}") for v in values), default=0)
    plot = width - label_w - max(70, round(figures * CHAR_W) + 8)

    def x(v: float) -> float:
        return label_w + (v - lo) / span * plot

    parts = [format_html('<line x1="{0}" x2="{0}" y1="0" y2="{1}" stroke="{2}"/>', x(0), height, GRID)]
    for i, (label, value) in enumerate(rows):
        y = 5 + i * row_h
        left, right = sorted((x(0), x(value)))
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="13" fill="{}" text-anchor="end">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="18" fill="{}"/>'
                '<text x="{}" y="{}" font-size="13" fill="{}">{} {}</text>',
                label_w - 6,
                y + 14,
                INK,
                label[:26],
                left,
                y,
                max(right - left, 1),
                BAR,
                right + 4,
                y + 14,
                INK,
                _fmt(value),
                unit,
            )
        )
    desc = "; ".join(f"{label}: {_fmt(value)} {unit}".strip() for label, value in rows)
    return _frame(width, height, title, desc, "".join(parts))


def line(points: Sequence[tuple[dt.datetime, float]], *, title: str, unit: str = "") -> SafeString:
    """A time series (oldest first) with its first and last values labelled."""
    width, height, pad = 560, 200, 40
    if not points:
        return _frame(width, height, title, "", "")
    t0, t1 = points[0][0].timestamp(), points[-1][0].timestamp()
    values = [v for _, v in points]
    lo, hi = min(values), max(values)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    tspan = (t1 - t0) or 1.0

    def xy(at: dt.datetime, v: float) -> tuple[float, float]:
        return (
            pad + (at.timestamp() - t0) / tspan * (width - 2 * pad),
            height - pad - (v - lo) / (hi - lo) * (height - 2 * pad),
        )

    coords = [xy(at, v) for at, v in points]
    path = " ".join(f"{_c(x)},{_c(y)}" for x, y in coords)
    parts = [
        format_html(
            '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="{3}"/>', pad, width - pad, height - pad, GRID
        ),
        format_html('<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>', path, BAR),
        format_html_join(
            "", '<circle cx="{}" cy="{}" r="3.5" fill="{}"/>', ((_c(x), _c(y), BAR) for x, y in coords)
        ),
    ]
    for (at, v), (x, y) in ((points[0], coords[0]), (points[-1], coords[-1])):
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="13" fill="{}" text-anchor="middle">{}</text>',
                _c(x),
                _c(max(y - 8, 12)),
                INK,
                _fmt(v),
            )
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" fill="{}" text-anchor="middle">{}</text>',
                _c(x),
                height - pad + 18,
                INK,
                at.strftime("%Y-%m-%d"),
            )
        )
    (first_at, first), (last_at, last) = points[0], points[-1]
    desc = f"{first_at:%Y-%m-%d}: {_fmt(first)} {unit}; {last_at:%Y-%m-%d}: {_fmt(last)} {unit}"
    return _frame(width, height, title, desc, "".join(parts))


def gauge(value: float, *, target: float, title: str, unit: str = "") -> SafeString:
    """A half-circle gauge filled to value/target (capped at 100 %), the figures written under it."""
    width, height, r, cx, cy = 220, 130, 90, 110, 105
    share = max(0.0, min(1.0, value / target)) if target else 0.0

    def point(fraction: float) -> tuple[float, float]:
        angle = math.pi * (1 - fraction)
        return cx + r * math.cos(angle), cy - r * math.sin(angle)

    x0, y0 = point(0)
    x1, y1 = point(1)
    xv, yv = point(share)
    parts = [
        format_html(
            '<path d="M{},{} A{r},{r} 0 0 1 {},{}" fill="none" stroke="#c9d3dc" stroke-width="18"/>',
            _c(x0),
            _c(y0),
            _c(x1),
            _c(y1),
            r=r,
        ),
    ]
    if share > 0:
        parts.append(
            format_html(
                '<path d="M{},{} A{r},{r} 0 0 1 {},{}" fill="none" stroke="{}" stroke-width="18"/>',
                _c(x0),
                _c(y0),
                _c(xv),
                _c(yv),
                BAR,
                r=r,
            )
        )
    figures = f"{_fmt(value)} / {_fmt(target)}"
    one_line = len(f"{figures} {unit}") <= GAUGE_LINE
    parts.append(
        format_html(
            '<text x="{}" y="{}" font-size="18" font-weight="700" fill="{}" text-anchor="middle">{}</text>',
            cx,
            cy - 4,
            INK,
            f"{figures} {unit}".strip() if one_line else figures,
        )
    )
    if not one_line:
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="13" fill="{}" text-anchor="middle">{}</text>',
                cx,
                cy + 20,
                INK,
                unit,
            )
        )
    desc = _("%(value)s of a target of %(target)s (%(share)s %%)") % {
        "value": f"{_fmt(value)} {unit}".strip(),
        "target": f"{_fmt(target)} {unit}".strip(),
        "share": round(100 * share),
    }
    return _frame(width, height, title, desc, "".join(parts))
