"""The training programme's open dataset: participation in aggregate and the k-anonymous
demographic representation. No names, accounts or single answers are ever published."""

from __future__ import annotations

import csv
import io

from portal.core.contracts import PublishedDataset, PublishedResource

from . import selectors


def _csv(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def participation_csv() -> bytes:
    fields = [
        "course",
        "audience",
        "digcomp_level",
        "online_completions",
        "classroom_sessions",
        "classroom_attendees",
        "flyers_handed_out",
    ]
    return _csv(fields, [[row[f] for f in fields] for row in selectors.participation_by_course()])


def representation_csv() -> bytes:
    """One row per demographic category; suppressed cells (fewer than 5 people) are left empty."""
    rows = []
    for table in selectors.demographic_tables():
        for cell in table.cells:
            rows.append(
                [
                    table.dimension,
                    cell.code,
                    "" if cell.count is None else cell.count,
                    "" if cell.share is None else cell.share,
                    "" if cell.population_share is None else cell.population_share,
                ]
            )
    return _csv(["dimension", "category", "people", "share_percent", "population_share_percent"], rows)


DATASETS = [
    PublishedDataset(
        key="training-participation",
        title="Digital-skills training: participation",
        description=(
            "Aggregate participation in the city hall's digital-skills programme: courses completed "
            "online, classroom sessions held, attendees and flyers handed out, per course; and who the "
            "programme reaches by age, gender, community and situation, from a voluntary anonymous form. "
            "Groups of fewer than 5 people are suppressed."
        ),
        organization="Digital skills programme",
        resources=[
            PublishedResource(
                "participation-by-course.csv",
                "CSV",
                participation_csv,
                "Online completions, classroom sessions, attendees and flyers per course.",
            ),
            PublishedResource(
                "representation.csv",
                "CSV",
                representation_csv,
                "Share of trainees per demographic category (small groups suppressed).",
            ),
        ],
        tags=["digital skills", "training", "e-learning"],
        themes=["EDUC", "GOVE"],
        frequency="monthly",
    )
]
