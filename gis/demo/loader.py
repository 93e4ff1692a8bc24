"""Load the demo map of Arad: `manage.py load_demo_map`. Idempotent: modules, layers and buildings
are keyed by key or slug, features by layer and external id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.gis.geos import LineString, Point, Polygon
from django.db import transaction

from portal.services.selectors import live_services_default_language

from ..models import BuildingEntrance, BuildingHours, Feature, Layer, Module, PublicBuilding
from . import data


def _square(lat: float, lon: float, half_m: float) -> Polygon:
    dlat, dlon = half_m / 111_200, half_m / 77_000  # metres to degrees at 46° N
    return Polygon.from_bbox((lon - dlon, lat - dlat, lon + dlon, lat + dlat))


@transaction.atomic
def load_demo_map(*, say: Callable[[str], None] = lambda _m: None) -> None:
    """Create or refresh the demo modules, layers, features and buildings."""
    modules = {}
    for spec in data.MODULES:
        modules[spec.key], _ = Module.objects.update_or_create(
            key=spec.key, defaults={**spec.title.columns("title"), "order": spec.order}
        )
    layers = {}
    for spec in data.LAYERS:
        layers[spec.key], _ = Layer.objects.update_or_create(
            key=spec.key,
            defaults={
                "module": modules[spec.module],
                **spec.title.columns("title"),
                "kind": spec.kind,
                "geometry_type": spec.geometry_type,
                "color": spec.color,
                "icon": spec.icon,
                **spec.description.columns("description"),
                "attribution": "Primăria Municipiului Arad",
                "public": True,
            },
        )
    say("modules and layers")

    def put(layer: str, external_id: str, name: str, geometry, **properties) -> None:
        Feature.objects.update_or_create(
            layer=layers[layer],
            external_id=external_id,
            defaults={"name": name, "geometry": geometry, "properties": properties},
        )

    for i, hotspot in enumerate(data.WIFI, start=1):
        put(
            "wifi-hotspots",
            f"wifi-{i:02d}",
            f"Wi-Fi {hotspot.place}",
            Point(hotspot.lon, hotspot.lat, srid=4326),
            address=hotspot.place,
            ssid="Arad-Free-WiFi",
        )
    for i, car_park in enumerate(data.PARKING, start=1):
        put(
            "parking",
            f"parking-{i:02d}",
            car_park.name,
            _square(car_park.lat, car_park.lon, 30),
            address=car_park.address,
            spaces=car_park.spaces,
        )
    for i, lane in enumerate(data.BIKE_LANES, start=1):
        put("bike-lanes", f"bike-{i:02d}", lane.name, LineString(lane.coords, srid=4326))
    # a 4 x 3 grid of 40 m parcels just north-east of the centre
    for row in range(3):
        for col in range(4):
            number = f"3007{row * 4 + col + 1:02d}"
            lat, lon = 46.1870 + row * 0.0008, 21.3130 + col * 0.0011
            put(
                "cadastre-parcels",
                number,
                f"Parcela {number}",
                _square(lat, lon, 20),
                nr_cad=number,
                suprafata_mp=1600,
                categorie="curți-construcții",
            )
    say("features")

    services = list(live_services_default_language().order_by("path")[:6])
    for index, spec in enumerate(data.BUILDINGS):
        building, _ = PublicBuilding.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "address": f"{spec.address}, Arad",
                "location": Point(spec.lon, spec.lat, srid=4326),
                "step_free_access": spec.step_free_access,
                "lift": spec.lift,
                "accessible_toilet": spec.accessible_toilet,
                "tactile_guidance": spec.tactile_guidance,
                "accessible_parking": spec.accessible_parking,
                "published": True,
                "phone": "+40 257 281 850" if spec.slug == "primaria-arad" else "",
            },
        )
        BuildingEntrance.objects.filter(building=building).delete()
        for order, entrance in enumerate(spec.entrances):
            BuildingEntrance.objects.create(
                building=building,
                sort_order=order,
                **entrance.name.columns("name"),
                **entrance.description.columns("description"),
                step_free=entrance.step_free,
                automatic_door=entrance.automatic_door,
            )
        BuildingHours.objects.filter(building=building).delete()
        for weekday in range(5):
            BuildingHours.objects.create(
                building=building, sort_order=weekday, weekday=weekday, opens=dt.time(8), closes=dt.time(16)
            )
        if spec.slug == "primaria-arad" and services:
            building.services.set(services)
        elif services:
            building.services.set(services[index % len(services) : index % len(services) + 1])
        building.save()
    say("public buildings")
