"""Hostile and absurd parameters on both map APIs (/api/v1/gis/ and /ogcapi/) and the public
map pages: each is refused with a clear 400 in the API's own error format, or capped, never a
500 — and, on SpatiaLite, never the abort that a bbox of ±1e300 used to cause."""

from __future__ import annotations

import json

import pytest
from django.contrib.gis.geos import GEOSGeometry, Point

from gis.models import Feature, Module
from tests.factories import LayerFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/gis/layers/{key}/features"
OGC = "/ogcapi/collections/{key}/items"
BOTH = pytest.mark.parametrize("url", [API, OGC], ids=["api", "ogcapi"])


def error_text(response) -> str:
    """The message of a 400 in the API's own format: ninja's `detail` or OGC's exception."""
    body = response.json()
    if "code" in body:
        assert body["code"] == "InvalidParameterValue"
        return body["description"]
    return body["detail"]


def get(client, url: str, key: str = "cadastre-parcels", **params):
    return client.get(url.format(key=key), params)


@BOTH
@pytest.mark.parametrize(
    "bbox",
    [
        "-1e300,-1e300,1e300,1e300",  # aborted the SpatiaLite process before validation
        "-1e20,46,22,47",
        "nan,46,22,47",
        "21,46,inf,47",
        "-181,46,22,47",
        "21,-91,22,47",
        "21,46,22,90.5",
        "21,47,22,46",  # south above north
        "21,46,0,22,47",  # five numbers
        "21,46,10,22,47,5",  # heights the wrong way round
        "a,b,c,d",
        "21,46,,47",
        ",".join(["1"] * 500),
    ],
)
def test_bbox_outside_wgs84_or_malformed_is_a_400(client, demo_map, url, bbox):
    response = get(client, url, bbox=bbox)
    assert response.status_code == 400, response.content
    assert "bbox" in error_text(response)


@BOTH
def test_bbox_within_wgs84_is_served_including_the_antimeridian_and_degenerate_boxes(client, demo_map, url):
    assert get(client, url, bbox="-180,-90,180,90", limit=100).json()["numberMatched"] == 12
    assert get(client, url, bbox="-180,-90,0,180,90,10", limit=100).json()["numberMatched"] == 12
    # west > east crosses the antimeridian: 21°E..180° and -180°..-170° hold the city, 22°E.. not
    assert get(client, url, bbox="21,46,-170,47").json()["numberMatched"] == 12
    assert get(client, url, bbox="22,46,-170,47").json()["numberMatched"] == 0
    # a box without width and height is a point: it falls inside exactly one parcel
    parcel = get(client, url, limit=1).json()["features"][0]
    inside = GEOSGeometry(json.dumps(parcel["geometry"])).point_on_surface
    point = get(client, url, bbox=f"{inside.x},{inside.y},{inside.x},{inside.y}").json()
    assert [f["id"] for f in point["features"]] == [parcel["id"]]
    line = get(client, url, bbox=f"{inside.x},{inside.y - 0.01},{inside.x},{inside.y + 0.01}").json()
    assert parcel["id"] in [f["id"] for f in line["features"]]


@BOTH
def test_bbox_on_a_live_layer_is_checked_the_same_way(client, demo_map, url):
    key = "public-buildings"
    assert get(client, url, key, bbox="-1e300,-1e300,1e300,1e300").status_code == 400
    everything = get(client, url, key, limit=100).json()["numberMatched"]
    assert everything > 0
    assert get(client, url, key, bbox="21,46,-170,47", limit=100).json()["numberMatched"] == everything
    assert get(client, url, key, bbox="22,46,-170,47").json()["numberMatched"] == 0


@BOTH
def test_only_crs84_coordinates_are_accepted(client, demo_map, url):
    crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
    assert get(client, url, bbox="21,46,22,47", **{"bbox-crs": crs84}).status_code == 200
    stereo70 = get(client, url, bbox="200000,500000,300000,600000", **{"bbox-crs": "EPSG:3844"})
    assert stereo70.status_code == 400 and "CRS84" in error_text(stereo70)


@BOTH
@pytest.mark.parametrize(
    "name", ["nr_cad__regex", "nr_cad__contains", "properties__nr_cad", "layer__key", "id", "nope", "a-b"]
)
def test_filters_allow_declared_fields_and_operators_only(client, demo_map, url, name):
    response = get(client, url, **{name: "("})
    assert response.status_code == 400, response.content
    message = error_text(response)
    assert repr(name) in message
    assert "nr_cad" in message and "suprafata_mp" in message and "operators: eq, in" in message


