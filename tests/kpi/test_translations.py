"""Every KPI's label and unit is translated, and the dashboards and CSV export speak the
reader's language."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.utils.functional import Promise
from django.utils.translation import override, trans_real

from portal.kpi.registry import discover

WORD = re.compile(r"[a-z]{3,}")  # a word that has a translation, unlike "%", "NPS" or "0-10"


def _in(lang: str, text: object) -> str:
    with override(lang):
        return str(text)


def test_every_kpi_label_and_unit_is_a_translated_lazy_string():
    kpis = list(discover().values())
    assert kpis
    problems = []
    for kpi in kpis:
        for field in ("label", "unit"):
            text = getattr(kpi, field)
            if not isinstance(text, Promise):
                problems.append(f"{kpi.key}.{field} is not a lazy translatable string: {text!r}")
                continue
            english = _in("en", text)
            for lang in ("ro", "hu"):
                translated = _in(lang, text)
                if WORD.search(english):
                    if translated == english:
                        problems.append(f"{kpi.key}.{field} has no {lang} translation: {english!r}")
                elif english not in trans_real.translation(lang)._catalog:  # noqa: SLF001
                    problems.append(f"{kpi.key}.{field} is missing from the {lang} catalogue: {english!r}")
    assert not problems, "\n".join(problems)


def _csv_labels(client, lang: str) -> dict[str, tuple[str, str]]:
    response = client.get(f"/{lang}/kpi/dashboard.csv")
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    found: dict[str, tuple[str, str]] = {}
    for row in rows:  # a KPI comes before the NPS row a solution may share its key with
        found.setdefault(row["indicator"], (row["label"], row["unit"]))
    return found


@pytest.mark.django_db
def test_csv_export_is_in_the_requested_language(client):
    kpis = discover()
    exported = {lang: _csv_labels(client, lang) for lang in ("en", "ro", "hu")}
    romanian_only = set()
    for key, kpi in kpis.items():
        for lang in ("en", "ro", "hu"):
            assert exported[lang][key] == (_in(lang, kpi.label), _in(lang, kpi.unit)), (lang, key)
        if _in("ro", kpi.label) != _in("en", kpi.label):
            romanian_only.add(_in("ro", kpi.label))
    english_labels = {label for label, _unit in exported["en"].values()}
    assert romanian_only and not romanian_only & english_labels
    # the rows beside the KPIs (NPS answers, funding) follow the language too
    assert exported["en"]["cctv.nps_responses"] != exported["ro"]["cctv.nps_responses"]
    assert exported["hu"]["cctv.funding.city"][0] != exported["en"]["cctv.funding.city"][0]


@pytest.mark.django_db
def test_dashboard_shows_labels_and_units_in_the_readers_language(client):
    kpi = discover()["map.layers"]
    html = client.get("/hu/kpi/").content.decode()
    assert _in("hu", kpi.label) in html and _in("hu", kpi.label) != _in("en", kpi.label)
    assert _in("en", kpi.label) not in html
