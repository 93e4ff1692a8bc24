"""Finding what a resident means in a small list (departments, services) without a search engine.

Words are folded (lower case, no diacritics), question words are dropped, and the remaining
words are compared by prefix, so "fiscal", "fiscală" and "fiscale" all match each other.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

STOPWORDS = set(
    # Romanian
    "a ai al ale am ar are as au asta acest aceasta ce cel cea cele cei care cand cat cata cate cu"
    " de din despre da dar dupa e ea el este esti eu fi fie fost iar il in inca intre la le li lui"
    " ma mai mea meu mi mie mele mei ne nu o ori pe pentru pana prin sa sau se si sunt sa te tu un"
    " una unde unei unui va vreau vrea vrem vreti doresc as aveti aveti avem ati imi iti va rog"
    " am nevoie trebuie trebuiesc cum azi acum maine deschis deschide inchide program programul"
    " orar orarul ora ore ore telefon telefonul numar numarul email adresa adresa contact contactul"
    " date datele acte actele documente documentele necesare necesar cost costa taxa pret termen"
    " cerere cererea cereri obtin obtine depun depune merg aduc fac face lucreaza lucrati"
    " tutorial tutoriale curs cursuri ghid ghidul video instructiuni invat exista gasesc caut"
    " set seturi deschise publice despre dataset"
    # English
    " the a an of to for in on at is are be do does did i me my you your we our it its this that"
    " what which when where who how much many can could would should will want need need get got"
    " please there any some about with from by and or not open opening hours hour time times"
    " phone number email address contact details office documents document papers paperwork"
    " required needed need fee fees cost price much long take takes deadline apply application"
    " request tutorial tutorials course courses guide video instructions learn is there find"
    " looking data dataset datasets open public have has had got give show tell know like"
    " would let lets just also any anything something info information regarding related"
    " concerning available download downloads publish published publishes city"
    " hall town municipality yours there's what's where's i'd i'm you've"
    # Hungarian
    " az egy es vagy van vannak volt lesz nem igen hol mi mit milyen milyenek mikor hogyan"
    " kerem szeretnek szeretnem lehet kell kellene tudna tudok adat adatok adatot adatokat"
    " adatkeszlet adatkeszletek nyilt nyilvanos rol rol ról ről errol arrol temaban"
    " kapcsolatban vonatkozo keresek keres talalok letolt letolteni varos varosi"
    # Romanian, more of the question's own words
    " aveti avem are au exista gasi gasesc descarc descarca informatii info legate"
    " privind privire referitor orasul oras primaria municipiul"
    # Hedges and fillers that carry no topic (ro, en, hu)
    " cumva niste vreo vreun vreunul ceva orice oare stiti stii puteti poti spuneti spune"
    " aici toate tot fel dori doriti salut buna ziua"
    " hi hello hey kind sort maybe perhaps currently stuff pls plz thanks you've"
    " esetleg talan barmilyen valami valamilyen hogy kerdes kerdesem lenne szia udv"
    # Hungarian, how opening hours, contacts and requirements are asked
    " nyitva nyitvatartas nyitvatartasa nyitvatartasi nyit nyitnak zar zarnak meddig mettol ma"
    " holnap telefonszam telefonszama telefonszamat cim cime cimet elerhetoseg elerhetosegei"
    " iroda irodaja hol talalhato mennyibe kerul kellenek szukseges iratok dokumentumok"
    " papirok igenyelni igenyelhetek beadni benyujtani hogyan oktatoanyag oktatoanyagot"
    " oktatovideo utmutato tanfolyam videot".split()
)


def fold(text: str) -> str:
    """Lower case without diacritics (ș→s, ă→a, á→a), so typing without them still matches."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def city_words() -> set[str]:
    """The city's own names, folded: every question is about this city, so its name tells
    nothing about the topic. From CITY_NAMES (comma-separated; scripts/rasa.sh sets it from
    the portal's settings.CITY, since the actions never import Django)."""
    return {word for name in os.environ.get("CITY_NAMES", "").split(",") for word in words(name)}


def keywords(text: str) -> list[str]:
    """The words of a message that say *what* is asked about (not how it is asked)."""
    ignored = STOPWORDS | city_words()
    return [w for w in words(text) if len(w) > 2 and w not in ignored]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[: max(4, len(short) - 1)])


def score(query: Sequence[str], text: str) -> int:
    """How many query words appear (by prefix) among the words of `text`."""
    candidates = set(words(text))
    return sum(1 for q in query if any(_same(q, c) for c in candidates))


def best(
    items: Iterable[dict[str, Any]], query: Sequence[str], weights: dict[str, int]
) -> list[dict[str, Any]]:
    """Items with a positive weighted score, best first (fields: item keys → weight)."""
    ranked = []
    for index, item in enumerate(items):
        total = sum(w * score(query, str(item.get(field) or "")) for field, w in weights.items())
        if total > 0:
            ranked.append((-total, index, item))
    ranked.sort(key=lambda row: row[:2])
    return [item for _, _, item in ranked]
