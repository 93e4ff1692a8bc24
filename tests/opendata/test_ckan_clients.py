"""ckanapi's RemoteCKAN and its command line, unchanged, over HTTP against a live portal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import ckanapi
import pytest
from django.conf import settings

CKANAPI = str(Path(sys.executable).parent / "ckanapi")
LIVE = pytest.mark.django_db(transaction=True)


@LIVE
def test_ckanapi_command_line_finds_the_demo_datasets(live_server, demo_catalogue) -> None:
    out = subprocess.run(
        [CKANAPI, "action", "package_search", "q=aerului", "-r", live_server.url],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    result = json.loads(out)
    assert result["count"] == 1
    assert result["results"][0]["name"] == "calitatea-aerului"

    out = subprocess.run(
        [CKANAPI, "action", "package_list", "-r", live_server.url],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert sorted(json.loads(out)) == [
        "calitatea-aerului",
        "executie-buget-local-2025",
        "ocupare-parcari",
        "statii-transport-public",
    ]


@LIVE
def test_remoteckan_reads(live_server, demo_catalogue) -> None:
    ckan = ckanapi.RemoteCKAN(live_server.url)
    action = ckan.action
    assert action.site_read() is True
    project = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["project"]
    assert action.status_show()["ckan_version"] == project["version"]

    found = action.package_search(
        q="transport",
        fq="res_format:CSV AND -tags:parcare",
        rows=5,
        **{"facet.field": '["organization", "groups", "res_format"]'},
    )
    assert [d["name"] for d in found["results"]] == ["statii-transport-public"]
    assert found["facets"]["groups"] == {"regi": 1, "tran": 1}

    both = action.package_search(fq="organization:urbanism OR groups:envi", sort="name asc")
    assert [d["name"] for d in both["results"]] == [
        "calitatea-aerului",
        "ocupare-parcari",
        "statii-transport-public",
    ]
    paged = action.package_search(rows=2, start=2, sort="name asc")
    assert paged["count"] == 4 and [d["name"] for d in paged["results"]] == [
        "ocupare-parcari",
        "statii-transport-public",
    ]

    package = action.package_show(id="executie-buget-local-2025")
    assert package["organization"]["name"] == "directia-fiscala"
    assert package["license_id"] == "CC-BY-4.0"
    resource = package["resources"][0]
    assert action.resource_show(id=resource["id"])["format"] == "CSV"
    assert action.resource_search(query="format:csv")["count"] == 4

    rows = action.datastore_search(
        resource_id=resource["id"], filters={"chapter": "84.02"}, fields="chapter,executed"
    )
    assert rows["total"] == 1 and rows["records"][0]["executed"] == pytest.approx(167300995.73)
    top = action.datastore_search(resource_id=resource["id"], sort="budgeted desc", limit=2)
    assert [r["chapter"] for r in top["records"]] == ["84.02", "65.02"] and top["total"] == 10
    assert action.datastore_search(resource_id=resource["id"], q="transporturi")["total"] == 1

    assert "directia-fiscala" in action.organization_list()
    org = action.organization_show(id="urbanism", include_datasets=True)
    assert org["package_count"] == 2 and len(org["packages"]) == 2
    assert "tran" in action.group_list()
    assert "tramvai" in action.tag_list()
    assert "CC-BY-4.0" in [item["id"] for item in action.license_list()]
    assert ":param q:" in action.help_show(name="package_search")

    with pytest.raises(ckanapi.NotFound):
        action.package_show(id="no-such-dataset")
    with pytest.raises(ckanapi.SearchQueryError):
        action.package_search(fq="nosuchfield:x")
    with pytest.raises(ckanapi.ValidationError):
        action.package_search(rows="many")
    with pytest.raises(ckanapi.NotAuthorized):
        action.package_create(name="x-y", owner_org="urbanism")


@LIVE
def test_remoteckan_writes_with_a_token(live_server, demo_catalogue, publisher_token) -> None:
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=publisher_token)
    created = ckan.action.package_create(
        name="statii-biciclete",
        title="Stații de biciclete",
        owner_org="urbanism",
        tags=[{"name": "bicicletă"}],
        groups=[{"name": "tran"}],
        extras=[{"key": "frequency", "value": "WEEKLY"}],
        resources=[{"name": "harta", "url": "https://example.org/biciclete.geojson", "format": "GeoJSON"}],
    )
    assert created["license_id"] == "CC-BY-4.0" and created["num_resources"] == 1

    good = "station,docks,opened\nGara,12,2024-05-01\nUTA,8,2025-03-15\n"
    fields = [
        {"id": "station", "type": "text"},
        {"id": "docks", "type": "int"},
        {"id": "opened", "type": "date"},
    ]
    resource = ckan.call_action(
        "resource_create",
        {"package_id": "statii-biciclete", "name": "statii.csv", "fields": json.dumps(fields)},
        files={"upload": ("statii.csv", io.BytesIO(good.encode()))},
    )
    assert resource["datastore_active"] is True and resource["validation_status"] == "valid"
    assert (
        ckan.action.datastore_search(resource_id=resource["id"], sort="docks")["records"][0]["station"]
        == "UTA"
    )

    patched = ckan.action.package_patch(id="statii-biciclete", title="Stații Arad Bike")
    assert patched["title"] == "Stații Arad Bike" and patched["num_resources"] == 2
    updated = ckan.action.package_update(id="statii-biciclete", title="Arad Bike", owner_org="urbanism")
    assert updated["num_resources"] == 0 and updated["tags"] == []

    with pytest.raises(ckanapi.ValidationError) as caught:
        ckan.action.package_create(name="statii-biciclete", owner_org="urbanism")
    assert "name" in caught.value.error_dict

    ckan.action.package_delete(id="statii-biciclete")
    with pytest.raises(ckanapi.NotFound):
        ckanapi.RemoteCKAN(live_server.url).action.package_show(id="statii-biciclete")
    with pytest.raises(ckanapi.NotAuthorized):
        ckanapi.RemoteCKAN(live_server.url, apikey="arad_wrong").action.package_delete(id="ocupare-parcari")
