"""Alert buttons are never public: not in the map layer, the register, the public API, the OGC API,
open data, search or a sitemap. Call points are; counts per district (both kinds) are."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.core.contracts import live_layers, published_datasets
from safety.models import Device

from .factories import make_device, make_district


@pytest.fixture
def devices(db) -> dict[str, Device]:
    gai = make_district("Gai")
    return {
        "call_point": make_device("AR-CP-0001", district=gai),
        "button": make_device(
            "AR-AB-0002",
            kind=Device.Kind.ALERT_BUTTON,
            district=gai,
            business_name="Teatrul Clasic Ioan Slavici",
        ),
        "retired": make_device("AR-CP-0003", district=gai, status=Device.Status.DECOMMISSIONED),
    }


SECRET_WORDS = ("AR-AB-0002", "Teatrul Clasic", "Strada Școlii")


def assert_private(text: str) -> None:
    for word in SECRET_WORDS:
        assert word not in text


def test_map_layer_shows_call_points_only(client, devices):
    [layer] = [layer for layer in live_layers() if layer.key == "safety-call-points"]
    assert [f["id"] for f in layer.features()] == ["AR-CP-0001"]
    for url in (
        "/api/v1/gis/layers/safety-call-points/features",
        "/ogcapi/collections/safety-call-points/items",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "AR-CP-0001" in response.content.decode()
        assert_private(response.content.decode())
    assert client.get("/ogcapi/collections/safety-call-points/items/AR-AB-0002").status_code == 404
    assert client.get("/ro/map/features/safety-call-points/AR-AB-0002/").status_code == 404


@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_register_lists_call_points_and_counts_only(client, devices, lang):
    html = client.get(f"/{lang}/call-points/").content.decode()
    assert "AR-CP-0001" in html and "AR-CP-0003" not in html
    assert_private(html)
    assert '<td class="num">1</td><td class="num">1</td>' in html.replace("\n", "")


def test_public_api_and_open_data_leave_alert_buttons_out(client, devices):
    features = client.get("/api/v1/safety/call-points").json()["features"]
    assert [f["id"] for f in features] == ["AR-CP-0001"]
    counts = client.get("/api/v1/safety/districts").json()
    assert {"district": "Gai", "call_points": 1, "alert_buttons": 1} in counts
    for dataset in published_datasets():
        for resource in dataset.resources:
            assert_private(resource.produce().decode("utf-8", "replace"))
    assert_private(client.get("/api/v1/openapi.json").content.decode())


def test_search_and_sitemap_do_not_know_alert_buttons(client, devices):
    for query in ("Teatrul Clasic", "AR-AB-0002"):
        response = client.get(reverse("search") + f"?q={query}")
        assert response.status_code == 200
        assert_private(response.content.decode().replace(query, ""))
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code in (200, 404)
    assert_private(sitemap.content.decode())
