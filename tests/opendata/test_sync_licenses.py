"""Pushed datasets carry the remote CKAN's own id for their licence (from its license_list), so an
open licence arrives there as that open licence; pulls map it back. Against the real CKAN testbed
(CKAN_URL and CKAN_TOKEN; see tests/opendata/test_sync.py), except the matching rules below."""

from __future__ import annotations

import pytest
from django.test import Client

from opendata.clients import RemoteCatalogue
from opendata.models import LICENSES, Dataset, Organization
from opendata.services import catalogue, sync

from .test_sync import CKAN_TOKEN, CKAN_URL, _reachable

needs_ckan = pytest.mark.skipif(bool(_reachable()), reason=_reachable() or "CKAN reachable")
ORG = "licente"


def _open(entry: dict) -> bool:
    return entry.get("od_conformance") == "approved" or entry.get("osd_conformance") == "approved"


@pytest.fixture
def remote(settings) -> RemoteCatalogue:
    settings.OPENDATA_CKAN_ORG_PREFIX = "arad-"
    settings.OPENDATA_CKAN_ORG_MAP = {}
    return RemoteCatalogue(CKAN_URL, CKAN_TOKEN)


@pytest.fixture
def one_dataset_per_licence(db) -> dict[str, str]:
    """{dataset name: our licence id}, one public dataset for every licence we offer."""
    catalogue.save_organization(name=ORG, title="Licențe")
    made = {}
    for license_id in LICENSES:
        name = "licenta-" + license_id.lower().replace(".", "-")
        catalogue.create_package(
            data={
                "name": name,
                "title": f"Set sub {license_id}",
                "owner_org": ORG,
                "license_id": license_id,
                "resources": [{"name": "date", "url": f"https://example.org/{name}.csv", "format": "CSV"}],
            }
        )
        made[name] = license_id
    return made


@needs_ckan
def test_each_pushed_licence_is_the_remotes_open_entry_for_it(one_dataset_per_licence, remote) -> None:
    listed = {entry["id"]: entry for entry in remote.licenses()}
    summary = sync.push(client=remote)
    assert not summary.failed
    assert set(one_dataset_per_licence) <= set(summary.created + summary.updated + summary.unchanged)
    for name, ours in one_dataset_per_licence.items():
        package = remote.show(name)
        entry = listed.get(package["license_id"])
        assert entry is not None, (name, package["license_id"], "not in the remote's license_list")
        assert _open(entry) and package["isopen"] is True, (name, entry)
        assert sync._same_title(entry["title"], LICENSES[ours]["title"]), (ours, entry["title"])
        source = package["url"].split("://", 1)[1].split("/", 1)[1]  # our page, in no language
        assert source == f"opendata/dataset/{name}/"
        assert Client().get("/" + source, follow=True).status_code == 200
    assert len({remote.show(n)["license_id"] for n in one_dataset_per_licence}) == len(LICENSES)

    Dataset.objects.all().delete()  # pulled into an empty catalogue: our ids come back
    Organization.objects.all().delete()
    pulled = sync.pull(client=remote, organizations=[sync.remote_org_name(ORG)])
    assert not pulled.failed
    assert dict(Dataset.objects.values_list("name", "license_id")) == one_dataset_per_licence


@needs_ckan
def test_licence_ids_are_matched_against_the_live_list(remote) -> None:
    listed = remote.licenses()
    mapping = sync.remote_license_ids(listed)
    open_ids = {e["id"] for e in listed if _open(e)}
    assert set(mapping) == set(LICENSES) and set(mapping.values()) <= open_ids


PORTAL_LIST = [  # how other portals list licences: their own ids, upper case, other URLs and titles
    {"id": "CC-BY-4.0-RO", "title": "Atribuire", "url": "HTTPS://creativecommons.org/licenses/by/4.0"},
    {"id": "Creative-Commons-0", "title": "Creative Commons CCZero 1.0", "url": ""},
    {
        "id": "odbl",
        "title": "Open Data Commons Open Database License (ODbL)",
        "url": "",
        "od_conformance": "approved",
    },
    {"id": "odbl-old", "title": "Open Data Commons Open Database License 0.9", "url": ""},
    {"id": "cc-by-sa-3", "title": "Creative Commons Attribution Share-Alike 3.0", "url": ""},
    {"id": "other-open", "title": "Other (Open)", "url": "", "od_conformance": "approved"},
]


def test_matching_by_url_title_and_case() -> None:
    assert sync.match_license("CC-BY-4.0", PORTAL_LIST) == "CC-BY-4.0-RO"  # by URL
    assert sync.match_license("cc0-1.0", PORTAL_LIST) == "Creative-Commons-0"  # by title
    assert sync.match_license("ODbL-1.0", PORTAL_LIST) == "odbl"  # an unversioned title, not 0.9
    assert sync.match_license("CC-BY-SA-4.0", PORTAL_LIST) is None  # 3.0 is another licence
    assert sync.remote_license_ids(PORTAL_LIST)["CC-BY-SA-4.0"] == "other-open"
