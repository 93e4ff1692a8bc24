"""The KPI contract: every app declares its indicators in `<app>/kpis.py` as a module-level
`KPIS` list; this registry discovers them so snapshots, dashboards and exports need no wiring."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.apps import apps
from django.utils.translation import gettext_lazy as _

# The city's plan has six solutions; "portal" covers the one-stop shop itself.
SOLUTIONS: dict[str, str] = {
    "portal": _("One-stop shop"),
    "chatbot": _("Chatbot"),
    "skills": _("Digital skills"),
    "qr_buildings": _("QR for public buildings"),
    "map": _("Interactive map"),
    "opendata": _("Open data"),
    "cctv": _("CCTV"),
}

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

    def __post_init__(self) -> None:
        if self.solution not in SOLUTIONS:
            raise ValueError(f"KPI {self.key!r}: unknown solution {self.solution!r}")
        if self.kind not in ("output", "outcome"):
            raise ValueError(f"KPI {self.key!r}: kind must be 'output' or 'outcome'")


def discover() -> dict[str, KPI]:
    """All KPIs of the installed apps, by key; a duplicate key is a programming error."""
    found: dict[str, KPI] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.kpis"
        if importlib.util.find_spec(module_name) is None:
            continue
        for kpi in getattr(importlib.import_module(module_name), "KPIS", []):
            if kpi.key in found:
                raise ValueError(f"KPI key {kpi.key!r} declared twice")
            found[kpi.key] = kpi
    return found
