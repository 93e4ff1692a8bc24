"""The demo map of Arad: modules, layers, features in believable places around the centre, and
the public buildings register with accessibility data. Positions are believable, not surveyed."""

from __future__ import annotations

from dataclasses import dataclass

from portal.core.demo.text import Text


@dataclass(frozen=True)
class ModuleData:
    key: str
    title: Text
    order: int


@dataclass(frozen=True)
class LayerData:
    key: str
    module: str  # a ModuleData.key
    title: Text
    kind: str  # a Layer.Kind
    geometry_type: str  # a Layer.GeometryType
    color: str
    icon: str
    description: Text


@dataclass(frozen=True)
class HotspotData:
    """A free Wi-Fi access point, named after the place it serves."""

    place: str
    lat: float
    lon: float


@dataclass(frozen=True)
class CarParkData:
    name: str
    lat: float
    lon: float
    spaces: int
    address: str


@dataclass(frozen=True)
class BikeLaneData:
    name: str
    coords: tuple[tuple[float, float], ...]  # (lon, lat) along the lane


@dataclass(frozen=True)
class EntranceData:
    name: Text
    description: Text  # how to get in
    step_free: bool
    automatic_door: bool


@dataclass(frozen=True)
class BuildingData:
    """A public building; accessibility values are PublicBuilding.Access ("" = not surveyed)."""

    slug: str
    name: str
    address: str  # in Arad
    lat: float
    lon: float
    step_free_access: str
    lift: str
    accessible_toilet: str
    tactile_guidance: str
    accessible_parking: str
    entrances: tuple[EntranceData, ...] = ()


MODULES: tuple[ModuleData, ...] = (
    ModuleData("public-buildings", Text("Clădiri publice", "Public buildings", "Középületek"), 10),
    ModuleData("cadastre", Text("Cadastru", "Cadastre", "Kataszter"), 20),
    ModuleData("connectivity", Text("Conectivitate", "Connectivity", "Hálózati elérés"), 30),
    ModuleData("mobility", Text("Mobilitate", "Mobility", "Mobilitás"), 40),
    ModuleData("safety", Text("Siguranță publică", "Public safety", "Közbiztonság"), 50),
)

LAYERS: tuple[LayerData, ...] = (
    LayerData(
        key="cadastre-parcels",
        module="cadastre",
        title=Text(
            "Parcele cadastrale (eșantion)", "Cadastral parcels (sample)", "Kataszteri telkek (minta)"
        ),
        kind="cadastre",
        geometry_type="Polygon",
        color="#8a5a00",
        icon="",
        description=Text(
            "Parcele din centrul Aradului, cu numărul cadastral și suprafața.",
            "Parcels in central Arad, with their cadastral number and area.",
            "Telkek Arad központjában, kataszteri számmal és területtel.",
        ),
    ),
    LayerData(
        key="wifi-hotspots",
        module="connectivity",
        title=Text("Hotspoturi Wi-Fi gratuite", "Free Wi-Fi hotspots", "Ingyenes Wi-Fi-pontok"),
        kind="wifi",
        geometry_type="Point",
        color="#00695c",
        icon="W",
        description=Text(
            "Puncte de acces Wi-Fi gratuit în piețe și parcuri.",
            "Free Wi-Fi access points in squares and parks.",
            "Ingyenes Wi-Fi-hozzáférési pontok tereken és parkokban.",
        ),
    ),
    LayerData(
        key="parking",
        module="mobility",
        title=Text("Parcări publice", "Public car parks", "Nyilvános parkolók"),
        kind="parking",
        geometry_type="Polygon",
        color="#1a4c9c",
        icon="P",
        description=Text(
            "Parcări publice administrate de primărie.",
            "Public car parks run by the city hall.",
            "A városháza által kezelt nyilvános parkolók.",
        ),
    ),
    LayerData(
        key="bike-lanes",
        module="mobility",
        title=Text("Piste de biciclete", "Bike lanes", "Kerékpárutak"),
        kind="bike",
        geometry_type="LineString",
        color="#b3261e",
        icon="",
        description=Text("Piste de biciclete amenajate.", "Marked bike lanes.", "Kijelölt kerékpárutak."),
    ),
)

WIFI: tuple[HotspotData, ...] = (
    HotspotData("Piața Avram Iancu", 46.1697, 21.3183),
    HotspotData("Parcul Eminescu", 46.1748, 21.3227),
    HotspotData("Piața Teatrului", 46.1765, 21.3177),
    HotspotData("Parcul Copiilor", 46.1796, 21.3230),
    HotspotData("Piața Mihai Viteazu", 46.1846, 21.3097),
    HotspotData("Piața Podgoria", 46.1917, 21.3125),
    HotspotData("Parcul Reconcilierii", 46.1735, 21.3150),
    HotspotData("Faleza Mureșului", 46.1725, 21.3265),
)

PARKING: tuple[CarParkData, ...] = (
    CarParkData("Parcarea Primăriei", 46.1735, 21.3207, 120, "Bd. Revoluției 75"),
    CarParkData("Parcarea Catedralei", 46.1749, 21.3130, 80, "Str. Vasile Goldiș"),
    CarParkData("Parcarea Spitalului Județean", 46.1818, 21.3152, 150, "Str. Andrényi Károly"),
    CarParkData("Parcarea Podgoria", 46.1905, 21.3135, 60, "Piața Podgoria"),
)

