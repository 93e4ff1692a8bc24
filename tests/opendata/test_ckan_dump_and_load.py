"""`ckanapi dump` and `ckanapi load` (the command line) round-trip the catalogue over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ckanapi
import pytest

from opendata.models import Dataset, Organization
from opendata.services.community import create_token

CKANAPI = str(Path(sys.executable).parent / "ckanapi")
ENV = {**os.environ, "PATH": f"{Path(CKANAPI).parent}{os.pathsep}{os.environ.get('PATH', '')}"}


def _ckanapi(*args: str) -> str:
    done = subprocess.run([CKANAPI, *args], capture_output=True, text=True, timeout=120, env=ENV)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _rewrite(path: Path, change) -> None:
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    path.write_text("".join(json.dumps(change(row)) + "\n" for row in rows))


@pytest.mark.django_db(transaction=True)
def test_dumped_datasets_and_organizations_load_back_as_updates(
    live_server, small_catalogue, publisher, tmp_path
) -> None:
    _, token = create_token(user=publisher, name="tests")
    datasets, orgs = tmp_path / "datasets.jsonl", tmp_path / "organizations.jsonl"
    _ckanapi("dump", "datasets", "--all", "-O", str(datasets), "-r", live_server.url, "-p", "1", "-q")
    _ckanapi("dump", "organizations", "--all", "-O", str(orgs), "-r", live_server.url, "-p", "1", "-q")
    resource_ids = {
        d.name: sorted(str(pk) for pk in d.resources.values_list("pk", flat=True))
        for d in Dataset.objects.all()
    }

    _rewrite(datasets, lambda d: {**d, "title": d["title"] + " (revizuit)"})
    _rewrite(orgs, lambda o: {**o, "description": f"Direcția {o['title']}"})
    _ckanapi("load", "datasets", "-I", str(datasets), "-r", live_server.url, "-a", token, "-p", "1", "-q")
    _ckanapi("load", "organizations", "-I", str(orgs), "-r", live_server.url, "-a", token, "-p", "1", "-q")

    assert Dataset.objects.get(name="aer-urban").title == "Aer urban (revizuit)"
    assert Dataset.objects.get(name="linii-autobuz").title == "Linii (revizuit)"
    assert {
        d.name: sorted(str(pk) for pk in d.resources.values_list("pk", flat=True))
        for d in Dataset.objects.all()
    } == resource_ids
    assert sorted(t.name for t in Dataset.objects.get(name="aer-urban").tags.all()) == ["aer"]
    assert Organization.objects.get(name="transport").description == "Direcția Transport"


@pytest.mark.django_db(transaction=True)
def test_organization_update_and_rename(live_server, small_catalogue, publisher) -> None:
    _, token = create_token(user=publisher, name="tests")
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=token).action
    ckan.organization_patch(id="mediu", description="Calitatea aerului")

    renamed = ckan.organization_patch(id="mediu", name="mediu-urban")
    assert renamed["name"] == "mediu-urban" and renamed["description"] == "Calitatea aerului"
    assert ckan.package_show(id="aer-urban")["organization"]["name"] == "mediu-urban"
    updated = ckan.organization_update(id="mediu-urban", title="Mediu urban")
    assert updated["title"] == "Mediu urban" and updated["description"] == ""
    assert updated["package_count"] == 1

    for bad in ({"name": "transport"}, {"name": "Nu E Slug"}, {"title": ["x"]}):
        with pytest.raises(ckanapi.ValidationError):
            ckan.organization_update(id="mediu-urban", **bad)
    with pytest.raises(ckanapi.NotAuthorized):
        ckanapi.RemoteCKAN(live_server.url).action.organization_update(id="mediu-urban", title="x")
    assert Organization.objects.get(name="mediu-urban").title == "Mediu urban"
