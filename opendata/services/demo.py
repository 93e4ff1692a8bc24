"""A handful of believable Arad datasets with CSV resources, validated and ingested (idempotent)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from ..models import Dataset, Organization
from . import catalogue

Progress = Callable[[int, int, str], None] | None

ORGANIZATIONS = [
    ("urbanism", "Direcția Urbanism și Transport", "Mobility, parking and public transport data."),
    ("directia-fiscala", "Direcția Fiscală", "Local budget and taxes."),
    ("mediu", "Direcția Mediu", "Air quality and green spaces."),
]


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def _stops() -> bytes:
    stops = [
        (1, "Gara Arad", "1", 46.1920, 21.3289, "true"),
        (2, "Podgoria", "1", 46.1874, 21.3250, "true"),
        (3, "Piața Avram Iancu", "1", 46.1781, 21.3119, "true"),
        (4, "Teatrul Clasic", "2", 46.1736, 21.3170, "true"),
        (5, "Primărie", "2", 46.1756, 21.3192, "true"),
        (6, "Micălaca - Miorița", "3", 46.1901, 21.3474, "false"),
        (7, "Aurel Vlaicu", "3", 46.1842, 21.3040, "true"),
        (8, "Grădiște", "6", 46.1625, 21.3098, "false"),
        (9, "Spitalul Județean", "6", 46.1803, 21.3261, "true"),
        (10, "UTA", "14", 46.1710, 21.3380, "false"),
        (11, "Parcul Industrial Vest", "14", 46.1592, 21.2698, "false"),
        (12, "Pârneava", "16", 46.1808, 21.2957, "true"),
    ]
    return _csv(["stop_id", "stop_name", "line", "lat", "lon", "accessible"], [list(s) for s in stops])


def _parking() -> bytes:
    rng = random.Random(2026)
    lots = [
        ("Parcare Piața Catedralei", 120),
        ("Parcare Primărie", 80),
        ("Parcare Gară", 150),
        ("Parcare Atrium Mall", 400),
    ]
    rows = []
    day = dt.date(2026, 10, 1)
    for offset in range(14):
        for name, capacity in lots:
            rows.append(
                [
                    (day + dt.timedelta(days=offset)).isoformat(),
                    name,
                    capacity,
                    rng.randint(capacity // 3, capacity),
                ]
            )
    return _csv(["date", "parking", "capacity", "occupied"], rows)


def _budget() -> bytes:
    chapters = [
        ("51.02", "Autorități publice", 61_200_000, 58_730_115.42),
        ("54.02", "Alte servicii publice generale", 9_800_000, 8_912_004.10),
        ("61.02", "Ordine publică și siguranță", 24_500_000, 23_004_877.65),
        ("65.02", "Învățământ", 188_300_000, 176_220_310.00),
        ("66.02", "Sănătate", 41_000_000, 36_541_280.91),
        ("67.02", "Cultură, recreere și religie", 72_600_000, 64_113_922.37),
        ("68.02", "Asigurări și asistență socială", 95_400_000, 91_870_451.05),
        ("70.02", "Locuințe, servicii și dezvoltare publică", 130_900_000, 101_450_018.22),
        ("74.02", "Protecția mediului", 58_200_000, 55_016_300.48),
        ("84.02", "Transporturi", 214_700_000, 167_300_995.73),
    ]
    return _csv(["chapter", "name", "budgeted", "executed"], [list(c) for c in chapters])


def _air() -> bytes:
    rng = random.Random(46)
    rows = []
    for station in ("AR-1 Bulevardul Revoluției", "AR-2 Micălaca", "AR-3 Vladimirescu"):
        for offset in range(30):
            day = dt.date(2026, 10, 1) + dt.timedelta(days=offset)
            rows.append(
                [
                    day.isoformat(),
                    station,
                    round(rng.uniform(12, 58), 1),
                    round(rng.uniform(6, 35), 1),
                    round(rng.uniform(10, 45), 1),
                ]
            )
    return _csv(["date", "station", "pm10", "pm25", "no2"], rows)


def _f(id_: str, type_: str, description: str, unit: str = "") -> dict[str, str]:
    return {"id": id_, "type": type_, "description": description, "unit": unit}


@dataclass(frozen=True)
class DemoDataset:
    name: str
    org: str
    title: str
    notes: str
    tags: list[str]
    themes: list[str]
    frequency: str
    filename: str
    content: Callable[[], bytes]
    fields: list[dict[str, str]]


DATASETS = [
    DemoDataset(
        "statii-transport-public",
        "urbanism",
        "Stații de transport public Arad",
        "Stațiile de tramvai și autobuz ale **CTP Arad**, cu liniile care le deservesc, "
        "coordonatele WGS84 și accesibilitatea pentru persoanele cu dizabilități.",
        ["transport", "tramvai", "autobuz", "accesibilitate"],
        ["TRAN", "REGI"],
        "MONTHLY",
        "statii-transport-public.csv",
        _stops,
        [
            _f("stop_id", "int", "Identificatorul stației"),
            _f("stop_name", "text", "Numele stației"),
            _f("line", "text", "Linia"),
            _f("lat", "numeric", "Latitudine", "grade"),
            _f("lon", "numeric", "Longitudine", "grade"),
            _f("accessible", "bool", "Acces fără trepte"),
        ],
    ),
    DemoDataset(
        "ocupare-parcari",
        "urbanism",
        "Gradul de ocupare al parcărilor publice",
        "Ocuparea zilnică medie a parcărilor publice administrate de municipiu.",
        ["parcare", "mobilitate"],
        ["TRAN"],
        "DAILY",
        "ocupare-parcari.csv",
        _parking,
        [
            _f("date", "date", "Ziua"),
            _f("parking", "text", "Parcarea"),
            _f("capacity", "int", "Locuri", "locuri"),
            _f("occupied", "int", "Locuri ocupate", "locuri"),
        ],
    ),
    DemoDataset(
        "executie-buget-local-2025",
        "directia-fiscala",
        "Execuția bugetului local 2025",
        "Bugetul local al municipiului Arad pe capitole: prevederi anuale și plăți efectuate.",
        ["buget", "finanțe"],
        ["ECON", "GOVE"],
        "ANNUAL",
        "executie-buget-2025.csv",
        _budget,
        [
            _f("chapter", "text", "Capitolul bugetar"),
            _f("name", "text", "Denumirea"),
            _f("budgeted", "numeric", "Prevederi anuale", "RON"),
            _f("executed", "numeric", "Plăți", "RON"),
        ],
    ),
    DemoDataset(
        "calitatea-aerului",
        "mediu",
        "Calitatea aerului în Arad",
        "Concentrații medii zilnice de particule (PM10, PM2,5) și dioxid de azot la "
        "stațiile de monitorizare din oraș.",
        ["aer", "poluare", "mediu"],
        ["ENVI", "HEAL"],
        "DAILY",
        "calitatea-aerului.csv",
        _air,
        [
            _f("date", "date", "Ziua"),
            _f("station", "text", "Stația"),
            _f("pm10", "numeric", "PM10", "µg/m³"),
            _f("pm25", "numeric", "PM2,5", "µg/m³"),
            _f("no2", "numeric", "NO2", "µg/m³"),
        ],
    ),
]


# English and Hungarian titles and descriptions of the demo datasets (CKAN fluent fields).
TRANSLATIONS: dict[str, dict[str, tuple[str, str]]] = {
    "statii-transport-public": {
        "en": (
            "Arad public transport stops",
            "Tram and bus stops of **CTP Arad**, with the lines serving them, WGS84 coordinates "
            "and accessibility for people with disabilities.",
        ),
        "hu": (
            "Aradi tömegközlekedési megállók",
            "A **CTP Arad** villamos- és buszmegállói, az őket kiszolgáló vonalakkal, WGS84 "
            "koordinátákkal és a fogyatékossággal élők számára való akadálymentességgel.",
        ),
    },
    "ocupare-parcari": {
        "en": (
            "Occupancy of public car parks",
            "Average daily occupancy of the public car parks run by the municipality.",
        ),
        "hu": (
            "A nyilvános parkolók kihasználtsága",
            "A város által üzemeltetett nyilvános parkolók átlagos napi kihasználtsága.",
        ),
    },
    "executie-buget-local-2025": {
        "en": (
            "Local budget execution 2025",
            "The local budget of the municipality of Arad by chapter: yearly estimates and payments made.",
        ),
        "hu": (
            "A 2025-ös helyi költségvetés végrehajtása",
            "Arad municípium helyi költségvetése fejezetenként: éves előirányzatok és "
            "teljesített kifizetések.",
        ),
    },
    "calitatea-aerului": {
        "en": (
            "Air quality in Arad",
            "Average daily concentrations of particulate matter (PM10, PM2.5) and nitrogen dioxide "
            "at the city's monitoring stations.",
        ),
        "hu": (
            "Levegőminőség Aradon",
            "A szálló por (PM10, PM2,5) és a nitrogén-dioxid átlagos napi koncentrációja a város "
            "mérőállomásain.",
        ),
    },
}


def _translated(demo: DemoDataset, index: int) -> dict[str, str]:
    return {lang: texts[index] for lang, texts in TRANSLATIONS.get(demo.name, {}).items()}


@transaction.atomic
def load_demo(*, progress: Progress = None) -> dict[str, int]:
    """Upsert the demo organizations and datasets; unchanged files are not re-ingested."""
    from portal.services.models import DepartmentPage

    counts = {"created": 0, "updated": 0, "files": 0}
    total = len(ORGANIZATIONS) + len(DATASETS)
    step = 0
    for name, title, description in ORGANIZATIONS:
        step += 1
        department = DepartmentPage.objects.filter(slug=name, locale__language_code="ro").first()
        catalogue.save_organization(name=name, title=title, description=description, department=department)
        if progress:
            progress(step, total, f"organization {name}")
    for demo in DATASETS:
        step += 1
        data = {
            "name": demo.name,
            "title": demo.title,
            "notes": demo.notes,
            "title_translated": _translated(demo, 0),
            "notes_translated": _translated(demo, 1),
            "owner_org": demo.org,
            "license_id": "CC-BY-4.0",
            "tags": [{"name": t} for t in demo.tags],
            "groups": [{"name": c.lower()} for c in demo.themes],
            "extras": [
                {"key": "frequency", "value": demo.frequency},
                {"key": "contact_name", "value": Organization.objects.get(name=demo.org).title},
                {"key": "contact_email", "value": "opendata@primariaarad.example"},
                {"key": "temporal_start", "value": "2025-01-01"},
            ],
        }
        dataset = Dataset.objects.filter(name=demo.name).first()
        if dataset is None:
            dataset = catalogue.create_package(data=data)
            counts["created"] += 1
        else:
            dataset = catalogue.update_package(dataset=dataset, data=data, partial=True)
            counts["updated"] += 1
        content = demo.content()
        resource = dataset.resources.filter(name=demo.filename).first()
        if resource is None:
            resource = catalogue.create_resource(
                dataset=dataset, data={"name": demo.filename, "format": "CSV", "fields": demo.fields}
            )
        if resource.hash != hashlib.sha256(content).hexdigest():
            resource.fields = demo.fields
            catalogue.attach_file(resource=resource, filename=demo.filename, content=content)
            counts["files"] += 1
        if progress:
            progress(step, total, f"dataset {demo.name}")
    return counts
