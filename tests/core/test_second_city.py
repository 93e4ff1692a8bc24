"""Another city, configured only through settings.CITY: the key journeys show its names, codes
and places, and nothing of the city the project started with."""

from __future__ import annotations

import re
import subprocess

import pytest
from django.contrib.gis.geos import Point
from django.test import Client

from cctv.services.importer import import_cameras
from gis.models import Feature, ImportJob, Layer, Module
from gis.services.importer import run_import
from opendata.services.published import refresh_published
from portal.core.city import get_city
from portal.documents.models import Document
from tests.factories import make_csv, row
from training.models import Certificate
from training.services.certificates import certificate_pdf

from ..factories import (
    CameraFactory,
    CoursePageFactory,
    DistrictFactory,
    HomePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    TrainingIndexPageFactory,
    UserFactory,
)

SECOND_CITY = {
    "NAME": {"ro": "Dunăreni", "en": "Dunareni", "hu": "Dunaszeg"},
    "AUTHORITY": {
        "ro": "Primăria Municipiului Dunăreni",
        "en": "Dunareni City Hall",
        "hu": "Dunaszegi Polgármesteri Hivatal",
    },
    "PUBLISHER": "Primăria Municipiului Dunăreni",
    "NUMBER_PREFIX": "DN",
    "CENTER": (45.1, 24.37),
    "ZOOM": 12,
    "BBOX": (24.30, 45.05, 24.45, 45.15),
    "BOUNDARY_FILE": "",
    "SPATIAL_URI": "https://sws.geonames.org/9999999/",
    "SPATIAL_LABEL": "Dunăreni, România",
    "TIME_ZONE": "Europe/Bucharest",
    "LANGUAGES": ["ro", "en", "hu"],
}
# The software keeps its product name ("Arad Digital", package "arad-digital"); the city must go.
FIRST_CITY = re.compile(r"arad(?![- ]digital)", re.IGNORECASE)


def no_first_city(text: str, where: str) -> None:
    found = [text[max(m.start() - 60, 0) : m.end() + 60] for m in FIRST_CITY.finditer(text)]
    assert not found, f"{where} still names the first city: {found[:3]}"


@pytest.fixture
def second_city(db, settings):
    settings.CITY = SECOND_CITY
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example"
    home = HomePageFactory(title=SECOND_CITY["AUTHORITY"]["ro"], slug="dunareni")
    services = ServiceIndexPageFactory(parent=home, slug="servicii")
    service = ServicePageFactory(parent=services, title="Certificat de urbanism", slug="certificat")
    training = TrainingIndexPageFactory(parent=home, slug="instruire")
    course = CoursePageFactory(parent=training, title="Primii pași online", slug="primii-pasi")
    return {"home": home, "service": service, "course": course}


def test_the_accessor_reads_the_configured_city(second_city):
    city = get_city()
    assert city.name("hu") == "Dunaszeg" and city.authority("en") == "Dunareni City Hall"
    assert city.number_prefix == "DN" and city.center == (45.1, 24.37)
    assert city.contains(24.37, 45.1) and not city.contains(21.3123, 46.1866)