@BOTH
def test_declared_filters_select_features(client, demo_map, url):
    def ids(**params) -> list[str]:
        return sorted(
            f["properties"]["external_id"] for f in get(client, url, limit=100, **params).json()["features"]
        )

    assert ids(nr_cad="300705") == ["300705"]
    assert ids(nr_cad__eq="300705") == ["300705"]
    assert ids(nr_cad__in="300701,300705,nope") == ["300701", "300705"]
    assert ids(external_id__in="300702,300703") == ["300702", "300703"]
    assert len(ids(suprafata_mp="1600")) == 12  # the number stored as a JSON number
    for odd in ("inf", "nan", "1e400", "(", "'; DROP TABLE gis_feature; --"):
        assert ids(suprafata_mp=odd) == []
    assert get(client, url, nr_cad__in=",".join(["1"] * 101)).status_code == 400


@BOTH
def test_filters_on_a_live_layer_use_its_properties(client, demo_map, url):
    key = "public-buildings"
    everything = get(client, url, key, limit=100).json()
    name = everything["features"][0]["properties"]["name"]
    one = get(client, url, key, name=name).json()
    assert [f["properties"]["name"] for f in one["features"]] == [name]
    refused = get(client, url, key, address__regex="(")
    assert refused.status_code == 400 and "address" in error_text(refused)


@BOTH
def test_huge_negative_and_odd_paging_values(client, demo_map, url):
    beyond = get(client, url, offset=10**20)
    assert beyond.status_code == 200
    assert (beyond.json()["numberReturned"], beyond.json()["numberMatched"]) == (0, 12)
    capped = get(client, url, limit=10**20)
    assert capped.status_code == 200 and capped.json()["numberReturned"] == 12
    for params in ({"limit": -1}, {"limit": 0}, {"offset": -1}, {"limit": "x"}, {"offset": "1.5"}):
        response = get(client, url, **params)
        assert 400 <= response.status_code < 500, (params, response.status_code)
    live = get(client, url, "public-buildings", offset=10**20).json()
    assert live["numberReturned"] == 0 and live["numberMatched"] > 0


@BOTH
@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "2020-13-45",
        "2021-01-01/2020-01-01",
        "x/y/z",
    ],
)
def test_datetime_out_of_range_or_malformed_is_a_400(client, demo_map, url, value):
    response = get(client, url, datetime=value)
    assert response.status_code == 400 and "datetime" in error_text(response)


@pytest.mark.parametrize("fid", ["99999999999999999999", "²", "-1", "1e3"])
def test_feature_ids_beyond_64_bits_or_not_digits_are_not_found(client, demo_map, fid):
    assert client.get(f"/ogcapi/collections/cadastre-parcels/items/{fid}").status_code == 404
    assert client.get(f"/ro/map/features/cadastre-parcels/{fid}/").status_code == 404


@pytest.mark.parametrize(
    "lat, lon", [("nan", "21"), ("46", "inf"), ("1e300", "21"), ("-90.01", "21"), ("46", "180.5")]
)
def test_nearest_refuses_positions_outside_wgs84(client, demo_map, lat, lon):
    response = client.get("/api/v1/gis/nearest", {"kind": "building", "lat": lat, "lon": lon})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] in ("lat", "lon")


def test_nearest_and_places_cap_their_limits(client, demo_map):
    huge = 10**20
    near = client.get("/api/v1/gis/nearest", {"kind": "building", "lat": 46.17, "lon": 21.32, "limit": huge})
    assert near.status_code == 200 and 0 < len(near.json()) <= 50
    assert client.get("/api/v1/gis/places", {"q": "Parcela", "limit": huge}).status_code == 200
    assert client.get("/api/v1/gis/places", {"q": "Parcela", "limit": -5}).status_code == 200


def test_the_list_page_caps_page_numbers(client, demo_map):
    layer = LayerFactory(module=Module.objects.first(), key="many", title="Many points")
    Feature.objects.bulk_create(
        Feature(layer=layer, name=f"Point {i:03d}", geometry=Point(21.3 + i / 1000, 46.18, srid=4326))
        for i in range(120)
    )
    for huge in ("99999999999999999999", "1" * 5000):
        last = client.get("/ro/map/list/", {"layer": "many", "page": huge})
        assert last.status_code == 200 and "Point 119" in last.text and "Point 099" not in last.text
    third = client.get("/ro/map/list/", {"layer": "many", "page": "3"})
    assert "Point 119" in third.text and "Point 099" not in third.text
    for odd in ("abc", "-3", "0", "²", "", "1.5"):
        first = client.get("/ro/map/list/", {"layer": "many", "page": odd})
        assert first.status_code == 200 and "Point 000" in first.text, odd
