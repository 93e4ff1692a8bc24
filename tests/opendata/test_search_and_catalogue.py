"""Search (q, fq subset, facets), Action API envelopes and errors, auto-published datasets, KPIs."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opendata.errors import SearchQueryError
from opendata.models import Dataset, DatasetRequest
from opendata.selectors.search import search
from opendata.services.published import refresh_published
from portal.core.contracts import PublishedDataset, PublishedResource


def names(**kwargs) -> list[str]:
    return sorted(d.name for d in search(rows=100, **kwargs).datasets)


def test_fq_subset(demo_catalogue) -> None:
    assert names(fq="tags:aer") == ["calitatea-aerului"]
    assert names(fq="organization:urbanism AND -tags:parcare") == ["statii-transport-public"]
    assert names(fq="(groups:econ OR groups:envi) AND res_format:CSV") == [
        "calitatea-aerului",
        "executie-buget-local-2025",
    ]
    assert names(fq="name:[a TO d]") == ["calitatea-aerului"]
    assert names(fq="metadata_modified:[NOW-1DAY TO *]") == names()
    assert names(fq="metadata_created:[2020-01-01 TO 2020-12-31T23:59:59Z]") == []
    assert names(fq="NOT organization:urbanism", q="buget") == ["executie-buget-local-2025"]
    assert names(fq='title:"calitatea aerului"') == ["calitatea-aerului"]
    for bad in ("tags:(", "nosuch:x", "name:[a TO"):
        with pytest.raises(SearchQueryError):
            search(fq=bad)


def test_private_datasets_are_hidden_unless_allowed(demo_catalogue) -> None:
    Dataset.objects.filter(name="ocupare-parcari").update(private=True)
    assert "ocupare-parcari" not in names()
    assert "ocupare-parcari" in names(include_private=True)
    response = Client().get("/api/3/action/package_show", {"id": "ocupare-parcari"})
    assert response.status_code == 403 and response.json()["error"]["__type"] == "Authorization Error"


def test_envelopes_and_status_codes(demo_catalogue) -> None:
    client = Client()
    ok = client.get("/api/3/action/package_search", {"q": "aer"}).json()
    assert ok["success"] is True and ok["help"].endswith("help_show?name=package_search")
    missing = client.get("/api/action/package_show", {"id": "nope"})
    assert missing.status_code == 404 and missing.json()["error"]["__type"] == "Not Found Error"
    bad = client.get("/api/3/action/package_search", {"fq": "tags:("})
    assert bad.status_code == 400 and bad.json()["error"]["__type"] == "Search Query Error"
    invalid = client.post(
        "/api/3/action/package_search", json.dumps({"rows": "x"}), content_type="application/json"
    )
    assert invalid.status_code == 409 and invalid.json()["error"]["rows"] == ["Invalid integer"]
    denied = client.post(
        "/api/3/action/package_create", json.dumps({"name": "x"}), content_type="application/json"
    )
    assert denied.status_code == 403
    unknown = client.get("/api/3/action/no_such_action")
    assert unknown.status_code == 400 and unknown.json()["success"] is False


def test_apps_published_datasets_are_collected_refreshed_and_retired(db) -> None:
    rows = [b"camera,zone\nC1,centru\n"]
    declared = [
        PublishedDataset(
            key="cctv-camera-register",
            title="Registrul camerelor",
            description="Camerele publice.",
            organization="Poliția Locală",
            themes=["JUST"],
            tags=["cctv"],
            resources=[PublishedResource(name="Camere", format="CSV", produce=lambda: rows[0])],
        )
    ]
    first = refresh_published(declared=declared)
    dataset = Dataset.objects.get(source_key="cctv-camera-register")
    assert first.created == ["cctv-camera-register"] and dataset.origin == Dataset.Origin.AUTO
    resource = dataset.resources.get()
    assert resource.datastore_active and resource.datastore_rows.count() == 1
    rows[0] = b"camera,zone\nC1,centru\nC2,gara\n"
    assert refresh_published(declared=declared).updated == ["cctv-camera-register"]
    assert dataset.resources.get().datastore_rows.count() == 2
    assert refresh_published(declared=[]).retired == ["cctv-camera-register"]
    assert Dataset.objects.get(pk=dataset.pk).state == Dataset.State.DELETED


def test_kpis(demo_catalogue) -> None:
    from portal.kpi.registry import discover

    kpis = discover()
    DatasetRequest.objects.create(title="Arbori", description="Inventarul arborilor", status="fulfilled")
    assert kpis["opendata_datasets_published"].compute() == 4
    assert kpis["opendata_requests_received"].compute() == 1
    assert kpis["opendata_requests_fulfilled"].compute() == 1
    client = Client()
    resource = Dataset.objects.get(name="calitatea-aerului").resources.get()
    url = f"/opendata/download/{resource.pk}/{resource.upload.name.rsplit('/', 1)[-1]}"
    assert client.get(url).status_code == 200
    assert kpis["opendata_downloads"].compute() == 1 and kpis["opendata_downloads_envi"].compute() == 1
    assert kpis["opendata_downloads_econ"].compute() == 0
