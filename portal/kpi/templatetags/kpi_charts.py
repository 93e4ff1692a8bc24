"""Template tags drawing the dashboards' SVG charts (see portal/kpi/charts.py)."""

from django import template
from django.utils.safestring import SafeString

from portal.kpi import charts

register = template.Library()


@register.simple_tag
def line_chart(points, title: str, unit: str = "") -> SafeString:
    return charts.line(points, title=str(title), unit=unit)


@register.simple_tag
def bar_chart(rows, title: str, unit: str = "") -> SafeString:
    return charts.bars(rows, title=str(title), unit=unit)


@register.simple_tag
def gauge_chart(value, target, title: str, unit: str = "") -> SafeString:
    return charts.gauge(float(value), target=float(target), title=str(title), unit=unit)


@register.simple_tag
def nps_rows(solutions) -> list[tuple[str, float]]:
    """(solution, NPS) for the solutions that have answers: the NPS bar chart's data."""
    return [(s.title, s.nps.score) for s in solutions if s.nps.score is not None]


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
