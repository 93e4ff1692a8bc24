"""Demo data for Arad: districts with road lengths and what the cameras near the centre are.
Positions are believable, not surveyed; the cameras themselves are spread by the loader."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from portal.core.demo.text import Text


@dataclass(frozen=True)
class DistrictData:
    name: str
    slug: str
    road_km: Decimal
    lat: float  # the district's centre
    lon: float


DISTRICTS: tuple[DistrictData, ...] = (
    DistrictData("Centru", "centru", Decimal("48.6"), 46.1866, 21.3123),
    DistrictData("Aurel Vlaicu", "aurel-vlaicu", Decimal("31.2"), 46.1780, 21.2840),
    DistrictData("Micălaca", "micalaca", Decimal("52.4"), 46.1900, 21.3550),
    DistrictData("Gai", "gai", Decimal("38.9"), 46.2000, 21.2700),
    DistrictData("Grădiște", "gradiste", Decimal("22.7"), 46.1760, 21.3380),
    DistrictData("Bujac", "bujac", Decimal("19.8"), 46.2080, 21.3040),
    DistrictData("Pârneava", "parneava", Decimal("27.3"), 46.1950, 21.2920),
    DistrictData("Subcetate", "subcetate", Decimal("16.5"), 46.1730, 21.3000),
    DistrictData("Sânnicolau Mic", "sannicolau-mic", Decimal("24.1"), 46.1650, 21.2880),
    DistrictData("Poltura", "poltura", Decimal("14.2"), 46.1700, 21.3250),
)

# Camera n stands on STREETS[n % 12] and has TYPES[n % 6] and PURPOSES[n % 6].
STREETS = (
    "Bulevardul Revoluției",
    "Piața Avram Iancu",
    "Strada Mețianu",
    "Bulevardul Decebal",
    "Calea Aurel Vlaicu",
    "Calea Timișorii",
    "Strada Tribunul Dobra",
    "Calea Radnei",
    "Piața Podgoria",
    "Calea Victoriei",
    "Strada Andrei Șaguna",
    "Podul Traian",
)
TYPES = ("fixed_hd", "ptz", "fixed_hd", "360", "anpr", "thermal")
PURPOSES = ("traffic", "public_order", "parking", "traffic", "building_protection", "parking")

# What a camera films, by its purpose.
FILMED: dict[str, Text] = {
    "traffic": Text(
        "Intersecția și benzile de circulație",
        "The junction and the traffic lanes",
        "A kereszteződés és a forgalmi sávok",
    ),
    "public_order": Text(
        "Piața și trotuarele din jur",
        "The square and the pavements around it",
        "A tér és a környező járdák",
    ),
    "parking": Text(
        "Locurile de parcare publice",
        "The public parking spaces",
        "A nyilvános parkolóhelyek",
    ),
    "building_protection": Text(
        "Intrarea și fațada clădirii publice",
        "The entrance and façade of the public building",
        "A középület bejárata és homlokzata",
    ),
}
LEGAL_BASIS = "Legea 333/2003; Regulamentul (UE) 2016/679 art. 6 alin. (1) lit. e)"
