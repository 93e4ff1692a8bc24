"""Public buildings: the screen-reader-first page reached from the QR label, the label itself,
the KPI, the open datasets, and the admin import screen."""

from __future__ import annotations

import json

import pytest

from gis.kpis import buildings_available
from gis.models import Feature, Layer, PublicBuilding
from portal.core.contracts import published_datasets
from portal.kpi.registry import discover
from tests.factories import BuildingEntranceFactory, UserFactory
from tests.qr_decoding import decode_qr_png

pytestmark = pytest.mark.django_db


def test_qr_label_leads_to_the_building_page_in_the_visitors_language(client, demo_map, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example"
    png = client.get("/ro/map/buildings/primaria-arad/qr.png")
    assert png["Content-Type"] == "image/png"
    url = decode_qr_png(png.content)
    assert url == "https://portal.example/b/primaria-arad"
    landing = client.get("/b/primaria-arad", HTTP_ACCEPT_LANGUAGE="hu")
    assert landing.status_code == 302 and landing["Location"] == "/hu/map/buildings/primaria-arad/"
    page = client.get("/ro/map/buildings/primaria-arad/").content.decode()
    assert "<h1>Primăria Municipiului Arad" in page and "Bd. Revoluției 75" in page
    for heading in ("<h2>Accesibilitate", "<h2>Intrări", "<h2>Program"):
        assert heading in page or "<h2>" in page
    assert "rampă" in page and "08:00–16:00" in page


def test_label_print_view_is_for_staff(client, demo_map):
    assert client.get("/ro/map/buildings/primaria-arad/label/").status_code == 302
    client.force_login(UserFactory(username="admin", email="a@example.org", password="pw", admin=True))
    label = client.get("/ro/map/buildings/primaria-arad/label/")
    assert label.status_code == 200 and b"<svg" in label.content


def test_buildings_available_kpi(demo_map):
    kpis = discover()
    assert {
        "map.layers",
        "map.modules",
        "map.use_30d",
        "map.satisfaction",
        "qr_buildings.available_pct",
    } <= set(kpis)
    # the theatre lacks tactile guidance and entrances: 5 of 6 are available
    assert buildings_available() == pytest.approx(83.3)
    theatre = PublicBuilding.objects.get(slug="teatrul-clasic")
    theatre.tactile_guidance = "no"
    theatre.save()
    BuildingEntranceFactory(building=theatre, name="Intrarea principală", step_free=True)
    assert buildings_available() == 100.0
    assert kpis["map.layers"].compute() >= 5  # the demo's layers, and other apps' live ones


def test_each_public_layer_is_an_open_dataset(demo_map):
    datasets = {d.key: d for d in published_datasets() if d.key.startswith("map-")}
    assert {
        "map-cadastre-parcels",
        "map-wifi-hotspots",
        "map-parking",
        "map-bike-lanes",
        "map-public-buildings",
    } <= set(datasets)
    geojson, csv_file = datasets["map-wifi-hotspots"].resources
    collection = json.loads(geojson.produce())
    assert len(collection["features"]) == Feature.objects.filter(layer__key="wifi-hotspots").count()
    lines = csv_file.produce().decode().splitlines()
    assert lines[0].startswith("id,lat,lon,wkt,name") and "Piața Avram Iancu" in lines[1]
    Layer.objects.filter(key="parking").update(public=False)
    assert "map-parking" not in {d.key for d in published_datasets()}


def test_admin_import_screen_reports_the_job(
    client, demo_map, stereo70_gpkg, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(username="admin", email="a@example.org", password="pw", admin=True))
    layer = Layer.objects.get(key="cadastre-parcels")
    assert client.get("/admin/gis/import/").status_code == 200
    with stereo70_gpkg.open("rb") as upload, django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/gis/import/", {"layer": layer.pk, "file": upload, "id_field": "nr_cad"}
        )
    assert response.status_code == 302
    job_page = client.get(response["Location"]).content.decode()
    assert 'id="import-created">6<' in job_page and "<progress" in job_page
    assert Feature.objects.filter(layer=layer).count() == 18


def test_gis_editors_role_has_the_map_permissions(db):
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="GIS editors")
        .permissions.filter(content_type__app_label="gismap")
        .values_list("codename", flat=True)
    )
    assert {"add_feature", "change_layer", "add_importjob", "change_publicbuilding"} <= codenames
