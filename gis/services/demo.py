"""The demo map of Arad: modules, layers and features in believable places around the centre,
and the public buildings register with accessibility data. Idempotent: keyed by slugs and ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.gis.geos import LineString, Point, Polygon
from django.db import transaction

from portal.services.selectors import live_services_default_language

from ..models import BuildingEntrance, BuildingHours, Feature, Layer, Module, PublicBuilding

MODULES = [
    # key, title (ro, en, hu), order
    ("public-buildings", ("Clădiri publice", "Public buildings", "Középületek"), 10),
    ("cadastre", ("Cadastru", "Cadastre", "Kataszter"), 20),
    ("connectivity", ("Conectivitate", "Connectivity", "Hálózati elérés"), 30),
    ("mobility", ("Mobilitate", "Mobility", "Mobilitás"), 40),
    ("safety", ("Siguranță publică", "Public safety", "Közbiztonság"), 50),
]

LAYERS = [
    # key, module, title, kind, geometry, colour, icon, description
    (
        "cadastre-parcels",
        "cadastre",
        ("Parcele cadastrale (eșantion)", "Cadastral parcels (sample)", "Kataszteri telkek (minta)"),
        "cadastre",
        "Polygon",
        "#8a5a00",
        "",
        (
            "Parcele din centrul Aradului, cu numărul cadastral și suprafața.",
            "Parcels in central Arad, with their cadastral number and area.",
            "Telkek Arad központjában, kataszteri számmal és területtel.",
        ),
    ),
    (
        "wifi-hotspots",
        "connectivity",
        ("Hotspoturi Wi-Fi gratuite", "Free Wi-Fi hotspots", "Ingyenes Wi-Fi-pontok"),
        "wifi",
        "Point",
        "#00695c",
        "W",
        (
            "Puncte de acces Wi-Fi gratuit în piețe și parcuri.",
            "Free Wi-Fi access points in squares and parks.",
            "Ingyenes Wi-Fi-hozzáférési pontok tereken és parkokban.",
        ),
    ),
    (
        "parking",
        "mobility",
        ("Parcări publice", "Public car parks", "Nyilvános parkolók"),
        "parking",
        "Polygon",
        "#1a4c9c",
        "P",
        (
            "Parcări publice administrate de primărie.",
            "Public car parks run by the city hall.",
            "A városháza által kezelt nyilvános parkolók.",
        ),
    ),
    (
        "bike-lanes",
        "mobility",
        ("Piste de biciclete", "Bike lanes", "Kerékpárutak"),
        "bike",
        "LineString",
        "#b3261e",
        "",
        (
            "Piste de biciclete amenajate.",
            "Marked bike lanes.",
            "Kijelölt kerékpárutak.",
        ),
    ),
]

WIFI = [
    ("Piața Avram Iancu", 46.1697, 21.3183),
    ("Parcul Eminescu", 46.1748, 21.3227),
    ("Piața Teatrului", 46.1765, 21.3177),
    ("Parcul Copiilor", 46.1796, 21.3230),
    ("Piața Mihai Viteazu", 46.1846, 21.3097),
    ("Piața Podgoria", 46.1917, 21.3125),
    ("Parcul Reconcilierii", 46.1735, 21.3150),
    ("Faleza Mureșului", 46.1725, 21.3265),
]

PARKING = [
    ("Parcarea Primăriei", 46.1735, 21.3207, 120, "Bd. Revoluției 75"),
    ("Parcarea Catedralei", 46.1749, 21.3130, 80, "Str. Vasile Goldiș"),
    ("Parcarea Spitalului Județean", 46.1818, 21.3152, 150, "Str. Andrényi Károly"),
    ("Parcarea Podgoria", 46.1905, 21.3135, 60, "Piața Podgoria"),
]

BIKE_LANES = [
    (
        "Pista Bd. Revoluției",
        [(21.3188, 46.1705), (21.3175, 46.1765), (21.3150, 46.1820), (21.3130, 46.1850)],
    ),
    ("Pista Faleza Mureșului", [(21.3230, 46.1700), (21.3262, 46.1728), (21.3290, 46.1760)]),
    ("Pista Calea Aurel Vlaicu", [(21.3125, 46.1866), (21.3100, 46.1920), (21.3070, 46.1985)]),
]

# An entrance's name and directions in English and Hungarian, by the Romanian original.
ENTRANCE_TRANSLATIONS = {
    "Intrarea principală, Bd. Revoluției": ("Main entrance, Bd. Revoluției", "Főbejárat, Bd. Revoluției"),
    "rampă pe partea stângă a scărilor": ("ramp on the left of the stairs", "rámpa a lépcső bal oldalán"),
    "Intrarea din curte, Str. Unirii": ("Courtyard entrance, Str. Unirii", "Udvari bejárat, Str. Unirii"),
    "fără trepte, lângă parcare": ("step-free, next to the car park", "lépcsőmentes, a parkoló mellett"),
    "Intrarea principală": ("Main entrance", "Főbejárat"),
    "rampă cu balustradă": ("ramp with a handrail", "rámpa korláttal"),
    "Primiri urgențe": ("Emergency department", "Sürgősségi osztály"),
    "acces auto și pietonal fără trepte": (
        "step-free access for cars and pedestrians",
        "lépcsőmentes autós és gyalogos bejárás",
    ),
    "Ambulatoriu": ("Outpatient clinic", "Járóbeteg-rendelő"),
    "intrarea din Str. Victoriei": ("the entrance from Str. Victoriei", "bejárat a Str. Victoriei felől"),
    "Intrarea elevilor": ("Pupils' entrance", "Tanulói bejárat"),
    "trei trepte, rampă mobilă la cerere": (
        "three steps, a portable ramp on request",
        "három lépcsőfok, kérésre mobil rámpa",
    ),
}

BUILDINGS = [
    # slug, name, address, lat, lon, access, lift, toilet, tactile, parking, entrances
    (
        "primaria-arad",
        "Primăria Municipiului Arad (Palatul Administrativ)",
        "Bd. Revoluției 75",
        46.1729,
        21.3196,
        "yes",
        "yes",
        "yes",
        "partial",
        "yes",
        [
            ("Intrarea principală, Bd. Revoluției", "rampă pe partea stângă a scărilor", True, False),
            ("Intrarea din curte, Str. Unirii", "fără trepte, lângă parcare", True, True),
        ],
    ),
    (
        "biblioteca-judeteana",
        "Biblioteca Județeană „Alexandru D. Xenopol”",
        "Str. Gheorghe Popa de Teiuș 2–4",
        46.1745,
        21.3170,
        "yes",
        "yes",
        "yes",
        "no",
        "no",
        [("Intrarea principală", "rampă cu balustradă", True, True)],
    ),
    (
        "spitalul-judetean",
        "Spitalul Clinic Județean de Urgență Arad",
        "Str. Andrényi Károly 2–4",
        46.1813,
        21.3163,
        "yes",
        "yes",
        "yes",
        "yes",
        "yes",
        [
            ("Primiri urgențe", "acces auto și pietonal fără trepte", True, True),
            ("Ambulatoriu", "intrarea din Str. Victoriei", True, True),
        ],
    ),
    (
        "colegiul-moise-nicoara",
        "Colegiul Național „Moise Nicoară”",
        "Piața Moise Nicoară 1",
        46.1790,
        21.3131,
        "partial",
        "no",
        "yes",
        "no",
        "no",
        [("Intrarea elevilor", "trei trepte, rampă mobilă la cerere", False, False)],
    ),
    (
        "teatrul-clasic",
        "Teatrul Clasic „Ioan Slavici”",
        "Bd. Revoluției 103",
        46.1765,
        21.3174,
        "partial",
        "yes",
        "yes",
        "",
        "",
        [],
    ),
    (
        "centrul-de-informare",
        "Centrul de informare pentru cetățeni",
        "Str. Piața Avram Iancu 11",
        46.1700,
        21.3190,
        "yes",
        "no",
        "yes",
        "yes",
        "no",
        [("Intrarea din piață", "ușă la nivelul trotuarului", True, True)],
    ),
]


def _square(lat: float, lon: float, half_m: float) -> Polygon:
    dlat, dlon = half_m / 111_200, half_m / 77_000  # metres to degrees at 46° N
    return Polygon.from_bbox((lon - dlon, lat - dlat, lon + dlon, lat + dlat))


@transaction.atomic
def load_demo_map(*, say: Callable[[str], None] = lambda _m: None) -> None:
    """Create or refresh the demo modules, layers, features and buildings."""
    modules = {}
    for key, (title, title_en, title_hu), order in MODULES:
        modules[key], _ = Module.objects.update_or_create(
            key=key, defaults={"title": title, "title_en": title_en, "title_hu": title_hu, "order": order}
        )
    layers = {}
    for key, module, (title, title_en, title_hu), kind, geometry, color, icon, texts in LAYERS:
        description, description_en, description_hu = texts
        layers[key], _ = Layer.objects.update_or_create(
            key=key,
            defaults={
                "module": modules[module],
                "title": title,
                "title_en": title_en,
                "title_hu": title_hu,
                "kind": kind,
                "geometry_type": geometry,
                "color": color,
                "icon": icon,
                "description": description,
                "description_en": description_en,
                "description_hu": description_hu,
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

    for i, (name, lat, lon) in enumerate(WIFI, start=1):
        put(
            "wifi-hotspots",
            f"wifi-{i:02d}",
            f"Wi-Fi {name}",
            Point(lon, lat, srid=4326),
            address=name,
            ssid="Arad-Free-WiFi",
        )
    for i, (name, lat, lon, spaces, address) in enumerate(PARKING, start=1):
        put("parking", f"parking-{i:02d}", name, _square(lat, lon, 30), address=address, spaces=spaces)
    for i, (name, coords) in enumerate(BIKE_LANES, start=1):
        put("bike-lanes", f"bike-{i:02d}", name, LineString(coords, srid=4326))
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
    for index, (
        slug,
        name,
        address,
        lat,
        lon,
        access,
        lift,
        toilet,
        tactile,
        parking,
        entrances,
    ) in enumerate(BUILDINGS):
        building, _ = PublicBuilding.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "address": f"{address}, Arad",
                "location": Point(lon, lat, srid=4326),
                "step_free_access": access,
                "lift": lift,
                "accessible_toilet": toilet,
                "tactile_guidance": tactile,
                "accessible_parking": parking,
                "published": True,
                "phone": "+40 257 281 850" if slug == "primaria-arad" else "",
            },
        )
        BuildingEntrance.objects.filter(building=building).delete()
        for order, (ename, description, step_free, automatic) in enumerate(entrances):
            BuildingEntrance.objects.create(
                building=building,
                sort_order=order,
                name=ename,
                name_en=ENTRANCE_TRANSLATIONS.get(ename, ("", ""))[0],
                name_hu=ENTRANCE_TRANSLATIONS.get(ename, ("", ""))[1],
                description=description,
                description_en=ENTRANCE_TRANSLATIONS.get(description, ("", ""))[0],
                description_hu=ENTRANCE_TRANSLATIONS.get(description, ("", ""))[1],
                step_free=step_free,
                automatic_door=automatic,
            )
        BuildingHours.objects.filter(building=building).delete()
        for weekday in range(5):
            BuildingHours.objects.create(
                building=building, sort_order=weekday, weekday=weekday, opens=dt.time(8), closes=dt.time(16)
            )
        if slug == "primaria-arad" and services:
            building.services.set(services)
        elif services:
            building.services.set(services[index % len(services) : index % len(services) + 1])
        building.save()
    say("public buildings")
