"""SQLite: an FTS5 table (`search_fts`, rowid = the document's id) over Python-made stems, with
diacritics folded by the tokenizer (remove_diacritics 2); ranked by bm25, titles weighing more."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from .text import index_terms, query_alternatives

TITLE_WEIGHT = 10.0
MAX_ROWS = 5000


def create_sql() -> str:
    return (
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def write(rows: Sequence[tuple[int, str, str, str]]) -> None:
    """Index (document id, language, title, body) rows."""
    with connection.cursor() as cursor:
        for pk, language, title, body in rows:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [pk])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
                [pk, " ".join(index_terms(title, language)), " ".join(index_terms(body, language))],
            )


def delete(ids: Sequence[int]) -> None:
    with connection.cursor() as cursor:
        for pk in ids:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [pk])


def _match(words: list[str], operator: str, prefix: bool) -> str:
    star = "*" if prefix else ""
    groups = [query_alternatives(word) for word in words]
    parts = ["(" + " OR ".join(f'"{form}"{star}' for form in forms) + ")" for forms in groups]
    return f" {operator.upper()} ".join(parts)


def matches(kind: str, words: list[str], *, prefix: bool) -> tuple[str, list]:
    """SQL selecting the keys of the documents of `kind` having every word (in some form)."""
    sql = (
        "SELECT d.key FROM search_fts JOIN search_document d ON d.id = search_fts.rowid "
        "WHERE search_fts MATCH %s AND d.kind = %s"
    )
    return sql, [_match(words, "and", prefix), kind]


def query(
    kind: str, words: list[str], *, operator: str, prefix: bool, languages: Sequence[str]
) -> list[tuple[str, float]]:
    """(key, score) of the documents of `kind` matching `words` (each in some form), best first."""
    sql = (
        "SELECT d.key, bm25(search_fts, %s, 1.0) FROM search_fts "
        "JOIN search_document d ON d.id = search_fts.rowid "
        "WHERE search_fts MATCH %s AND d.kind = %s"
    )
    params: list = [TITLE_WEIGHT, _match(words, operator, prefix), kind]
    if languages:
        sql += " AND d.language IN (" + ", ".join(["%s"] * len(languages)) + ")"
        params += list(languages)
    sql += f" ORDER BY 2 LIMIT {MAX_ROWS}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(key, -score) for key, score in cursor.fetchall()]
