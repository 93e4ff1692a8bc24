"""KPIs of the one-stop shop's service catalogue."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.kpi.registry import KPI

from .models import ServicePage


def _default_locale_services():
    return ServicePage.objects.live().filter(locale=Locale.get_default())


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
