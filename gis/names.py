"""Matching place names as people type them: without diacritics ("Piata" finds "Piața",
"Sarbu" finds "Șarbu") and in other word forms ("Teatrul" finds "Teatrului", "gara" finds
"Gării"). Pure functions, the same on SQLite and PostGIS (the names are compared in Python)."""

from __future__ import annotations

import os
import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics: ș/ş→s, ț/ţ→t, ă/â→a, î→i, á/ő→a/o."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def same_word(a: str, b: str) -> bool:
    """The same word in another form: equal, or sharing all but the last one or two letters of
    the shorter word (two when it is long), never fewer than three letters."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 4 or not a.isalpha() or not b.isalpha():
        return False
    common = len(os.path.commonprefix([a, b]))
    return common >= max(3, shorter - (2 if shorter >= 8 else 1))


def rank(query: str, name: str) -> int | None:
    """0 when the folded name contains the folded query, 1 when every word of the query (of
    three letters or more) matches a word of the name in some form, None when it does not match."""
    folded_query, folded_name = fold(query).strip(), fold(name)
    if not folded_query:
        return None
    if folded_query in folded_name:
        return 0
    wanted = [w for w in words(query) if len(w) >= 3]
    have = words(name)
    if wanted and all(any(same_word(w, h) for h in have) for w in wanted):
        return 1
    return None
