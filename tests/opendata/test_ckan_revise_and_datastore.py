"""package_revise, datastore_delete with filters, datastore_search record formats (ckanapi, HTTP)."""

from __future__ import annotations

from typing import Any

import ckanapi
import pytest

from opendata.models import Dataset
from opendata.services.community import create_token

LIVE = pytest.mark.django_db(transaction=True)


@LIVE
def test_package_revise_matches_filters_and_updates(live_server, small_catalogue, publisher) -> None:
    _, plain = create_token(user=publisher, name="tests")
    remote = ckanapi.RemoteCKAN(live_server.url, apikey=plain)
    ckan = remote.action
    before = ckan.package_show(id="aer-urban")
    first, second = before["resources"]

    with pytest.raises(ckanapi.ValidationError) as refused:
        ckan.package_revise(match={"name": "aer-urban", "title": "not the title"}, update={"notes": "x"})
    assert refused.value.error_dict["match"] == ["title"]
    assert Dataset.objects.get(name="aer-urban").notes == ""

    revised = ckan.package_revise(
        match={"name": "aer-urban", "title": before["title"]}, update={"notes": "Măsurători PM10"}
    )["package"]
    assert revised["notes"] == "Măsurători PM10" and revised["title"] == before["title"]
    assert [r["id"] for r in revised["resources"]] == [first["id"], second["id"]]
    assert [t["name"] for t in revised["tags"]] == ["aer"]

    # Flattened keys: a resource by the start of its id, appending, and the match by id.
    revised = remote.call_action(
        "package_revise",
        {
            "match__id": before["id"],
            f"update__resources__{second['id'][:8]}__description": "fișier JSON",
            "update__resources__extend": [{"name": "c", "url": "https://example.org/c.xml", "format": "XML"}],
        },
    )["package"]
    assert [r["name"] for r in revised["resources"]] == ["a", "b", "c"]
    assert revised["resources"][1]["description"] == "fișier JSON"

    # filter removes the second resource; the others keep their ids.
    revised = ckan.package_revise(match={"id": before["id"]}, filter=["-resources__1"])["package"]
    assert [r["name"] for r in revised["resources"]] == ["a", "c"]
    assert revised["resources"][0]["id"] == first["id"]

    assert ckan.package_revise(match={"name": "aer-urban"}, update={"title": "Aer"}, include=["-*"]) == {}
    assert Dataset.objects.get(name="aer-urban").title == "Aer"

    for bad in (
        {"update": {"notes": "x"}},
        {"match": {"name": "aer-urban"}, "update": ["x"]},
        {"match": {"name": "aer-urban"}, "update__resources__99__name": "x"},
        {"match": {"name": "aer-urban"}, "update": {"resources": "x"}},
    ):
        with pytest.raises(ckanapi.ValidationError):
            remote.call_action("package_revise", bad)
    with pytest.raises(ckanapi.NotAuthorized):
        ckanapi.RemoteCKAN(live_server.url).action.package_revise(match={"name": "aer-urban"})
    activity = ckan.package_activity_list(id="aer-urban")
    assert activity[0]["user_id"] == str(publisher.pk) and activity[0]["activity_type"] == "changed package"

    for unreadable in ("99999-01-01", "2024-13-01", "ieri"):
        with pytest.raises(ckanapi.ValidationError):
            ckan.resource_patch(id=first["id"], last_modified=unreadable)
    patched = ckan.resource_patch(id=first["id"], last_modified="2024-05-01T10:00:00")
    assert patched["last_modified"].startswith("2024-05-01T10:00:00")


def _stops_table(live_server: Any, publisher: Any, records: list[dict[str, Any]]) -> tuple[Any, dict]:
    """A publisher's CKAN client and a new resource holding a datastore table of bus stops."""
    _, plain = create_token(user=publisher, name="tests")
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=plain).action
    resource = ckan.resource_create(package_id="linii-autobuz", name="opriri", url="https://example.org/o")
    ckan.datastore_create(
        resource_id=resource["id"],
        fields=[{"id": "stop", "type": "text"}, {"id": "line", "type": "int"}],
        records=records,
    )
    return ckan, resource


@LIVE
def test_datastore_delete_with_filters_removes_only_the_matching_rows(
    live_server, small_catalogue, publisher
) -> None:
    ckan, resource = _stops_table(
        live_server,
        publisher,
        [{"stop": "Gara", "line": 1}, {"stop": "UTA", "line": 2}, {"stop": "Podgoria", "line": 2}],
    )

    answer = ckan.datastore_delete(resource_id=resource["id"], filters={"line": 2, "stop": "UTA"})
    assert answer["filters"] == {"line": 2, "stop": "UTA"}
    rows = ckan.datastore_search(resource_id=resource["id"], sort="_id")["records"]
    assert [r["stop"] for r in rows] == ["Gara", "Podgoria"]

    for bad in ({"_id": "abc"}, [1], {"nosuch": 1}, {"line": "two"}):
        with pytest.raises(ckanapi.ValidationError):
            ckan.datastore_delete(resource_id=resource["id"], filters=bad)
    assert ckan.datastore_search(resource_id=resource["id"])["total"] == 2

    ckan.datastore_delete(resource_id=resource["id"], filters={"_id": [rows[0]["_id"]]})
    assert [r["stop"] for r in ckan.datastore_search(resource_id=resource["id"])["records"]] == ["Podgoria"]
    # An empty filter empties the table but keeps it, as CKAN does.
    ckan.datastore_delete(resource_id=resource["id"], filters={})
    assert ckan.datastore_search(resource_id=resource["id"])["total"] == 0
    assert ckan.resource_show(id=resource["id"])["datastore_active"] is True


@LIVE
def test_datastore_search_records_formats_and_total(live_server, small_catalogue, publisher) -> None:
    _ckan, resource = _stops_table(
        live_server, publisher, [{"stop": "Gara, peron 1", "line": 1}, {"stop": "UTA", "line": None}]
    )
    search = ckanapi.RemoteCKAN(live_server.url).action.datastore_search

    lists = search(resource_id=resource["id"], records_format="lists", sort="_id")
    assert [f["id"] for f in lists["fields"]] == ["_id", "stop", "line"]
    assert lists["records"] == [[1, "Gara, peron 1", 1], [2, "UTA", None]]
    csv_rows = search(resource_id=resource["id"], records_format="csv", fields="stop,line", sort="_id")
    assert csv_rows["records"] == '"Gara, peron 1",1\nUTA,\n'
    tsv_rows = search(resource_id=resource["id"], records_format="tsv", fields=["line", "stop"], sort="_id")
    assert tsv_rows["records"] == "1\tGara, peron 1\n\tUTA\n"
    assert search(resource_id=resource["id"])["records"][0] == {"_id": 1, "stop": "Gara, peron 1", "line": 1}

    untotalled = search(resource_id=resource["id"], include_total=False)
    assert "total" not in untotalled and len(untotalled["records"]) == 2
    with pytest.raises(ckanapi.ValidationError):
        search(resource_id=resource["id"], records_format="xml")
