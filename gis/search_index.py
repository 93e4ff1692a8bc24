"""Named map features and public buildings in the search index (portal.search), so places are
found without diacritics and in other word forms; kept in step by signals and after imports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models.signals import post_delete, post_save

from portal import search
from portal.core.translation import default_language

from .models import Feature, Layer, PublicBuilding

FEATURES = "gis.feature"
BUILDINGS = "gis.building"


def _texts(name: str) -> list[search.Text]:
    return [search.Text(default_language(), name)] if name.strip() else []


def reindex_layer(layer: Layer) -> int:
    """Index every named feature of `layer` (after a bulk import); returns how many."""
    named = Feature.objects.filter(layer=layer).exclude(name="").values_list("pk", "name")
    count = search.index_many(FEATURES, ((pk, _texts(name)) for pk, name in named.iterator()))
    unnamed = Feature.objects.filter(layer=layer, name="").values_list("pk", flat=True)
    search.remove_many(FEATURES, list(unnamed))
    return count


def _features() -> Iterator[tuple[Any, list[search.Text]]]:
    for pk, name in Feature.objects.exclude(name="").values_list("pk", "name").iterator():
        yield pk, _texts(name)


def _buildings() -> Iterator[tuple[Any, list[search.Text]]]:
    for pk, name in PublicBuilding.objects.values_list("pk", "name").iterator():
        yield pk, _texts(name)


def _feature_saved(sender: Any, instance: Feature, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        search.index(FEATURES, instance.pk, _texts(instance.name))


def _building_saved(sender: Any, instance: PublicBuilding, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        search.index(BUILDINGS, instance.pk, _texts(instance.name))


def _feature_deleted(sender: Any, instance: Feature, **kwargs: Any) -> None:
    search.remove(FEATURES, instance.pk)


def _building_deleted(sender: Any, instance: PublicBuilding, **kwargs: Any) -> None:
    search.remove(BUILDINGS, instance.pk)


def connect() -> None:
    search.register(FEATURES, _features)
    search.register(BUILDINGS, _buildings)
    post_save.connect(_feature_saved, sender=Feature, dispatch_uid="gis_search_feature_saved")
    post_delete.connect(_feature_deleted, sender=Feature, dispatch_uid="gis_search_feature_deleted")
    post_save.connect(_building_saved, sender=PublicBuilding, dispatch_uid="gis_search_building_saved")
    post_delete.connect(_building_deleted, sender=PublicBuilding, dispatch_uid="gis_search_building_deleted")
