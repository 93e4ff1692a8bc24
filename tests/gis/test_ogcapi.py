"""OGC API – Features read by OWSLib's own client over HTTP from a live server."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from owslib.ogcapi.features import Features

from gis.models import Feature, Layer


@pytest.fixture
def ogc(transactional_db, live_server) -> Features:
    # an earlier transactional test's flush removed the content types that Django caches
    ContentType.objects.clear_cache()
    call_command("load_demo_map", verbosity=0)
    return Features(f"{live_server.url}/ogcapi/")


def test_owslib_reads_collections_items_with_bbox_and_paging(ogc, live_server):
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in (ogc.conformance()["conformsTo"])
    assert ogc.api()["openapi"].startswith("3.0")
    ids = ogc.feature_collections()
    assert {"cadastre-parcels", "wifi-hotspots", "parking", "bike-lanes", "public-buildings"} <= set(ids)
    parcels = ogc.collection("cadastre-parcels")
    west, south, east, north = parcels["extent"]["spatial"]["bbox"][0]
    assert 21.31 < west < east < 21.32 and 46.18 < south < north < 46.19

    items = ogc.collection_items("cadastre-parcels", bbox=[21.3120, 46.1865, 21.3170, 46.1875], limit=3)
    assert items["numberMatched"] == 4 and items["numberReturned"] == 3
    assert {f["properties"]["nr_cad"] for f in items["features"]} <= {"300701", "300702", "300703", "300704"}
    following = next(link["href"] for link in items["links"] if link["rel"] == "next")
    rest = requests.get(following, timeout=10).json()
    assert rest["numberReturned"] == 1 and not any(link["rel"] == "next" for link in rest["links"])

    fid = items["features"][0]["id"]
    one = ogc.collection_item("cadastre-parcels", fid)
    assert one["id"] == fid and one["geometry"]["type"] == "Polygon"
    building = ogc.collection_item("public-buildings", "primaria-arad")
    assert building["properties"]["address"].startswith("Bd. Revoluției 75")

    missing = requests.get(
        f"{live_server.url}/ogcapi/collections/nope/items", timeout=10, allow_redirects=False
    )
    assert missing.status_code in (302, 404)  # LocaleMiddleware redirects 404s site-wide
    bad = requests.get(f"{live_server.url}/ogcapi/collections/parking/items?limit=x", timeout=10)
    assert bad.status_code == 400
    page = requests.get(f"{live_server.url}/ogcapi/collections/parking/items?f=html", timeout=10)
    assert page.headers["Content-Type"].startswith("text/html") and "Parcarea" in page.text


def test_datetime_filters_features_that_have_a_time(ogc):
    layer = Layer.objects.get(key="wifi-hotspots")
    now = timezone.now()
    Feature.objects.filter(layer=layer, external_id="wifi-01").update(time=now)
    Feature.objects.filter(layer=layer, external_id="wifi-02").update(time=now - dt.timedelta(days=30))
    since = (now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    recent = ogc.collection_items("wifi-hotspots", datetime_=f"{since}/..")
    assert [f["properties"]["external_id"] for f in recent["features"]] == ["wifi-01"]
    assert "temporal" in ogc.collection("wifi-hotspots")["extent"]
