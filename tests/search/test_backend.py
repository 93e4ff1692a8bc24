"""The search interface on the configured database (SQLite by default, PostGIS via DATABASE_URL)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import search
from portal.search.models import SearchDocument

pytestmark = pytest.mark.django_db
KIND = "test.animal"


def _add(key: str, title: str, body: str = "", language: str = "ro") -> None:
    search.index(KIND, key, [search.Text(language, title, body)])


def test_word_forms_match():
    _add("dogs", "Câinii fără stăpân din Arad")
    _add("chips", "Animale microcipați în 2024")
    _add("cats", "Pisici adoptate")
    assert search.keys(KIND, "câine") == ["dogs"]
    assert search.keys(KIND, "microcip") == ["chips"]
    assert search.keys(KIND, "pisica") == ["cats"]


def test_query_without_diacritics_finds_text_with_them():
    _add("dog", "Câine găsit lângă Piața Avram Iancu")
    _add("other", "Cal găsit")
    assert search.keys(KIND, "caine") == ["dog"]
    assert search.keys(KIND, "piata avram") == ["dog"]
    assert search.keys(KIND, "CAINE gasit") == ["dog"]


def test_cedilla_and_comma_letters_are_the_same():
    _add("square", "Piaţa Teatrului")  # cedilla ţ, as older keyboards type it
    assert search.keys(KIND, "piața teatrul") == ["square"]


def test_english_and_hungarian_texts_match_in_their_languages():
    search.index(
        KIND,
        "stray",
        [
            search.Text("ro", "Câini fără stăpân"),
            search.Text("en", "Stray dogs"),
            search.Text("hu", "Kóbor kutyák"),
        ],
    )
    _add("cat", "Pisici", "")
    assert search.keys(KIND, "dog") == ["stray"]
    assert search.keys(KIND, "kutya") == ["stray"]
    assert search.keys(KIND, "kobor") == ["stray"]
    assert search.keys(KIND, "dog", languages=["ro"]) == []


def test_better_match_ranks_first():
    _add("body", "Raport anual", "Capitolul despre câinii comunitari și vaccinare.")
    _add("title", "Câinii comunitari", "Raport anual despre animale.")
    hits = search.search(KIND, "câini comunitari")
    assert [h.key for h in hits] == ["title", "body"]
    assert hits[0].score > hits[1].score


def test_operator_and_prefix():
    _add("a", "Parcarea de la gară")
    _add("b", "Parcul Eminescu")
    assert search.keys(KIND, "gară eminescu") == []
    assert set(search.keys(KIND, "gară eminescu", operator="or")) == {"a", "b"}
    assert set(search.keys(KIND, "parc", prefix=True)) == {"a", "b"}


def test_reindex_replaces_and_remove_forgets():
    _add("x", "Biblioteca județeană")
    _add("x", "Muzeul de artă")
    assert search.keys(KIND, "biblioteca") == []
    assert search.keys(KIND, "muzeul") == ["x"]
    search.remove(KIND, "x")
    assert search.keys(KIND, "muzeul") == []
    assert not SearchDocument.objects.filter(kind=KIND).exists()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "'",
        "câine\x00",
        "\x00",
        "a" * 10_000,
        "NOT",
        "AND OR",
        "câine*",
        "NEAR(a b)",
        "title:câine",
        "(",
        ")",
        "-câine",
        "^",
        "{}",
        "[a TO b]",
        "a:*",
        "'; DROP TABLE x; --",
        "câine " * 500,
        "🐕",
        "ß",
        "İ",
        "\\",
        "%",
        "_",
    ],
)
def test_any_input_is_answered(query):
    _add("dog", "Câine")
    assert isinstance(search.keys(KIND, query), list)
    assert isinstance(search.keys(KIND, query, prefix=True, operator="or"), list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_random_input_is_answered(query):
    assert isinstance(search.keys(KIND, query, prefix=True), list)


def test_index_text_with_control_characters():
    _add("nul", "Câine\x00 negru", "\x00\x01")
    assert search.keys(KIND, "negru") == ["nul"]


def test_rebuild_command_remakes_registered_kinds():
    rows = {"1": "Teatrul clasic Ioan Slavici", "2": "Gara Arad"}
    search.register("test.place", lambda: ((k, [search.Text("ro", v)]) for k, v in rows.items()))
    SearchDocument.objects.filter(kind="test.place").delete()
    call_command("rebuild_search_index", "test.place", stdout=open("/dev/null", "w"))
    assert search.keys("test.place", "teatrului") == ["1"]
    assert search.keys("test.place", "gării") == ["2"]


def test_index_many_replaces_texts_and_matches_sees_every_object():
    _add("old", "Text vechi despre biciclete")
    count = search.index_many(
        KIND,
        [
            ("old", [search.Text("ro", "Câini fără stăpân")]),
            *((f"dog-{i}", [search.Text("ro", f"Câinele {i}", "găsit în parc")]) for i in range(30)),
        ],
    )
    assert count == 31
    assert search.keys(KIND, "biciclete") == []
    assert len(search.keys(KIND, "câine")) == 31
    sql, params = search.matches(KIND, "caine gasit")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = {key for (key,) in cursor.fetchall()}
    assert found == {f"dog-{i}" for i in range(30)}
    assert search.matches(KIND, "!!!") is None
