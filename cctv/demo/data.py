"""Demo data for Arad: districts with road lengths, cameras near the centre, the plan's roadmap
and funding. Positions are believable, not surveyed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

# (name, slug, road km, centre lat, centre lon)
DISTRICTS = [
    ("Centru", "centru", Decimal("48.6"), 46.1866, 21.3123),
    ("Aurel Vlaicu", "aurel-vlaicu", Decimal("31.2"), 46.1780, 21.2840),
    ("Micălaca", "micalaca", Decimal("52.4"), 46.1900, 21.3550),
    ("Gai", "gai", Decimal("38.9"), 46.2000, 21.2700),
    ("Grădiște", "gradiste", Decimal("22.7"), 46.1760, 21.3380),
    ("Bujac", "bujac", Decimal("19.8"), 46.2080, 21.3040),
    ("Pârneava", "parneava", Decimal("27.3"), 46.1950, 21.2920),
    ("Subcetate", "subcetate", Decimal("16.5"), 46.1730, 21.3000),
    ("Sânnicolau Mic", "sannicolau-mic", Decimal("24.1"), 46.1650, 21.2880),
    ("Poltura", "poltura", Decimal("14.2"), 46.1700, 21.3250),
]

STREETS = [
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
]
TYPES = ["fixed_hd", "ptz", "fixed_hd", "360", "anpr", "thermal"]
PURPOSES = ["traffic", "public_order", "parking", "traffic", "building_protection", "parking"]
FILMED = {
    "traffic": "Intersecția și benzile de circulație",
    "public_order": "Piața și trotuarele din jur",
    "parking": "Locurile de parcare publice",
    "building_protection": "Intrarea și fațada clădirii publice",
}
FILMED_EN = {
    "traffic": "The junction and the traffic lanes",
    "public_order": "The square and the pavements around it",
    "parking": "The public parking spaces",
    "building_protection": "The entrance and façade of the public building",
}
FILMED_HU = {
    "traffic": "A kereszteződés és a forgalmi sávok",
    "public_order": "A tér és a környező járdák",
    "parking": "A nyilvános parkolóhelyek",
    "building_protection": "A középület bejárata és homlokzata",
}
LEGAL_BASIS = "Legea 333/2003; Regulamentul (UE) 2016/679 art. 6 alin. (1) lit. e)"

# (solution, initiative, [(activity, status, planned start, planned end, actual start, actual end)])
D = dt.date
ROADMAP = [
    (
        "portal",
        "Ghișeu unic online",
        [
            (
                "Catalogul de servicii",
                "completed",
                D(2026, 1, 5),
                D(2026, 3, 31),
                D(2026, 1, 5),
                D(2026, 3, 20),
            ),
            ("Formulare online", "in_progress", D(2026, 4, 1), D(2026, 12, 31), D(2026, 4, 10), None),
        ],
    ),
    (
        "chatbot",
        "Asistent virtual",
        [
            (
                "Fluxuri pentru taxe și urbanism",
                "completed",
                D(2026, 2, 1),
                D(2026, 6, 30),
                D(2026, 2, 1),
                D(2026, 7, 31),
            ),
            ("Integrare cu registratura", "in_progress", D(2026, 7, 1), D(2026, 10, 31), D(2026, 8, 1), None),
        ],
    ),
    (
        "skills",
        "Competențe digitale",
        [
            ("Cursuri pentru vârstnici", "in_progress", D(2026, 3, 1), D(2027, 2, 28), D(2026, 3, 1), None),
            ("Fluturași în cartiere", "cancelled", D(2026, 5, 1), D(2026, 6, 30), None, None),
        ],
    ),
    (
        "qr_buildings",
        "Coduri QR pe clădiri publice",
        [
            (
                "Inventarul clădirilor",
                "completed",
                D(2026, 1, 10),
                D(2026, 4, 30),
                D(2026, 1, 10),
                D(2026, 4, 15),
            ),
            ("Plăcuțe QR", "not_started", D(2026, 9, 1), D(2026, 12, 15), None, None),
        ],
    ),
    (
        "map",
        "Harta interactivă",
        [
            ("Straturi tematice", "in_progress", D(2026, 2, 1), D(2026, 8, 31), D(2026, 2, 15), None),
        ],
    ),
    (
        "opendata",
        "Portal de date deschise",
        [
            (
                "Primele 20 de seturi de date",
                "completed",
                D(2026, 3, 1),
                D(2026, 9, 30),
                D(2026, 3, 1),
                D(2026, 9, 1),
            ),
            ("API CKAN", "not_started", D(2027, 1, 1), D(2027, 6, 30), None, None),
        ],
    ),
    (
        "cctv",
        "Supraveghere video, etapa 1: parcări",
        [
            ("Achiziție camere", "completed", D(2026, 1, 15), D(2026, 5, 31), D(2026, 1, 15), D(2026, 6, 20)),
            (
                "Montaj și punere în funcțiune",
                "in_progress",
                D(2026, 6, 1),
                D(2026, 10, 31),
                D(2026, 6, 25),
                None,
            ),
            (
                "Registru public de transparență",
                "completed",
                D(2026, 6, 1),
                D(2026, 7, 31),
                D(2026, 6, 1),
                D(2026, 7, 20),
            ),
        ],
    ),
]

# (solution, source, funder, amount RON, committed on)
FUNDING = [
    ("portal", "city", "Municipiul Arad", Decimal("850000"), D(2026, 1, 10)),
    ("chatbot", "city", "Municipiul Arad", Decimal("320000"), D(2026, 1, 10)),
    ("chatbot", "ecosystem", "Universitatea Aurel Vlaicu", Decimal("45000"), D(2026, 3, 2)),
    ("skills", "ecosystem", "Camera de Comerț Arad", Decimal("120000"), D(2026, 2, 14)),
    ("skills", "partner_city", "Gyula", Decimal("60000"), D(2026, 4, 1)),
    ("qr_buildings", "city", "Municipiul Arad", Decimal("75000"), D(2026, 1, 10)),
    ("map", "city", "Municipiul Arad", Decimal("410000"), D(2026, 1, 10)),
    ("opendata", "partner_city", "Szeged", Decimal("95000"), D(2026, 5, 5)),
    ("cctv", "city", "Municipiul Arad", Decimal("2400000"), D(2026, 1, 10)),
    ("cctv", "ecosystem", "Compania de Transport Public Arad", Decimal("180000"), D(2026, 4, 20)),
]
