"""Open datasets of the safety devices (collected by opendata): call points with their public
fields, and device counts per district. No alert button is ever in a dataset."""

from __future__ import annotations

import csv
import io
import json

from django.utils.translation import gettext_lazy as _

from portal.core.contracts import PublishedDataset, PublishedResource

from .models import Device
from .selectors.public import district_counts, public_call_points, public_feature, public_record


def call_points_csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(Device.PUBLIC_FIELDS))
    writer.writeheader()
    for device in public_call_points():
        writer.writerow(public_record(device))
    return ("\ufeff" + out.getvalue()).encode()


def call_points_geojson() -> bytes:
    features = [public_feature(device) for device in public_call_points()]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()


def district_counts_csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["district", "call_points", "alert_buttons"])
    writer.writeheader()
    writer.writerows(district_counts())
    return ("\ufeff" + out.getvalue()).encode()


DATASETS = [
    PublishedDataset(
        key="safety-call-points",
        title=_("Emergency call points"),
        description=_(
            "Call points on the public highway linked to the city's supervision centre, and the "
            "number of call points and alert buttons in service in each district."
        ),
        resources=[
            PublishedResource("safety-call-points.csv", "CSV", call_points_csv),
            PublishedResource("safety-call-points.geojson", "GeoJSON", call_points_geojson),
            PublishedResource("safety-devices-per-district.csv", "CSV", district_counts_csv),
        ],
        tags=["safety", "call-points", "transparency"],
        themes=["JUST", "GOVE"],
        frequency="daily",
    )
]
