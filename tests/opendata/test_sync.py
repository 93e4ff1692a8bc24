"""Push to and pull from a real CKAN (the testbed): CKAN_URL and CKAN_TOKEN from the environment.

Start one with `/work/shared/ckan-testbed/bootstrap.sh /tmp/ckan-test-od 2.12.0 7` and
`. /tmp/ckan-test-od/env.sh`; without it these tests are skipped with the reason.
"""

from __future__ import annotations

import os

import pytest
import requests
from django.core.management import call_command

from opendata.clients import RemoteCatalogue
from opendata.models import Dataset, Organization
from opendata.services import sync

CKAN_URL = os.environ.get("CKAN_URL", "")
CKAN_TOKEN = os.environ.get("CKAN_TOKEN", "")


def _reachable() -> str:
    if not CKAN_URL or not CKAN_TOKEN:
        return "CKAN_URL/CKAN_TOKEN not set: start ../shared/ckan-testbed/bootstrap.sh and source its env.sh"
    try:
        requests.get(f"{CKAN_URL}/api/3/action/status_show", timeout=5).raise_for_status()
    except requests.RequestException as exc:
        return f"no CKAN reachable at {CKAN_URL}: {exc}"
    return ""


pytestmark = pytest.mark.skipif(bool(_reachable()), reason=_reachable() or "CKAN reachable")
DEMO_ORGS = ["arad-urbanism", "arad-directia-fiscala", "arad-mediu"]


@pytest.fixture
def remote(settings) -> RemoteCatalogue:
    settings.OPENDATA_CKAN_ORG_PREFIX = "arad-"
    settings.OPENDATA_CKAN_ORG_MAP = {}
    return RemoteCatalogue(CKAN_URL, CKAN_TOKEN)


def _snapshot() -> dict[str, dict]:
    """The catalogue as comparable data: what must survive a round trip through CKAN."""
    found = {}
    for d in (
        Dataset.objects.active()
        .prefetch_related("tags", "themes", "resources")
        .select_related("organization")
    ):
        found[d.name] = {
            "title": d.title,
            "notes": d.notes,
            "organization": d.organization.name,
            "license": d.license_id,
            "frequency": d.frequency,
            "contact": d.contact_email,
            "tags": sorted(t.name for t in d.tags.all()),
            "themes": sorted(t.code for t in d.themes.all()),
            "resources": [
                (r.name, r.format, r.size, r.hash, r.fields, sync.dictize.download_url(r))
                for r in d.resources.all()
            ],
        }
    return found


def test_push_then_pull_into_an_empty_catalogue_reproduces_it(demo_catalogue, remote) -> None:
    first = sync.push(client=remote)
    assert not first.failed and len(first.created) + len(first.updated) == 4
    assert len(sync.push(client=remote).unchanged) == 4  # idempotent
    assert remote.show("calitatea-aerului")["organization"]["name"] == "arad-mediu"
    before = _snapshot()
    for resource_urls in before.values():
        assert all(url.startswith("http") for *_, url in resource_urls["resources"])

    Dataset.objects.all().delete()  # a second, empty catalogue
    Organization.objects.all().delete()
    pulled = sync.pull(client=remote, organizations=DEMO_ORGS)
    assert not pulled.failed and sorted(pulled.created) == sorted(before)
    assert _snapshot() == before
    assert set(Dataset.objects.values_list("origin", flat=True)) == {Dataset.Origin.HARVESTED}
    assert len(sync.pull(client=remote, organizations=DEMO_ORGS).unchanged) == 4


def test_push_resumes_after_a_failure_half_way_and_pull_retires(demo_catalogue, remote) -> None:
    class FailingAfterTwo(RemoteCatalogue):
        writes = 0

        def update(self, data):
            self.writes += 1
            if self.writes > 2:
                raise requests.ConnectionError("network down")
            return super().update(data)

        create = update

    broken = FailingAfterTwo(CKAN_URL, CKAN_TOKEN)
    half = sync.push(client=broken)
    assert len(half.failed) == 2 and len(half.created) + len(half.updated) == 2
    assert sync.push(client=remote, dry_run=True).unchanged == sorted(set(_snapshot()) - set(half.failed))
    resumed = sync.push(client=remote)
    assert sorted(resumed.created + resumed.updated) == sorted(half.failed)
    assert len(resumed.unchanged) == 2

    # Harvested elsewhere, then deleted at the source: the next pull retires it.
    Dataset.objects.all().delete()
    Organization.objects.all().delete()
    assert len(sync.pull(client=remote, organizations=DEMO_ORGS).created) == 4
    remote.delete("ocupare-parcari")
    again = sync.pull(client=remote, organizations=DEMO_ORGS)
    assert again.deleted == ["ocupare-parcari"] and len(again.unchanged) == 3
    assert Dataset.objects.get(name="ocupare-parcari").state == Dataset.State.DELETED


def test_datasets_made_private_are_deleted_from_the_remote(demo_catalogue, remote) -> None:
    assert not sync.push(client=remote).failed
    Dataset.objects.filter(name="calitatea-aerului").update(private=True)
    assert sync.push(client=remote).deleted == ["calitatea-aerului"]
    assert remote.show("calitatea-aerului")["state"] == "deleted"


def test_sync_command_dry_run_shows_progress_and_summary(demo_catalogue, remote, capsys) -> None:
    call_command("sync_ckan", "push", "--dry-run", url=CKAN_URL, token=CKAN_TOKEN)
    out = capsys.readouterr().out
    assert "[1/4] push calitatea-aerului" in out and "dry run: push" in out and "4 created" in out
