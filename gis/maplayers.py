"""The map layer this app generates live from its own building register (see core.contracts)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _

from portal.core.contracts import LiveLayer


def building_features() -> Iterator[dict[str, Any]]:
    """Published public buildings as GeoJSON points with their accessibility summary."""
    from .models import PublicBuilding

    for b in PublicBuilding.objects.filter(published=True).prefetch_related("services"):
        yield {
            "type": "Feature",
            "id": b.slug,
            "geometry": {"type": "Point", "coordinates": [round(b.location.x, 7), round(b.location.y, 7)]},
            "properties": {
                "name": b.name,
                "address": b.address,
                "step_free_access": b.step_free_access,
                "lift": b.lift,
                "accessible_toilet": b.accessible_toilet,
                "tactile_guidance": b.tactile_guidance,
                "url": b.get_absolute_url(),
                "services": [s.title for s in b.services.all()],
            },
        }


LAYERS = [
    LiveLayer(
        key="public-buildings",
        title=_("Public buildings"),
        module="public-buildings",
        geometry_type="Point",
        features=building_features,
        description=_(
            "City buildings open to the public, with step-free access, lifts, "
            "accessible toilets and the services offered inside."
        ),
        color="#7a1f5c",
    )
]