BIKE_LANES: tuple[BikeLaneData, ...] = (
    BikeLaneData(
        "Pista Bd. Revoluției",
        ((21.3188, 46.1705), (21.3175, 46.1765), (21.3150, 46.1820), (21.3130, 46.1850)),
    ),
    BikeLaneData("Pista Faleza Mureșului", ((21.3230, 46.1700), (21.3262, 46.1728), (21.3290, 46.1760))),
    BikeLaneData("Pista Calea Aurel Vlaicu", ((21.3125, 46.1866), (21.3100, 46.1920), (21.3070, 46.1985))),
)

MAIN_ENTRANCE = Text("Intrarea principală", "Main entrance", "Főbejárat")

BUILDINGS: tuple[BuildingData, ...] = (
    BuildingData(
        slug="primaria-arad",
        name="Primăria Municipiului Arad (Palatul Administrativ)",
        address="Bd. Revoluției 75",
        lat=46.1729,
        lon=21.3196,
        step_free_access="yes",
        lift="yes",
        accessible_toilet="yes",
        tactile_guidance="partial",
        accessible_parking="yes",
        entrances=(
            EntranceData(
                Text(
                    "Intrarea principală, Bd. Revoluției",
                    "Main entrance, Bd. Revoluției",
                    "Főbejárat, Bd. Revoluției",
                ),
                Text(
                    "rampă pe partea stângă a scărilor",
                    "ramp on the left of the stairs",
                    "rámpa a lépcső bal oldalán",
                ),
                step_free=True,
                automatic_door=False,
            ),
            EntranceData(
                Text(
                    "Intrarea din curte, Str. Unirii",
                    "Courtyard entrance, Str. Unirii",
                    "Udvari bejárat, Str. Unirii",
                ),
                Text(
                    "fără trepte, lângă parcare",
                    "step-free, next to the car park",
                    "lépcsőmentes, a parkoló mellett",
                ),
                step_free=True,
                automatic_door=True,
            ),
        ),
    ),
    BuildingData(
        slug="biblioteca-judeteana",
        name="Biblioteca Județeană „Alexandru D. Xenopol”",
        address="Str. Gheorghe Popa de Teiuș 2–4",
        lat=46.1745,
        lon=21.3170,
        step_free_access="yes",
        lift="yes",
        accessible_toilet="yes",
        tactile_guidance="no",
        accessible_parking="no",
        entrances=(
            EntranceData(
                MAIN_ENTRANCE,
                Text("rampă cu balustradă", "ramp with a handrail", "rámpa korláttal"),
                step_free=True,
                automatic_door=True,
            ),
        ),
    ),
    BuildingData(
        slug="spitalul-judetean",
        name="Spitalul Clinic Județean de Urgență Arad",
        address="Str. Andrényi Károly 2–4",
        lat=46.1813,
        lon=21.3163,
        step_free_access="yes",
        lift="yes",
        accessible_toilet="yes",
        tactile_guidance="yes",
        accessible_parking="yes",
        entrances=(
            EntranceData(
                Text("Primiri urgențe", "Emergency department", "Sürgősségi osztály"),
                Text(
                    "acces auto și pietonal fără trepte",
                    "step-free access for cars and pedestrians",
                    "lépcsőmentes autós és gyalogos bejárás",
                ),
                step_free=True,
                automatic_door=True,
            ),
            EntranceData(
                Text("Ambulatoriu", "Outpatient clinic", "Járóbeteg-rendelő"),
                Text(
                    "intrarea din Str. Victoriei",
                    "the entrance from Str. Victoriei",
                    "bejárat a Str. Victoriei felől",
                ),
                step_free=True,
                automatic_door=True,
            ),
        ),
    ),
    BuildingData(
        slug="colegiul-moise-nicoara",
        name="Colegiul Național „Moise Nicoară”",
        address="Piața Moise Nicoară 1",
        lat=46.1790,
        lon=21.3131,
        step_free_access="partial",
        lift="no",
        accessible_toilet="yes",
        tactile_guidance="no",
        accessible_parking="no",
        entrances=(
            EntranceData(
                Text("Intrarea elevilor", "Pupils' entrance", "Tanulói bejárat"),
                Text(
                    "trei trepte, rampă mobilă la cerere",
                    "three steps, a portable ramp on request",
                    "három lépcsőfok, kérésre mobil rámpa",
                ),
                step_free=False,
                automatic_door=False,
            ),
        ),
    ),
    BuildingData(
        slug="teatrul-clasic",
        name="Teatrul Clasic „Ioan Slavici”",
        address="Bd. Revoluției 103",
        lat=46.1765,
        lon=21.3174,
        step_free_access="partial",
        lift="yes",
        accessible_toilet="yes",
        tactile_guidance="",
        accessible_parking="",
    ),
    BuildingData(
        slug="centrul-de-informare",
        name="Centrul de informare pentru cetățeni",
        address="Str. Piața Avram Iancu 11",
        lat=46.1700,
        lon=21.3190,
        step_free_access="yes",
        lift="no",
        accessible_toilet="yes",
        tactile_guidance="yes",
        accessible_parking="no",
        entrances=(
            EntranceData(
                Text("Intrarea din piață", "Entrance from the square", "Bejárat a tér felől"),
                Text(
                    "ușă la nivelul trotuarului",
                    "door level with the pavement",
                    "a járdával egy szintben lévő ajtó",
                ),
                step_free=True,
                automatic_door=True,
            ),
        ),
    ),
)
