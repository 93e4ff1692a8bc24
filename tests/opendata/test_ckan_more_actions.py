"""The actions CKAN clients call beyond the basics, through ckanapi over HTTP."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import ckanapi
import pytest

from opendata.models import Dataset, Organization, Resource
from opendata.services.community import create_token
from tests.factories import UserFactory

CKANAPI = str(Path(sys.executable).parent / "ckanapi")
LIVE = pytest.mark.django_db(transaction=True)


@LIVE
def test_reads_groups_tags_autocomplete_views_and_self(live_server, small_catalogue, publisher) -> None:
    _, plain = create_token(user=publisher, name="tests")
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=plain)
    anonymous = ckanapi.RemoteCKAN(live_server.url).action

    group = anonymous.group_show(id="tran", include_datasets=True)
    assert group["name"] == "tran" and group["package_count"] == 1
    assert [d["name"] for d in group["packages"]] == ["aeroport-zboruri"]
    with pytest.raises(ckanapi.NotFound):
        anonymous.group_show(id="nosuch")

    tag = anonymous.tag_show(id="aer", include_datasets=True)
    assert tag["name"] == "aer" and [d["name"] for d in tag["packages"]] == ["aer-urban"]
    assert anonymous.tag_show(id=tag["id"])["name"] == "aer"
    with pytest.raises(ckanapi.NotFound):
        anonymous.tag_show(id="nosuch")

    found = anonymous.package_autocomplete(q="aer")
    assert [(d["name"], d["match_field"]) for d in found] == [
        ("aer-urban", "name"),
        ("aeroport-zboruri", "name"),
    ]
    assert [d["name"] for d in anonymous.package_autocomplete(q="zbor", limit=1)] == ["aeroport-zboruri"]
    by_title = anonymous.package_autocomplete(q="Aer urban")
    assert [(d["name"], d["match_field"]) for d in by_title] == [("aer-urban", "title")]
    assert anonymous.format_autocomplete(q="") == ["csv", "json"]
    assert anonymous.format_autocomplete(q="js") == ["json"]

    upload = ckan.call_action(
        "resource_create",
        {"package_id": "linii-autobuz", "name": "linii.csv"},
        files={"upload": ("linii.csv", io.BytesIO(b"line,stops\n1,20\n2,31\n"))},
    )
    views = anonymous.resource_view_list(id=upload["id"])
    assert [v["view_type"] for v in views] == ["datatables_view"] and views[0]["resource_id"] == upload["id"]
    link = Dataset.objects.get(name="aer-urban").resources.first()
    assert anonymous.resource_view_list(id=str(link.pk)) == []
    info = anonymous.datastore_info(id=upload["id"])
    assert info["meta"]["count"] == 2 and [f["id"] for f in info["fields"]] == ["line", "stops"]

    me = ckan.action.user_show()
    assert me["name"] == publisher.username and me["email"] == publisher.email
    assert ckan.action.user_show(id=publisher.username)["id"] == str(publisher.pk)
    with pytest.raises(ckanapi.NotAuthorized):
        ckan.action.user_show(id="someone-else")
    with pytest.raises(ckanapi.NotAuthorized):
        anonymous.user_show()


@LIVE
def test_writes_organizations_resources_datastore_and_purge(live_server, small_catalogue, publisher) -> None:
    _, plain = create_token(user=publisher, name="tests")
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=plain).action

    org = ckan.organization_create(name="cultura", title="Cultură", description="Muzee")
    assert org["name"] == "cultura" and org["package_count"] == 0
    with pytest.raises(ckanapi.ValidationError):
        ckan.organization_create(name="cultura")
    patched = ckan.organization_patch(id="cultura", title="Cultură și culte")
    assert patched["title"] == "Cultură și culte" and patched["description"] == "Muzee"
    assert Organization.objects.get(name="cultura").title == "Cultură și culte"

    link = Dataset.objects.get(name="aer-urban").resources.order_by("position").first()
    assert ckan.resource_patch(id=str(link.pk), description="PM10")["description"] == "PM10"
    assert Resource.objects.get(pk=link.pk).name == "a"
    ckan.resource_delete(id=str(link.pk))
    assert not Resource.objects.filter(pk=link.pk).exists()
    assert ckan.package_show(id="aer-urban")["num_resources"] == 1

    table = ckanapi.RemoteCKAN(live_server.url, apikey=plain).call_action(
        "resource_create",
        {"package_id": "linii-autobuz", "name": "linii.csv"},
        files={"upload": ("linii.csv", io.BytesIO(b"line,stops\n1,20\n"))},
    )
    assert ckan.datastore_delete(resource_id=table["id"]) == {"resource_id": table["id"]}
    assert ckan.resource_show(id=table["id"])["datastore_active"] is False
    with pytest.raises(ckanapi.NotFound):
        ckan.datastore_search(resource_id=table["id"])

    with pytest.raises(ckanapi.NotAuthorized):
        ckan.dataset_purge(id="linii-autobuz")
    admin = UserFactory(username="root", email="root@example.com", admin=True)
    _, root = create_token(user=admin, name="root")
    ckanapi.RemoteCKAN(live_server.url, apikey=root).action.dataset_purge(id="linii-autobuz")
    assert not Dataset.objects.filter(name="linii-autobuz").exists()
    assert not Resource.objects.filter(pk=table["id"]).exists()


@LIVE
def test_ckanapi_dumps_every_group(live_server, small_catalogue, tmp_path) -> None:
    out = tmp_path / "groups.jsonl"
    done = subprocess.run(
        [CKANAPI, "dump", "groups", "--all", "-O", str(out), "-r", live_server.url, "-p", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{Path(CKANAPI).parent}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    assert done.returncode == 0, done.stderr
    groups = {g["name"]: g for g in map(json.loads, out.read_text().splitlines())}
    assert {"tran", "envi", "econ"} <= set(groups)
    assert groups["tran"]["package_count"] == 1 and groups["envi"]["package_count"] == 1


@LIVE
def test_datastore_tables_written_through_the_api(live_server, small_catalogue, publisher) -> None:
    _, plain = create_token(user=publisher, name="tests")
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=plain).action
    resource = ckan.resource_create(package_id="linii-autobuz", name="opriri", url="https://example.org/o")
    fields = [
        {"id": "stop", "type": "text"},
        {"id": "line", "type": "int4"},
        {"id": "opened", "type": "date"},
    ]
    table = ckan.datastore_create(
        resource_id=resource["id"],
        fields=fields,
        records=[{"stop": "Gara", "line": 1, "opened": "2020-05-01"}, {"stop": "UTA", "line": "2"}],
    )
    assert table["total"] == 2 and [f["type"] for f in table["fields"]] == ["text", "int", "date"]
    ckan.datastore_upsert(resource_id=resource["id"], records=[{"_id": 2, "line": 3}, {"stop": "Podgoria"}])
    rows = ckan.datastore_search(resource_id=resource["id"], sort="_id")["records"]
    assert rows == [
        {"_id": 1, "stop": "Gara", "line": 1, "opened": "2020-05-01"},
        {"_id": 2, "stop": "UTA", "line": 3, "opened": None},
        {"_id": 3, "stop": "Podgoria", "line": None, "opened": None},
    ]
    assert ckan.datastore_search(resource_id=resource["id"], filters={"line": 3})["total"] == 1
    for bad in ([{"line": "one"}], [{"nosuch": 1}], [{"_id": 99, "line": 1}], [{"_id": 10**20}], "x"):
        with pytest.raises(ckanapi.ValidationError):
            ckan.datastore_upsert(resource_id=resource["id"], records=bad)
    with pytest.raises(ckanapi.ValidationError):
        ckan.datastore_upsert(resource_id=resource["id"], records=[{"stop": "X"}], method="update")
    with pytest.raises(ckanapi.ValidationError):
        ckan.datastore_create(resource_id=resource["id"], fields=[{"id": "x", "type": "geometry"}])
    assert ckan.datastore_info(id=resource["id"])["meta"]["count"] == 3


@LIVE
def test_package_activity_list_records_each_change_and_who_made_it(
    live_server, small_catalogue, publisher
) -> None:
    _, plain = create_token(user=publisher, name="tests")
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=plain).action
    ckan.package_create(name="parcuri", title="Parcuri", owner_org="mediu")
    ckan.package_patch(id="parcuri", title="Parcuri și grădini")
    ckan.resource_create(package_id="parcuri", name="harta", url="https://example.org/parcuri.geojson")
    stream = ckanapi.RemoteCKAN(live_server.url).action.package_activity_list(id="parcuri")
    assert [a["activity_type"] for a in stream] == ["changed package", "changed package", "new package"]
    assert {a["user_id"] for a in stream} == {str(publisher.pk)}
    assert stream[1]["data"]["package"]["title"] == "Parcuri și grădini"
    assert stream[2]["data"]["package"]["title"] == "Parcuri"
    assert stream[0]["data"]["package"]["num_resources"] == 1
    assert [a["id"] for a in ckan.package_activity_list(id="parcuri", offset=1, limit=1)] == [stream[1]["id"]]
    ckan.package_delete(id="parcuri")
    assert ckan.package_activity_list(id="parcuri")[0]["activity_type"] == "deleted package"
    # Datasets made by the system (here the test's own catalogue) have a stream too, with no user.
    created = ckan.package_activity_list(id="aer-urban")
    assert [(a["activity_type"], a["user_id"]) for a in created] == [("new package", None)]
