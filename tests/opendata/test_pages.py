"""Public pages: facets, dataset page with the code box, paged preview, downloads, requests."""

from __future__ import annotations

import pytest
from django.test import Client

from opendata.models import Dataset, DatasetRequest


@pytest.fixture
def client() -> Client:
    return Client()


def test_search_with_facets_works_without_javascript(demo_catalogue, client) -> None:
    page = client.get("/ro/opendata/", {"organization": "urbanism", "res_format": "CSV"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Gradul de ocupare al parcărilor publice" in html and "Calitatea aerului" not in html
    assert 'name="organization" value="urbanism" checked' in html
    assert "Direcția Urbanism și Transport (2)" in html
    assert "Bugetul" in client.get("/ro/opendata/", {"q": "buget"}).content.decode()
    budget = Dataset.objects.get(name="executie-buget-local-2025")
    english = client.get("/en/opendata/", {"q": "buget"}).content.decode()
    assert budget.title_en and budget.title_en in english and budget.title not in english


def test_dataset_page_resources_code_box_and_satisfaction(demo_catalogue, client) -> None:
    html = client.get("/ro/opendata/dataset/calitatea-aerului/").content.decode()
    assert "<h1>Calitatea aerului în Arad</h1>" in html and "Creative Commons Attribution 4.0" in html
    assert "ckanapi action package_show id=calitatea-aerului -r http://testserver" in html
    assert 'curl "http://testserver/api/3/action/package_show?id=calitatea-aerului"' in html
    assert "datastore_search?resource_id=" in html and 'name="score"' in html
    assert client.get("/ro/opendata/dataset/nu-exista/").status_code == 404


def test_preview_is_paged_and_downloads_are_counted(demo_catalogue, client) -> None:
    resource = Dataset.objects.get(name="calitatea-aerului").resources.get()
    url = f"/ro/opendata/dataset/calitatea-aerului/resource/{resource.pk}/"
    first = client.get(url).content.decode()
    assert "<caption" in first and "90" in first and 'scope="col">pm10' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "AR-1 Bulevardul Revoluției" in second and 'aria-current="page"' in second
    download = client.get(f"/opendata/download/{resource.pk}/calitatea-aerului.csv")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"date,station")
    resource.refresh_from_db()
    assert resource.downloads == 1
    assert client.get(f"/opendata/download/{resource.pk}/x.csv").status_code == 200
    Dataset.objects.filter(pk=resource.dataset_id).update(private=True)
    assert client.get(f"/opendata/download/{resource.pk}/x.csv").status_code == 404


def test_requests_form_and_public_list(demo_catalogue, client) -> None:
    empty = client.post("/ro/opendata/requests/", {"title": "", "description": ""})
    assert empty.status_code == 200 and "error-summary" in empty.content.decode()
    sent = client.post(
        "/ro/opendata/requests/",
        {"title": "Inventarul arborilor", "description": "Speciile și vârsta arborilor", "email": "a@b.ro"},
        follow=True,
    )
    html = sent.content.decode()
    assert "Inventarul arborilor" in html and "a@b.ro" not in html
    assert DatasetRequest.objects.get().status == DatasetRequest.Status.RECEIVED
