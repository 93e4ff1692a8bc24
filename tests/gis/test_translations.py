"""Map texts entered by staff in several languages: the reader's language, else the original
marked with its language (pages) or named in a `*_lang` field (APIs)."""

from __future__ import annotations

import re

import pytest
from django.contrib.gis.geos import Point

from gis.models import Layer
from tests.factories import (
    BuildingEntranceFactory,
    FeatureFactory,
    LayerFactory,
    ModuleFactory,
    PublicBuildingFactory,
)


@pytest.fixture
def layer(db) -> Layer:
    layer = LayerFactory(
        module=ModuleFactory(
            key="test-safety", title="Siguranță în oraș", title_en="Safety in town", order=1
        ),
        key="test-parking",
        title="Parcări de test",
        title_en="Test car parks",
        title_hu="Teszt parkolók",
        description="Parcări administrate de primărie.",
        description_hu="A városháza parkolói.",
    )
    FeatureFactory(layer=layer, name="Parcarea Zorilor", geometry=Point(21.31, 46.18, srid=4326))
    return layer


def _by_key(rows: list[dict], key: str) -> dict:
    return next(row for row in rows if row["key"] == key)


def test_layers_api_gives_the_asked_language_and_names_the_fallback(client, layer):
    en = _by_key(client.get("/api/v1/gis/layers", {"lang": "en"}).json(), layer.key)
    assert (en["title"], en["title_lang"]) == (layer.title_en, "en")
    assert (en["module_title"], en["module_title_lang"]) == (layer.module.title_en, "en")
    assert (en["description"], en["description_lang"]) == (layer.description, "ro")

    hu = _by_key(client.get("/api/v1/gis/layers", {"lang": "hu"}).json(), layer.key)
    assert (hu["title"], hu["title_lang"]) == (layer.title_hu, "hu")
    assert (hu["module_title"], hu["module_title_lang"]) == (layer.module.title, "ro")
    assert (hu["description"], hu["description_lang"]) == (layer.description_hu, "hu")

    ro = _by_key(client.get("/api/v1/gis/layers", {"lang": "ro"}).json(), layer.key)
    assert (ro["title"], ro["title_lang"]) == (layer.title, "ro")


def test_layers_api_follows_accept_language_without_lang(client, layer):
    rows = client.get("/api/v1/gis/layers", headers={"accept-language": "hu"}).json()
    assert _by_key(rows, layer.key)["title"] == layer.title_hu


def test_live_layers_are_in_the_asked_language(client, db):
    from django.utils.translation import override

    from gis.maplayers import LAYERS

    live = LAYERS[0]
    with override("hu"):
        expected = str(live.title)
    with override("ro"):
        assert str(live.title) != expected  # the catalogue really translates it
    row = _by_key(client.get("/api/v1/gis/layers", {"lang": "hu"}).json(), live.key)
    assert (row["title"], row["title_lang"]) == (expected, "hu")


def test_ogc_collections_are_in_the_asked_language(client, layer):
    body = client.get("/ogcapi/collections", {"lang": "en", "f": "json"}).json()
    collection = next(c for c in body["collections"] if c["id"] == layer.key)
    assert (collection["title"], collection["title_lang"]) == (layer.title_en, "en")
    assert (collection["description"], collection["description_lang"]) == (layer.description, "ro")
    one = client.get(f"/ogcapi/collections/{layer.key}", {"lang": "hu", "f": "json"}).json()
    assert (one["title"], one["title_lang"]) == (layer.title_hu, "hu")


def test_map_page_marks_untranslated_titles_with_their_language(client, layer):
    html = client.get("/hu/map/").content.decode()
    assert f'<legend lang="ro">{layer.module.title}</legend>' in html
    assert f"<span>{layer.title_hu}</span>" in html
    english = client.get("/en/map/").content.decode()
    assert f"<legend>{layer.module.title_en}</legend>" in english
    assert f'lang="ro">{layer.module.title}' not in english


def test_feature_and_list_pages_mark_untranslated_titles(client, layer):
    feature = layer.features.get()
    page = client.get(f"/hu/map/features/{layer.key}/{feature.pk}/").content.decode()
    assert f'<span lang="ro">{layer.module.title}</span>' in page
    assert f"<span>{layer.title_hu}</span>" in page
    listing = client.get("/en/map/list/", {"layer": layer.key}).content.decode()
    assert f'<caption id="features-caption"><span>{layer.title_en}</span>' in listing


@pytest.mark.parametrize("lang", ["en", "hu", "ro"])
def test_map_search_links_keep_the_readers_language(client, layer, lang):
    feature = layer.features.get()
    html = client.get(f"/{lang}/map/", {"q": feature.name}).content.decode()
    links = re.findall(r'href="([^"]*/map/features/[^"]*)"', html)
    assert links, html
    assert all(link.startswith(f"/{lang}/") for link in links), links


@pytest.fixture
def building(db):
    building = PublicBuildingFactory(
        name="Casa de test",
        slug="casa-de-test",
        address="Str. Test 1, Arad",
        location=Point(21.31, 46.17, srid=4326),
        description="Clădire de test cu ghișeu la parter.",
        description_en="A test building with a counter on the ground floor.",
        accessibility_notes="Rampă la intrarea laterală.",
    )
    BuildingEntranceFactory(
        building=building, name="Intrarea laterală", name_hu="Oldalsó bejárat", description="lângă parcare"
    )
    return building


def test_building_page_shows_translations_and_marks_the_originals(client, building):
    entrance = building.entrances.get()
    english = client.get(f"/en/map/buildings/{building.slug}/").content.decode()
    assert f"<p>{building.description_en}</p>" in english
    assert f'<span lang="ro">{building.accessibility_notes}</span>' in english
    assert f'<span lang="ro">{entrance.name}</span>' in english
    hungarian = client.get(f"/hu/map/buildings/{building.slug}/").content.decode()
    assert f"<strong>{entrance.name_hu}</strong>" in hungarian
    assert f'<span lang="ro">{entrance.description}</span>' in hungarian
    assert f'<span lang="ro">{building.description}</span>' in hungarian


def test_live_layer_features_follow_the_asked_language(client, building):
    url = "/api/v1/gis/layers/public-buildings/features"
    for lang in ("en", "hu"):
        body = client.get(url, {"lang": lang}).json()
        found = next(f for f in body["features"] if f["id"] == building.slug)
        assert found["properties"]["url"].startswith(f"/{lang}/")


def test_places_api_gives_the_layer_title_in_the_asked_language(client, layer):
    feature = layer.features.get()
    for lang, expected in (("en", (layer.title_en, "en")), ("ro", (layer.title, "ro"))):
        found = client.get("/api/v1/gis/places", {"q": feature.name, "lang": lang}).json()
        place = next(p for p in found if p["name"] == feature.name)
        assert (place["layer_title"], place["layer_title_lang"]) == expected
