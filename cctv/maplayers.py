"""The camera register as a live map layer shown by gis (public fields only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _

from portal.core.contracts import LiveLayer

from .selectors import public_cameras, public_feature


def camera_features() -> Iterator[dict[str, Any]]:
    for camera in public_cameras():
        yield public_feature(camera)


LAYERS = [
    LiveLayer(
        key="cctv-cameras",
        title=_("CCTV cameras"),
        module="safety",
        geometry_type="Point",
        features=camera_features,
        description=_("Public CCTV cameras: purpose, owner, legal basis and retention."),
        color="#8a1c1c",
    )
]
