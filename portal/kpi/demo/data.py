"""The demo plan of Arad: each solution's initiatives with their activities, and the funding
committed to them by the city, other ecosystem players and partner cities."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

D = dt.date


@dataclass(frozen=True)
class ActivityData:
    """One roadmap activity; actual dates stay empty until it starts or ends."""

    title: str
    status: str  # an Activity.status
    planned_start: dt.date
    planned_end: dt.date
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None


@dataclass(frozen=True)
class InitiativeData:
    solution: str  # a key of portal.kpi.registry.SOLUTIONS
    title: str
    activities: tuple[ActivityData, ...]


@dataclass(frozen=True)
class FundingData:
    solution: str
    source: str  # city, ecosystem or partner_city
    funder: str
    amount: Decimal  # RON
    committed_on: dt.date


ROADMAP: tuple[InitiativeData, ...] = (
    InitiativeData(
        "portal",
        "Ghișeu unic online",
        (
            ActivityData(
                "Catalogul de servicii",
                "completed",
                D(2026, 1, 5),
                D(2026, 3, 31),
                D(2026, 1, 5),
                D(2026, 3, 20),
            ),
            ActivityData("Formulare online", "in_progress", D(2026, 4, 1), D(2026, 12, 31), D(2026, 4, 10)),
        ),
    ),
    InitiativeData(
        "chatbot",
        "Asistent virtual",
        (
            ActivityData(
                "Fluxuri pentru taxe și urbanism",
                "completed",
                D(2026, 2, 1),
                D(2026, 6, 30),
                D(2026, 2, 1),
                D(2026, 7, 31),
            ),
            ActivityData(
                "Integrare cu registratura", "in_progress", D(2026, 7, 1), D(2026, 10, 31), D(2026, 8, 1)
            ),
        ),
    ),
    InitiativeData(
        "skills",
        "Competențe digitale",
        (
            ActivityData(
                "Cursuri pentru vârstnici", "in_progress", D(2026, 3, 1), D(2027, 2, 28), D(2026, 3, 1)
            ),
            ActivityData("Fluturași în cartiere", "cancelled", D(2026, 5, 1), D(2026, 6, 30)),
        ),
    ),
    InitiativeData(
        "qr_buildings",
        "Coduri QR pe clădiri publice",
        (
            ActivityData(
                "Inventarul clădirilor",
                "completed",
                D(2026, 1, 10),
                D(2026, 4, 30),
                D(2026, 1, 10),
                D(2026, 4, 15),
            ),
            ActivityData("Plăcuțe QR", "not_started", D(2026, 9, 1), D(2026, 12, 15)),
        ),
    ),
    InitiativeData(
        "map",
        "Harta interactivă",
        (ActivityData("Straturi tematice", "in_progress", D(2026, 2, 1), D(2026, 8, 31), D(2026, 2, 15)),),
    ),
    InitiativeData(
        "opendata",
        "Portal de date deschise",
        (
            ActivityData(
                "Primele 20 de seturi de date",
                "completed",
                D(2026, 3, 1),
                D(2026, 9, 30),
                D(2026, 3, 1),
                D(2026, 9, 1),
            ),
            ActivityData("API CKAN", "not_started", D(2027, 1, 1), D(2027, 6, 30)),
        ),
    ),
    InitiativeData(
        "cctv",
        "Supraveghere video, etapa 1: parcări",
        (
            ActivityData(
                "Achiziție camere",
                "completed",
                D(2026, 1, 15),
                D(2026, 5, 31),
                D(2026, 1, 15),
                D(2026, 6, 20),
            ),
            ActivityData(
                "Montaj și punere în funcțiune", "in_progress", D(2026, 6, 1), D(2026, 10, 31), D(2026, 6, 25)
            ),
            ActivityData(
                "Registru public de transparență",
                "completed",
                D(2026, 6, 1),
                D(2026, 7, 31),
                D(2026, 6, 1),
                D(2026, 7, 20),
            ),
        ),
    ),
)

FUNDING: tuple[FundingData, ...] = (
    FundingData("portal", "city", "Municipiul Arad", Decimal("850000"), D(2026, 1, 10)),
    FundingData("chatbot", "city", "Municipiul Arad", Decimal("320000"), D(2026, 1, 10)),
    FundingData("chatbot", "ecosystem", "Universitatea Aurel Vlaicu", Decimal("45000"), D(2026, 3, 2)),
    FundingData("skills", "ecosystem", "Camera de Comerț Arad", Decimal("120000"), D(2026, 2, 14)),
    FundingData("skills", "partner_city", "Gyula", Decimal("60000"), D(2026, 4, 1)),
    FundingData("qr_buildings", "city", "Municipiul Arad", Decimal("75000"), D(2026, 1, 10)),
    FundingData("map", "city", "Municipiul Arad", Decimal("410000"), D(2026, 1, 10)),
    FundingData("opendata", "partner_city", "Szeged", Decimal("95000"), D(2026, 5, 5)),
    FundingData("cctv", "city", "Municipiul Arad", Decimal("2400000"), D(2026, 1, 10)),
    FundingData("cctv", "ecosystem", "Compania de Transport Public Arad", Decimal("180000"), D(2026, 4, 20)),
)
