"""Words, diacritic folding and Snowball stems, computed in Python (the same on every database)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_WORDS = 32
MAX_WORD_LENGTH = 64
MAX_QUERY_LENGTH = 1000
STEMMERS = {"ro": "romanian", "hu": "hungarian", "en": "english"}
WORD_RE = re.compile(r"[^\W_]+")
# Romanian is often typed with the older cedilla letters; Snowball wants the comma ones.
CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})


def clean(text: str) -> str:
    """`text` without NUL and other control characters."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text or "")


def fold(text: str) -> str:
    """Lower case without diacritics: ș→s, ă/â→a, î→i, ő→o."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words of `text` in lower case (diacritics kept), cedillas made commas."""
    return WORD_RE.findall(clean(text).casefold().translate(CEDILLA))


@lru_cache(maxsize=8)
def _stemmer(language: str):  # noqa: ANN202 - snowballstemmer has no types
    return snowballstemmer.stemmer(STEMMERS[language])


def stem(word: str, language: str) -> str:
    """The Snowball stem of `word` in `language` (the word itself for other languages)."""
    if language not in STEMMERS or len(word) > MAX_WORD_LENGTH:
        return word
    return _stemmer(language).stemWord(word)


def index_terms(text: str, language: str) -> list[str]:
    """What the index holds for `text`: every word's stem, folded, and the folded word."""
    terms: list[str] = []
    for word in words(text):
        terms.append(fold(stem(word, language)))
        folded = fold(word)
        if folded != terms[-1]:
            terms.append(folded)
    return terms


def query_words(query: str) -> list[str]:
    """The words of a query, bounded in number and length; search syntax is ignored."""
    found = [w[:MAX_WORD_LENGTH] for w in words((query or "")[:MAX_QUERY_LENGTH])]
    return list(dict.fromkeys(found))[:MAX_WORDS]


def query_alternatives(word: str) -> list[str]:
    """The folded forms a query word may take in the index: itself and its stem in each language."""
    forms = [fold(word)] + [fold(stem(word, lang)) for lang in STEMMERS]
    forms += [fold(stem(fold(word), lang)) for lang in STEMMERS]  # typed without diacritics
    return [f for f in dict.fromkeys(forms) if f]
