"""The places API the chatbot calls (/api/v1/gis/places): names found without diacritics, in other
word forms, best match first; hidden layers stay hidden."""

from __future__ import annotations

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command

from gis.models import Layer, PublicBuilding
from portal.search.text import fold
from tests.factories import FeatureFactory, LayerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_map(db) -> None:
    call_command("load_demo_map", verbosity=0)


def _places(client, q: str) -> list[str]:
    response = client.get("/api/v1/gis/places", {"q": q, "limit": 10})
    assert response.status_code == 200
    return [p["name"] for p in response.json()]


def test_a_new_feature_is_found_without_diacritics_and_in_other_forms(client, demo_map):
    layer = Layer.objects.filter(public=True).first()
    FeatureFactory(layer=layer, name="Fântâna Țesătoarelor", geometry=Point(21.31, 46.18))
    assert _places(client, "fantana tesatoarelor")[0] == "Fântâna Țesătoarelor"
    assert "Fântâna Țesătoarelor" in _places(client, "fântânii")
    assert "Fântâna Țesătoarelor" in _places(client, "FANTANA")


def test_hidden_layers_and_deleted_features_are_not_found(client, demo_map):
    layer = Layer.objects.filter(public=True).first()
    hidden = LayerFactory(module=layer.module, key="ascuns", title="Ascuns", public=False)
    FeatureFactory(layer=hidden, name="Depozitul Șanțului", geometry=Point(21.3, 46.1))
    shown = FeatureFactory(layer=layer, name="Podul Șanțului", geometry=Point(21.3, 46.1))
    assert _places(client, "santului") == ["Podul Șanțului"]
    shown.delete()
    assert _places(client, "santului") == []


def test_every_published_building_is_found_by_its_folded_name(client, demo_map):
    buildings = list(PublicBuilding.objects.filter(published=True))
    assert buildings
    for building in buildings:
        assert building.name in _places(client, fold(building.name)), building.name


def test_better_match_first(client, demo_map):
    layer = Layer.objects.filter(public=True).first()
    for name in ("Strada Grădinilor de la Pădurea Ceala", "Grădina Ceala"):
        FeatureFactory(layer=layer, name=name, geometry=Point(21.3, 46.1))
    assert _places(client, "gradina ceala")[:2] == ["Grădina Ceala", "Strada Grădinilor de la Pădurea Ceala"]


@pytest.mark.parametrize("q", ['"', "a" * 5000, "NOT AND", "Piața*", "(", "'; --"])
def test_any_query_is_answered(client, demo_map, q):
    assert isinstance(_places(client, q), list)


def test_imported_names_are_found_and_reimports_keep_the_index_in_step(client, demo_map, tmp_path):
    from gis.models import ImportJob
    from gis.services.importer import run_import

    layer = Layer.objects.filter(public=True).first()

    def load(rows: str, name: str) -> None:
        path = tmp_path / name
        path.write_text("id;name;lat;lon\n" + rows, encoding="utf-8")
        job = ImportJob.objects.create(layer=layer, file_name=name, path=str(path), id_field="id")
        assert run_import(job=job, replace=True).status == ImportJob.Status.DONE

    load("q1;Fântâna Mureșenilor;46.17;21.31\nq2;Podul Traian;46.18;21.32\n", "a.csv")
    assert _places(client, "fantana muresenilor") == ["Fântâna Mureșenilor"]
    load("q1;Havuzul Mureșenilor;46.17;21.31\n", "b.csv")
    assert _places(client, "fantana muresenilor") == []
    assert _places(client, "havuzul muresenilor") == ["Havuzul Mureșenilor"]
    assert _places(client, "podul traian") == []
