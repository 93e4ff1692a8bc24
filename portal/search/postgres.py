"""PostgreSQL: a weighted tsvector per document in the language's Snowball configuration over
unaccent()ed text (plus the 'simple' one, so exact words and stop words match too); ranked by
ts_rank."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from .text import fold

CONFIGS = {"ro": "romanian", "hu": "hungarian", "en": "english"}
MAX_ROWS = 5000


def config(language: str) -> str:
    return CONFIGS.get(language, "simple")


def write(rows: Sequence[tuple[int, str, str, str]]) -> None:
    """Compute the vectors of (document id, language, title, body) rows, in one statement."""
    if not rows:
        return
    ids, configs, titles, bodies = (list(column) for column in zip(*rows, strict=True))
    configs = [config(language) for language in configs]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_document d SET vector ="
            " setweight(to_tsvector(v.cfg::regconfig, unaccent(v.title)), 'A')"
            " || setweight(to_tsvector('simple', unaccent(v.title)), 'A')"
            " || setweight(to_tsvector(v.cfg::regconfig, unaccent(v.body)), 'B')"
            " || setweight(to_tsvector('simple', unaccent(v.body)), 'B')"
            " FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS v(id, cfg, title, body)"
            " WHERE d.id = v.id",
            [ids, configs, titles, bodies],
        )


def delete(ids: Sequence[int]) -> None:
    """Nothing to do: the vector goes with its row."""


def _tsquery(words: list[str], operator: str, prefix: bool) -> tuple[str, list[str]]:
    suffix = " || ':*'" if prefix else ""
    joiner = " && " if operator == "and" else " || "
    sql_parts, params = [], []
    for word in words:
        alternatives = []
        for form in dict.fromkeys([word, fold(word)]):
            for cfg in ("simple", *CONFIGS.values()):
                alternatives.append(f"to_tsquery('{cfg}', quote_literal(unaccent(%s)){suffix})")
                params.append(form)
        sql_parts.append("(" + " || ".join(alternatives) + ")")
    return joiner.join(sql_parts), params


def matches(kind: str, words: list[str], *, prefix: bool) -> tuple[str, list]:
    """SQL selecting the keys of the documents of `kind` having every word (in some form)."""
    tsquery, params = _tsquery(words, "and", prefix)
    return f"SELECT d.key FROM search_document d WHERE d.kind = %s AND d.vector @@ ({tsquery})", [
        kind,
        *params,
    ]


def query(
    kind: str, words: list[str], *, operator: str, prefix: bool, languages: Sequence[str]
) -> list[tuple[str, float]]:
    """(key, score) of the documents of `kind` matching `words` (each in some form), best first."""
    tsquery, params = _tsquery(words, operator, prefix)
    sql = (
        f"SELECT d.key, ts_rank(d.vector, q.q) FROM search_document d, (SELECT {tsquery} AS q) q "
        "WHERE d.kind = %s AND d.vector @@ q.q"
    )
    params.append(kind)
    if languages:
        sql += " AND d.language IN (" + ", ".join(["%s"] * len(languages)) + ")"
        params += list(languages)
    sql += f" ORDER BY 2 DESC LIMIT {MAX_ROWS}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(key, float(score)) for key, score in cursor.fetchall()]