def test_home_request_and_tracking_name_the_second_city(second_city):
    client = Client()
    home = client.get("/ro/")
    assert home.status_code == 200
    assert SECOND_CITY["AUTHORITY"]["ro"] in home.content.decode()
    no_first_city(home.content.decode(), "home page")

    response = client.post(second_city["service"].url, {"name": "Ion Pop", "email": "ion@example.org"})
    document = Document.objects.get()
    assert response.status_code == 302
    assert document.number.startswith("DN-")
    receipt = client.get(response["Location"])
    assert document.number in receipt.content.decode()
    no_first_city(receipt.content.decode(), "receipt page")
    pdf = client.get(f"/ro/receipt/{document.token}.pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout
    assert SECOND_CITY["AUTHORITY"]["ro"] in text.decode()
    no_first_city(text.decode(), "receipt PDF")

    tracking = client.get(f"/t/{document.token}", follow=True)
    assert tracking.status_code == 200 and document.number in tracking.content.decode()
    no_first_city(tracking.content.decode(), "tracking page")
    status = client.get(
        "/api/v1/documents/status", {"number": document.number, "pin": document.pin, "lang": "en"}
    )
    assert status.status_code == 200
    no_first_city(status.content.decode(), "status API")


def test_map_and_camera_register_use_the_second_city(second_city):
    lon, lat = SECOND_CITY["CENTER"][1], SECOND_CITY["CENTER"][0]
    camera = CameraFactory(location=Point(lon, lat, srid=4326))
    client = Client()
    page = client.get("/ro/map/")
    assert page.status_code == 200
    assert "45.1" in page.content.decode() and "24.37" in page.content.decode()
    no_first_city(page.content.decode(), "map page")
    layers = client.get("/api/v1/gis/layers")
    assert layers.status_code == 200 and layers.json()
    assert {layer["attribution"] for layer in layers.json() if layer["key"] == "cctv-cameras"} == {
        SECOND_CITY["AUTHORITY"]["ro"]
    }
    no_first_city(layers.content.decode(), "layers API")

    register = client.get("/ro/cameras/")
    assert register.status_code == 200 and camera.code in register.content.decode()
    no_first_city(register.content.decode(), "camera register")
    no_first_city(client.get("/ro/cameras/map/").content.decode(), "camera map")

    district = DistrictFactory(name="Centru", slug="centru")
    inside = row(1, lat="45.1010", lon="24.3710", district=district.name, operator="Poliția Locală")
    outside = row(2, lat="46.1866", lon="21.3123", district=district.name, operator="Poliția Locală")
    report = import_cameras(data=make_csv([inside, outside]), filename="cameras.csv")
    assert not report.saved
    assert [(e.row, e.field) for e in report.errors] == [(2, "location")]
    assert import_cameras(data=make_csv([inside]), filename="cameras.csv").saved


def test_map_import_keeps_features_in_the_second_city_only(second_city, tmp_path):
    module = Module.objects.create(key="wifi", title="Wi-Fi")
    layer = Layer.objects.create(module=module, key="wifi", title="Wi-Fi", geometry_type="Point")
    points = tmp_path / "wifi.csv"
    points.write_text("id;name;lat;lon\nw1;Piața Mare;45.1005;24.3702\nw2;Elsewhere;46.1697;21.3183\n")
    job = run_import(job=ImportJob.objects.create(layer=layer, file_name=points.name, path=str(points)))
    assert (job.created, job.rejected) == (1, 1), job.report
    assert list(Feature.objects.filter(layer=layer).values_list("external_id", flat=True)) == ["w1"]
    assert [(r["row"], r["external_id"], r["status"]) for r in job.report] == [(2, "w2", "rejected")]


def test_open_data_has_one_publisher_named_after_the_second_city(second_city):
    CameraFactory(location=Point(24.37, 45.1, srid=4326))
    summary = refresh_published()
    assert summary.created and not summary.failed
    client = Client()
    organizations = client.get("/api/3/action/organization_list", {"all_fields": "true"}).json()["result"]
    titles = {org["title"] for org in organizations}
    assert SECOND_CITY["PUBLISHER"] in titles
    no_first_city(str(organizations), "CKAN organization_list")
    show = client.get("/api/3/action/package_show", {"id": "cctv-camera-register"}).json()["result"]
    assert show["organization"]["title"] == SECOND_CITY["PUBLISHER"]
    status = client.get("/api/3/action/status_show").json()["result"]
    assert "Dunareni" in status["site_title"]
    no_first_city(str(status), "CKAN status_show")

    catalogue = client.get("/ro/opendata/")
    assert catalogue.status_code == 200
    no_first_city(catalogue.content.decode(), "open-data catalogue")
    dcat = client.get("/opendata/catalog.ttl")
    assert dcat.status_code == 200
    turtle = dcat.content.decode()
    assert SECOND_CITY["SPATIAL_URI"] in turtle and SECOND_CITY["AUTHORITY"]["ro"] in turtle
    no_first_city(turtle, "DCAT catalogue")


def test_certificate_names_the_second_city_hall(second_city):
    user = UserFactory()
    certificate = Certificate.objects.create(
        user=user, course=second_city["course"], holder_name="Maria Ionescu"
    )
    pdf = certificate_pdf(certificate, language="ro")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Primăria Municipiului Dunăreni – programul de competențe digitale" in text
    no_first_city(text, "certificate PDF")
