"""The demo datasets' CSV files, made here so they stay small and reproducible (seeded)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def stops() -> bytes:
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


def parking() -> bytes:
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


def budget() -> bytes:
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


def air() -> bytes:
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
