"""Call points as a live map layer shown by gis (public fields only; alert buttons never)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _

from portal.core.contracts import LiveLayer

from .selectors.public import public_call_points, public_feature


def call_point_features() -> Iterator[dict[str, Any]]:
    for device in public_call_points():
        yield public_feature(device)


LAYERS = [
    LiveLayer(
        key="safety-call-points",
        title=_("Emergency call points"),
        module="safety",
        geometry_type="Point",
        features=call_point_features,
        description=_("Call points on the public highway linked to the city's supervision centre."),
        color="#b45309",
    )
]
