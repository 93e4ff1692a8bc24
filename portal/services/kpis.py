"""KPIs of the one-stop shop's service catalogue."""

from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import KPI

from .selectors import live_services_default_language as _default_locale_services

KPIS = [
    KPI(
        key="portal.services_published",
        solution="portal",
        kind="output",
        unit=_("services"),
        label=_("E-services published"),
        compute=lambda: _default_locale_services().count(),
    ),
    KPI(
        key="portal.services_online",
        solution="portal",
        kind="output",
        unit=_("%"),
        label=_("Share of e-services that can be requested online"),
        compute=lambda: _share_online(),
    ),
]


def _share_online() -> float | None:
    services = _default_locale_services()
    total = services.count()
    if not total:
        return None
    online = services.filter(online=True, form_fields__isnull=False).distinct().count()
    return round(100 * online / total, 1)
