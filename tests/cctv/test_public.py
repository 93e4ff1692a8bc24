"""The public transparency register, its map, datasets and map layer never show private fields."""

import json

import pytest

from cctv import maplayers, publishers
from cctv.models import Camera
from portal.core.contracts import live_layers, published_datasets
from tests.factories import CameraFactory

SECRETS = ("rtsp://", "secret.example", "internal note XYZ", "vms_secret", "stream_url", "notes", "dpia")


@pytest.fixture
def cameras(districts):
    visible = CameraFactory(
        district=districts["centru"],
        code="AR-CAM-0001",
        what_is_filmed="Piața Avram Iancu",
        dpia_reference="DPIA-2026-7",
    )
    CameraFactory(district=districts["gai"], code="AR-CAM-0002", status=Camera.Status.PLANNED)
    CameraFactory(district=districts["gai"], code="AR-CAM-0003", status=Camera.Status.DECOMMISSIONED)
    return visible


def assert_private_fields_absent(text: str, camera: Camera) -> None:
    assert camera.vms_secret not in text
    for secret in SECRETS:
        assert secret not in text, secret


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_register_pages_show_public_fields_only(client, cameras, lang):
    pages = [
        f"/{lang}/cameras/",
        f"/{lang}/cameras/AR-CAM-0001/",
        f"/{lang}/cameras/map/",
        f"/{lang}/cameras/your-rights/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_private_fields_absent(response.content.decode(), cameras)
    listing = client.get(f"/{lang}/cameras/").content.decode()
    assert "AR-CAM-0001" in listing and "Piața Avram Iancu" in listing and "AR-CAM-0002" in listing
    assert "AR-CAM-0003" not in listing  # decommissioned
    assert client.get(f"/{lang}/cameras/AR-CAM-0003/").status_code == 404


@pytest.mark.django_db
def test_filters_api_datasets_and_map_layer_are_public_only(client, cameras):
    assert "AR-CAM-0002" not in client.get("/en/cameras/?district=centru").content.decode()
    api = client.get("/api/v1/cctv/cameras")
    features = api.json()["features"]
    assert {f["id"] for f in features} == {"AR-CAM-0001", "AR-CAM-0002"}
    sector = features[0]["properties"]["field_of_view"]["coordinates"][0]
    assert sector[0] == sector[-1] and len(sector) > 4

    outputs = [
        api.content.decode(),
        client.get("/en/cameras/register.csv").content.decode("utf-8-sig"),
        client.get("/en/cameras/register.geojson").content.decode(),
        json.dumps(list(maplayers.camera_features()), ensure_ascii=False),
    ]
    for text in outputs:
        assert_private_fields_absent(text, cameras)
    csv_text = publishers.register_csv().decode("utf-8-sig")
    assert csv_text.splitlines()[0] == ",".join(Camera.PUBLIC_FIELDS)
    assert len(csv_text.splitlines()) == 3

    assert "cctv-camera-register" in {d.key for d in published_datasets()}
    layer = next(x for x in live_layers() if x.key == "cctv-cameras")
    assert layer.module == "safety" and layer.geometry_type == "Point"
    feature = next(iter(layer.features()))
    assert feature["geometry"]["type"] == "Point" and set(feature["properties"]) >= {"purpose", "legal_basis"}


@pytest.mark.django_db
def test_demo_loader_is_idempotent(capsys):
    from django.core.management import call_command

    from cctv.models import District

    call_command("load_demo_cctv")
    call_command("load_demo_cctv")
    assert "[2/2]" in capsys.readouterr().out
    assert (Camera.objects.count(), District.objects.count()) == (60, 10)
    assert District.objects.get(slug="micalaca").name == "Micălaca"
