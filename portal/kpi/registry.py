"""The KPI contract: every app declares its indicators in `<app>/kpis.py` as a module-level
`KPIS` list; this registry discovers them so snapshots, dashboards and exports need no wiring."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from portal.core import contracts

# The city's plan has six solutions; "portal" covers the one-stop shop itself.
SOLUTIONS: dict[str, str] = {
    "portal": _("One-stop shop"),
    "chatbot": _("Chatbot"),
    "skills": _("Digital skills"),
    "qr_buildings": _("QR for public buildings"),
    "map": _("Interactive map"),
    "opendata": _("Open data"),
    "cctv": _("CCTV"),
    "safety": _("Public safety network"),
    "participation": _("Citizen participation"),
}


def _interpolate(template: str, values: dict[str, object]) -> str:
    return str(template) % {name: str(value) for name, value in values.items()}


def interpolate_lazy(template: str, **values: object) -> str:
    """``template % values``, worked out when shown, so both follow the reader's language
    (``_("Downloads: %(theme)s") % {...}`` would freeze the language active at import)."""
    return lazy(_interpolate, str)(template, values)


def source_text(text: str) -> str:
    """A translatable label or unit in the source language (English), for stored history."""
    with translation.override("en"):
        return str(text)


Kind = Literal["output", "outcome"]
Number = int | float | Decimal


@dataclass(frozen=True)
class KPI:
    """One indicator: `compute()` returns its current value (None when it cannot be known yet)."""

    key: str
    solution: str
    kind: Kind
    unit: str
    label: str
    compute: Callable[[], Number | None]
    target: Number | None = None
    # Optional figures per district (or other group) drawn as bars: [(label, value), ...].
    breakdown: Callable[[], list[tuple[str, Number]]] | None = None
    # What the breakdown's labels are, as its table's first column heading ("Month"); None: districts.
    breakdown_by: str | None = None

    def __post_init__(self) -> None:
        if self.solution not in SOLUTIONS:
            raise ValueError(f"KPI {self.key!r}: unknown solution {self.solution!r}")
        if self.kind not in ("output", "outcome"):
            raise ValueError(f"KPI {self.key!r}: kind must be 'output' or 'outcome'")


def discover() -> dict[str, KPI]:
    """All KPIs of the installed apps (`<app>.kpis.KPIS`), by key; a duplicate key is an error."""
    found: dict[str, KPI] = {}
    for kpi in contracts.discover("kpis", "KPIS"):
        if kpi.key in found:
            raise ValueError(f"KPI key {kpi.key!r} declared twice")
        found[kpi.key] = kpi
    return found
