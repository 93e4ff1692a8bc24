"""Public consultations as open data: the comments published after moderation (no author, no
e-mail, no exact time; contact details typed in a comment removed) and the city's answers."""

from __future__ import annotations

import csv
import io

from portal.core.contracts import PublishedDataset, PublishedResource

from . import selectors

COMMENT_FIELDS = [
    "consultation",
    "consultation_title",
    "section",
    "comment_id",
    "date",
    "language",
    "comment",
    "answer_ids",
]
ANSWER_FIELDS = ["consultation", "answer_id", "comment_ids", "answer", "answer_en", "answer_hu"]


def _csv(fields: list[str], rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def comments_csv() -> bytes:
    return _csv(COMMENT_FIELDS, selectors.open_comments())


def answers_csv() -> bytes:
    return _csv(ANSWER_FIELDS, selectors.open_answers())


DATASETS = [
    PublishedDataset(
        key="public-consultation-comments",
        title="Public consultations: residents' comments and the city's answers",
        description=(
            "Comments residents sent on the city hall's draft decisions, regulations and plans "
            "(Law 52/2003 on decisional transparency), as published after moderation, and the answers "
            "the city gave in each consultation's summary report. No names or e-mail addresses; "
            "contact details typed in a comment are removed."
        ),
        organization="",
        resources=[
            PublishedResource(
                "consultation-comments.csv",
                "CSV",
                comments_csv,
                "One row per published comment: consultation, section, day, text, answers.",
            ),
            PublishedResource(
                "consultation-answers.csv",
                "CSV",
                answers_csv,
                "One row per answer in a published report, with the comments it answers.",
            ),
        ],
        tags=["public consultation", "participation", "transparency"],
        themes=["GOVE"],
        frequency="daily",
    )
]
