"""Search in Romanian, Hungarian and English behind one interface.

Apps index their objects' text per language (`index`, `remove`) and ask for the keys that match
a query, best first (`search`, `keys`). Words match in other forms (Snowball stems) and without
diacritics; a query is plain words, so no input is ever a syntax error. PostgreSQL uses its
full-text search (unaccent + per-language configurations, ts_rank); SQLite uses FTS5 over stems
made in Python (bm25). Apps `register` a kind with a function listing every object's texts so that
`rebuild` (the `rebuild_search_index` command) can remake the index from the data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from .text import clean, query_words


@dataclass(frozen=True)
class Text:
    """An object's text in one language; the title weighs more than the body."""

    language: str
    title: str
    body: str = ""


@dataclass(frozen=True)
class Hit:
    key: str
    score: float


Documents = Callable[[], Iterable[tuple[Any, Iterable[Text]]]]
_registry: dict[str, Documents] = {}


def _backend() -> Any:
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite


def register(kind: str, documents: Documents) -> None:
    """Declare a kind of object and how to list every object's (key, texts) for `rebuild`."""
    _registry[kind] = documents


def kinds() -> list[str]:
    return sorted(_registry)


def index(kind: str, key: Any, texts: Iterable[Text]) -> None:
    """Make the index hold exactly `texts` for the object (`kind`, `key`)."""
    index_many(kind, [(key, texts)])


@transaction.atomic
def index_many(kind: str, items: Iterable[tuple[Any, Iterable[Text]]]) -> int:
    """Make the index hold exactly these texts for many objects of `kind` at once (bulk inserts,
    one vector update per batch), for imports and `rebuild`; counts the objects."""
    from .models import SearchDocument

    count = 0
    batch: list[tuple[Any, Iterable[Text]]] = []

    def flush() -> None:
        remove_many(kind, [key for key, _ in batch])
        docs = []
        for key, texts in batch:
            for text in texts:
                title, body = clean(text.title).strip(), clean(text.body).strip()
                if title or body:
                    docs.append(
                        SearchDocument(
                            kind=kind, key=str(key), language=text.language, title=title, body=body
                        )
                    )
        SearchDocument.objects.bulk_create(docs)
        _backend().write([(doc.pk, doc.language, doc.title, doc.body) for doc in docs])
        batch.clear()

    for item in items:
        batch.append(item)
        count += 1
        if len(batch) == 1000:
            flush()
    if batch:
        flush()
    return count


@transaction.atomic
def remove(kind: str, key: Any) -> None:
    """Forget the object (`kind`, `key`)."""
    from .models import SearchDocument

    docs = SearchDocument.objects.filter(kind=kind, key=str(key))
    ids = list(docs.values_list("pk", flat=True))
    if ids:
        _backend().delete(ids)
        docs.delete()


@transaction.atomic
def remove_many(kind: str, keys: Iterable[Any]) -> None:
    """Forget the objects of `kind` with these keys."""
    from .models import SearchDocument

    wanted = [str(key) for key in keys]
    for start in range(0, len(wanted), 500):
        docs = SearchDocument.objects.filter(kind=kind, key__in=wanted[start : start + 500])
        ids = list(docs.values_list("pk", flat=True))
        if ids:
            _backend().delete(ids)
            docs.delete()


@transaction.atomic
def rebuild(kind_names: Sequence[str] | None = None) -> dict[str, int]:
    """Remake the index of the registered kinds (all by default) from their data; counts objects."""
    from .models import SearchDocument

    counts = {}
    for kind in kind_names or kinds():
        docs = SearchDocument.objects.filter(kind=kind)
        _backend().delete(list(docs.values_list("pk", flat=True)))
        docs.delete()
        counts[kind] = index_many(kind, _registry[kind]())
    return counts


def search(
    kind: str,
    query: str,
    *,
    operator: str = "and",
    prefix: bool = False,
    languages: Sequence[str] = (),
    limit: int | None = None,
) -> list[Hit]:
    """Objects of `kind` matching the words of `query`, best first. `operator` "and" wants every
    word, "or" any; `prefix` lets words match the start of longer ones; `languages` limits the
    texts looked at. No words (punctuation, operators only) match nothing."""
    words = query_words(query)
    if not words:
        return []
    rows = _backend().query(
        kind, words, operator="or" if operator == "or" else "and", prefix=prefix, languages=languages
    )
    best: dict[str, float] = {}
    for key, score in rows:
        best[key] = max(score, best.get(key, score))
    hits = sorted((Hit(key, score) for key, score in best.items()), key=lambda h: -h.score)
    return hits[:limit] if limit is not None else hits


def matches(kind: str, query: str, *, prefix: bool = False) -> tuple[str, list[Any]] | None:
    """SQL selecting the `key` of every object of `kind` having all the words of `query`, and its
    parameters: unranked and unbounded, to use as a subquery (a count or filter over many matches
    stays in the database); None when the query has no words (it matches nothing)."""
    words = query_words(query)
    if not words:
        return None
    return _backend().matches(kind, words, prefix=prefix)


def keys(kind: str, query: str, **options: Any) -> list[str]:
    """The keys of `search(kind, query, ...)`, best first."""
    return [hit.key for hit in search(kind, query, **options)]
