"""The public API under /api/v1/gis/: GeoJSON per layer (bbox, paging, property filters) and the
chatbot contract (nearest, places)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from gis.geodesy import distance_m
from gis.models import Layer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_layer_geojson_with_bbox_paging_and_property_filter(client, demo_map):
    url = "/api/v1/gis/layers/cadastre-parcels/features"
    everything = client.get(url).json()
    assert everything["type"] == "FeatureCollection" and everything["numberMatched"] == 12
    first_row = client.get(url, {"bbox": "21.3120,46.1865,21.3170,46.1875"}).json()
    assert first_row["numberMatched"] == 4
    page = client.get(url, {"limit": 5, "offset": 10}).json()
    assert (page["numberReturned"], page["numberMatched"]) == (2, 12)
    one = client.get(url, {"nr_cad": "300705"}).json()
    assert [f["properties"]["external_id"] for f in one["features"]] == ["300705"]
    assert client.get(url, {"suprafata_mp": "1600"}).json()["numberMatched"] == 12
    assert client.get(url, {"bbox": "1,2,3"}).status_code == 400
    # (an unknown layer's 404 is turned into a redirect by the site-wide LocaleMiddleware)
    assert client.get("/api/v1/gis/layers/nope/features").status_code != 200


def test_staff_layers_are_hidden_from_the_public(client, demo_map):
    Layer.objects.filter(key="bike-lanes").update(public=False)
    keys = [layer["key"] for layer in client.get("/api/v1/gis/layers").json()]
    assert "bike-lanes" not in keys and "public-buildings" in keys
    assert client.get("/api/v1/gis/layers/bike-lanes/features").status_code != 200
    editor = UserFactory(username="gis")
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="gismap", codename="view_layer")
    )
    client.force_login(editor)
    assert client.get("/api/v1/gis/layers/bike-lanes/features").json()["numberMatched"] == 3


@pytest.mark.parametrize("kind", ["building", "wifi", "parking"])
def test_nearest_follows_the_chatbot_contract(client, demo_map, kind):
    lat, lon = 46.18, 21.31
    found = client.get(
        "/api/v1/gis/nearest", {"kind": kind, "lat": lat, "lon": lon, "limit": 3, "lang": "en"}
    ).json()
    assert len(found) == 3
    assert set(found[0]) == {"name", "kind", "distance_m", "lat", "lon", "address", "url"}
    distances = [f["distance_m"] for f in found]
    assert distances == sorted(distances)
    for f in found:
        assert f["kind"] == kind and f["url"].startswith("http://testserver/en/map/")
        assert abs(f["distance_m"] - distance_m(lat, lon, f["lat"], f["lon"])) < 1


def test_nearest_building_is_the_city_hall_next_to_it(client, demo_map):
    found = client.get(
        "/api/v1/gis/nearest", {"kind": "building", "lat": 46.1730, "lon": 21.3197, "limit": 1}
    ).json()
    assert found[0]["name"].startswith("Primăria") and found[0]["distance_m"] < 20
    assert "Bd. Revoluției 75" in found[0]["address"]
    assert client.get("/api/v1/gis/nearest", {"kind": "zoo", "lat": 1, "lon": 1}).status_code == 422


def test_places_finds_named_features_and_buildings(client, demo_map):
    found = client.get("/api/v1/gis/places", {"q": "Primări", "limit": 5}).json()
    assert {"Parcarea Primăriei", "Primăria Municipiului Arad (Palatul Administrativ)"} <= {
        p["name"] for p in found
    }
    assert set(found[0]) == {"name", "kind", "lat", "lon", "layer_title", "layer_title_lang"}
    by_number = client.get("/api/v1/gis/places", {"q": "300705"}).json()
    assert by_number[0]["name"] == "Parcela 300705" and by_number[0]["kind"] == "cadastre"


@pytest.mark.parametrize(
    "q",
    ["Piața Avram Iancu", "piata avram iancu", "PIATA AVRAM IANCU", "Piaţa Avram Iancu", "avram iancului"],
)
def test_places_match_without_diacritics_and_in_other_word_forms(client, demo_map, q):
    """Written with or without diacritics (comma or cedilla), in any case, or in another form."""
    found = client.get("/api/v1/gis/places", {"q": q, "limit": 5}).json()
    assert found[0]["name"].endswith("Piața Avram Iancu"), found


def test_places_word_forms_need_every_word_and_a_shared_stem(client, demo_map):
    assert "Wi-Fi Faleza Mureșului" in [
        p["name"] for p in client.get("/api/v1/gis/places", {"q": "faleza muresul"}).json()
    ]
    assert client.get("/api/v1/gis/places", {"q": "faleza dunarii"}).json() == []
    assert client.get("/api/v1/gis/places", {"q": "x" * 5000}).status_code == 200
