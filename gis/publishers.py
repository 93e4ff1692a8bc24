"""Every public map layer, stored or the building register, published as an open dataset in
GeoJSON and CSV. Layers of other apps (e.g. cctv's cameras) are published by those apps."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from portal.core.contracts import PublishedDataset, PublishedResource

from . import selectors

OWN_LIVE_LAYERS = ("public-buildings",)


def _geojson(key: str) -> bytes:
    info = selectors.get_layer(key)
    features = list(selectors.all_features(info)) if info else []
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()


def _csv(key: str) -> bytes:
    """One row per feature: id, name, a representative WGS84 point, WKT and flat properties."""
    from django.contrib.gis.geos import GEOSGeometry

    info = selectors.get_layer(key)
    rows = list(selectors.all_features(info)) if info else []
    columns: list[str] = []
    for row in rows:
        for name, value in row["properties"].items():
            if name not in columns and not isinstance(value, (dict, list)):
                columns.append(name)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "lat", "lon", "wkt", *columns])
    for row in rows:
        geom = GEOSGeometry(json.dumps(row["geometry"]))
        point = geom if geom.geom_type == "Point" else geom.point_on_surface
        writer.writerow(
            [
                row["id"],
                round(point.y, 7),
                round(point.x, 7),
                geom.wkt,
                *[row["properties"].get(c, "") for c in columns],
            ]
        )
    return out.getvalue().encode()


def _dataset(info: selectors.LayerInfo) -> PublishedDataset:
    key = info.key
    return PublishedDataset(
        key=f"map-{key}",
        title=str(info.title),
        description=str(info.description) or str(info.title),
        resources=[
            PublishedResource(name=f"{key}.geojson", format="GeoJSON", produce=lambda: _geojson(key)),
            PublishedResource(name=f"{key}.csv", format="CSV", produce=lambda: _csv(key)),
        ],
        tags=["map", info.module_key],
        themes=["REGI"],
        license_id=info.license or "CC-BY-4.0",
    )


class _LayerDatasets:
    """Computed when iterated, so a layer published in the admin is published as data too."""

    def __iter__(self) -> Iterator[PublishedDataset]:
        for info in selectors.layer_catalog():
            if not info.is_live or info.key in OWN_LIVE_LAYERS:
                yield _dataset(info)


DATASETS = _LayerDatasets()
