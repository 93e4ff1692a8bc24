"""Contracts between apps: what an app declares so that another app can use it without imports
going both ways. Each is discovered from a module of the same name in every installed app.

- `publishers.py`: `DATASETS = [PublishedDataset(...)]` — open datasets the app publishes
  automatically; opendata collects and refreshes them. Nothing personal is ever published.
- `maplayers.py`: `LAYERS = [LiveLayer(...)]` — map layers generated live from the app's own
  data (cameras from cctv, buildings from the building register); gis shows and serves them.
- `retention.py`: `RULES = [RetentionRule(...)]` — personal data the app keeps for a limited
  time; the daily `purge_personal_data` job runs every rule.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class PublishedResource:
    """One file of a published dataset; `produce()` returns its current bytes."""

    name: str
    format: str  # "CSV", "GeoJSON", "JSON", ...
    produce: Callable[[], bytes]
    description: str = ""


@dataclass(frozen=True)
class PublishedDataset:
    key: str  # stable slug, e.g. "cctv-camera-register"
    title: str
    description: str
    resources: list[PublishedResource]
    tags: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)  # EU data-theme codes, e.g. "GOVE", "TRAN"
    frequency: str = "daily"
    license_id: str = "CC-BY-4.0"
    # The department shown as the publisher; empty: the city's publisher (settings.CITY).
    organization: str = ""


@dataclass(frozen=True)
class LiveLayer:
    """A map layer computed from another app's data at request time."""

    key: str  # stable slug, e.g. "cctv-cameras"
    title: str
    module: str  # the layer group in the map's switcher, e.g. "safety", "public-buildings"
    geometry_type: str  # "Point", "LineString", "Polygon"
    features: Callable[[], Iterable[dict[str, Any]]]  # GeoJSON Feature dicts in WGS84
    description: str = ""
    color: str = "#0b5394"
    attribution: str = ""  # empty: the city hall (settings.CITY)
    public: bool = True


@dataclass(frozen=True)
class RetentionRule:
    """Personal data kept for a limited time. `purge(now)` deletes or anonymises what is past its
    retention period at `now`, keeps the aggregate statistics, and returns how many records it
    changed; a second run with the same `now` changes nothing."""

    key: str  # stable slug, e.g. "chatbot-transcripts"
    description: str  # what is erased and after how long, for the operator reading the output
    purge: Callable[[dt.datetime], int]


def discover(module: str, attribute: str) -> list[Any]:
    """Every item that installed apps declare as `<app>.<module>.<attribute>`."""
    found: list[Any] = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{module}"
        if importlib.util.find_spec(name) is None:
            continue
        found += list(getattr(importlib.import_module(name), attribute, []))
    return found


def published_datasets() -> list[PublishedDataset]:
    return discover("publishers", "DATASETS")


def live_layers() -> list[LiveLayer]:
    return discover("maplayers", "LAYERS")


def retention_rules() -> list[RetentionRule]:
    return discover("retention", "RULES")
