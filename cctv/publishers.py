"""Open datasets of the camera register (collected by opendata): public fields only."""

from __future__ import annotations

import csv
import io
import json

from django.utils.translation import gettext_lazy as _

from portal.core.contracts import PublishedDataset, PublishedResource

from .models import Camera
from .selectors import public_cameras, public_feature, public_record


def register_csv() -> bytes:
    """The public register as CSV (UTF-8 with BOM so spreadsheet programs read the diacritics)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(Camera.PUBLIC_FIELDS))
    writer.writeheader()
    for camera in public_cameras():
        writer.writerow(public_record(camera))
    return ("\ufeff" + out.getvalue()).encode()


def register_geojson() -> bytes:
    features = [public_feature(camera) for camera in public_cameras()]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()


DATASETS = [
    PublishedDataset(
        key="cctv-camera-register",
        title=_("Public CCTV camera register"),
        description=_(
            "Every public video-surveillance camera of the city: position, purpose, type, "
            "owner and operator, legal basis, retention period and what is filmed."
        ),
        resources=[
            PublishedResource("cctv-camera-register.csv", "CSV", register_csv),
            PublishedResource("cctv-camera-register.geojson", "GeoJSON", register_geojson),
        ],
        tags=["cctv", "video-surveillance", "transparency", "safety"],
        themes=["JUST", "GOVE"],
        frequency="daily",
    )
]
