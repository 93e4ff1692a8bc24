"""Synchronisation with a remote CKAN: push our public datasets, pull (harvest) theirs.

Push upserts by name and records, per dataset and as soon as it is done, the remote id and a
hash of what was sent: a run that fails half-way is simply run again and skips what is already
up to date. Pull upserts by remote id, and retires harvested datasets that disappeared.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .. import dcat
from ..clients import RemoteCatalogue
from ..errors import ActionError
from ..models import LICENSES, Dataset, Organization
from ..selectors import dictize
from . import catalogue

logger = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None] | None
# CKAN's own licence ids for the ones we offer: what pulls map back, and what pushes look for
# when a remote's license_list names a licence neither by our id nor by its URL.
CKAN_LICENSES = {
    "cc-by": "CC-BY-4.0",
    "cc-zero": "CC0-1.0",
    "cc-by-sa": "CC-BY-SA-4.0",
    "odc-odbl": "ODbL-1.0",
}
SPATIAL_MAX = Dataset._meta.get_field("spatial").max_length


@dataclass
class SyncSummary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.deleted)} deleted, {len(self.failed)} failed"
        )


def remote_org_name(local: str) -> str:
    mapping: dict[str, str] = getattr(settings, "OPENDATA_CKAN_ORG_MAP", {})
    return mapping.get(local, getattr(settings, "OPENDATA_CKAN_ORG_PREFIX", "") + local)


def local_org_name(remote: str) -> str:
    reverse = {v: k for k, v in getattr(settings, "OPENDATA_CKAN_ORG_MAP", {}).items()}
    prefix = getattr(settings, "OPENDATA_CKAN_ORG_PREFIX", "")
    if remote in reverse:
        return reverse[remote]
    return remote[len(prefix) :] if prefix and remote.startswith(prefix) else remote


def _strip_url(url: str | None) -> str:
    return re.sub(r"^https?://(www\.)?", "", (url or "").strip().casefold()).rstrip("/")


def _title(text: str, *, versions: bool = True) -> str:
    """A licence title without case, bracketed abbreviations and (optionally) version numbers."""
    text = re.sub(r"\([^)]*\)", " ", (text or "").casefold())
    if not versions:
        text = re.sub(r"\b\d+(\.\d+)*\b", " ", text)
    return " ".join(text.split())


def _same_title(remote: str, ours: str) -> bool:
    """Equal titles; a remote title with no version stands for every version of that licence."""
    if not remote or not ours:
        return False
    if _title(remote) == _title(ours):
        return True
    return not re.search(r"\d", _title(remote)) and _title(remote) == _title(ours, versions=False)


def _is_open(entry: dict[str, Any]) -> bool:
    return bool(
        entry.get("od_conformance") == "approved"
        or entry.get("osd_conformance") == "approved"
        or entry.get("is_okd_compliant")
    )


def match_license(license_id: str, remote_licenses: list[dict[str, Any]]) -> str | None:
    """The id under which the remote lists our licence: by id, URL, CKAN's usual id, then title."""
    license_id = next((k for k in LICENSES if k.casefold() == license_id.casefold()), license_id)
    ours = LICENSES.get(license_id, {})
    usual = {v.casefold(): k for k, v in CKAN_LICENSES.items()}.get(license_id.casefold(), "")
    tests: list[Callable[[dict[str, Any]], bool]] = [
        lambda e: str(e.get("id", "")).casefold() == license_id.casefold(),
        lambda e: bool(ours.get("url")) and _strip_url(e.get("url")) == _strip_url(ours["url"]),
        lambda e: bool(usual) and str(e.get("id", "")).casefold() == usual,
        lambda e: _same_title(str(e.get("title") or ""), ours.get("title", "")),
    ]
    for test in tests:
        found = [e for e in remote_licenses if e.get("id") and test(e)]
        if found:
            return str(sorted(found, key=lambda e: not _is_open(e))[0]["id"])
    return None


def remote_license_ids(remote_licenses: list[dict[str, Any]]) -> dict[str, str]:
    """Our licence ids -> the remote's ids; an open licence the remote does not list goes as
    its "other-open" (so it still counts as open there), else under our own id."""
    fallback = next((e["id"] for e in remote_licenses if e.get("id") == "other-open"), None)
    mapping = {}
    for license_id in LICENSES:
        matched = match_license(license_id, remote_licenses)
        if matched is None:
            logger.warning("the remote CKAN lists no licence matching %s", license_id)
        mapping[license_id] = matched or fallback or license_id
    return mapping


def push_payload(dataset: Dataset, licenses: dict[str, str] | None = None) -> dict[str, Any]:
    """What a remote CKAN gets: core fields, extras, and resources linking to our downloads.

    `licenses` maps our licence ids to the remote's (see `remote_license_ids`).
    """
    own = dictize.package_dict(dataset)
    return {
        "name": own["name"],
        "title": own["title"],
        "notes": own["notes"],
        "owner_org": remote_org_name(dataset.organization.name),
        "license_id": (licenses or {}).get(own["license_id"], own["license_id"]),
        "private": False,
        "state": "active",
        "url": str(dcat.dataset_iri(dictize.base_url(), dataset)),  # the same in every language
        "maintainer": own["maintainer"],
        "maintainer_email": own["maintainer_email"],
        "tags": [{"name": t["name"]} for t in own["tags"]],
        "extras": own["extras"],
        "resources": [
            {k: r[k] for k in ("name", "description", "format", "url", "size", "hash", "fields")}
            for r in own["resources"]
        ],
    }


def _hash(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def push(*, client: RemoteCatalogue, dry_run: bool = False, progress: Progress = None) -> SyncSummary:
    """Publish local public datasets to the remote CKAN; delete there what is gone or private here."""
    summary = SyncSummary()
    outgoing = list(
        dictize.with_relations(
            Dataset.objects.public().exclude(origin=Dataset.Origin.HARVESTED).order_by("name")
        )
    )
    withdrawn = list(
        Dataset.objects.exclude(remote_id="")
        .exclude(origin=Dataset.Origin.HARVESTED)
        .filter(Q(state=Dataset.State.DELETED) | Q(private=True))
        .order_by("name")
    )
    total = len(outgoing) + len(withdrawn)
    orgs_ready: set[str] = set()
    licenses = remote_license_ids(client.licenses()) if outgoing else {}
    for step, dataset in enumerate(outgoing, start=1):
        payload = push_payload(dataset, licenses)
        digest = _hash(payload)
        try:
            if dataset.remote_id and dataset.remote_hash == digest:
                summary.unchanged.append(dataset.name)
            elif dry_run:
                (summary.updated if dataset.remote_id else summary.created).append(dataset.name)
            else:
                org = payload["owner_org"]
                if org not in orgs_ready:
                    client.ensure_organization(
                        org, dataset.organization.title, dataset.organization.description
                    )
                    orgs_ready.add(org)
                existing = client.show(dataset.name)
                if existing:
                    result = client.update({**payload, "id": existing["id"]})
                    summary.updated.append(dataset.name)
                else:
                    result = client.create(payload)
                    summary.created.append(dataset.name)
                Dataset.objects.filter(pk=dataset.pk).update(
                    remote_id=result["id"], remote_hash=digest, remote_synced_at=timezone.now()
                )
        except Exception as exc:  # noqa: BLE001 - one dataset's failure must not stop the run
            logger.warning("push of %s failed: %s", dataset.name, exc)
            summary.failed[dataset.name] = str(exc)[:500]
        if progress:
            progress(step, total, f"push {dataset.name}")
    for step, dataset in enumerate(withdrawn, start=len(outgoing) + 1):
        try:
            if not dry_run:
                client.delete(dataset.remote_id)
                Dataset.objects.filter(pk=dataset.pk).update(remote_id="", remote_hash="")
            summary.deleted.append(dataset.name)
        except Exception as exc:  # noqa: BLE001
            summary.failed[dataset.name] = str(exc)[:500]
        if progress:
            progress(step, total, f"delete {dataset.name}")
    return summary


def remote_spatial(remote: dict[str, Any]) -> str:
    """The area a remote package says it covers (ours as text, DCAT's as a place IRI), else ""."""
    extras = {e.get("key"): str(e.get("value") or "").strip() for e in remote.get("extras") or []}
    for key in ("spatial_text", "spatial_uri"):
        if extras.get(key) and len(extras[key]) <= SPATIAL_MAX:
            return extras[key]
    return ""


def pull_data(remote: dict[str, Any]) -> dict[str, Any]:
    """A remote package as local package data (themes travel in the `theme` extra).

    The area covered is the source's: never the local default when the source names none.
    """
    license_id = remote.get("license_id") or "CC-BY-4.0"
    license_id = CKAN_LICENSES.get(license_id, license_id)
    extras = [e for e in remote.get("extras") or [] if e.get("key")]
    extras = [e for e in extras if e["key"] != "spatial_text"]
    extras.append({"key": "spatial_text", "value": remote_spatial(remote)})
    if remote.get("maintainer") and not any(e["key"] == "contact_name" for e in extras):
        extras.append({"key": "contact_name", "value": remote["maintainer"]})
    return {
        "name": remote["name"],
        "title": remote.get("title") or remote["name"],
        "notes": remote.get("notes") or "",
        "owner_org": local_org_name((remote.get("organization") or {}).get("name", "")),
        "license_id": license_id,
        "tags": [{"name": t["name"]} for t in remote.get("tags") or []],
        "extras": extras,
        "resources": [
            {
                "name": r.get("name") or "",
                "description": r.get("description") or "",
                "format": r.get("format") or "",
                "url": r.get("url") or "",
                "size": r.get("size"),
                "hash": r.get("hash") or "",
                "fields": r.get("fields") if isinstance(r.get("fields"), list) else [],
                "last_modified": r.get("last_modified"),
                "remote_id": r.get("id", ""),
            }
            for r in remote.get("resources") or []
        ],
    }


def pull(
    *, client: RemoteCatalogue, organizations: list[str] | None = None, progress: Progress = None
) -> SyncSummary:
    """Harvest the remote CKAN's datasets: upsert by remote id, retire what disappeared."""
    summary = SyncSummary()
    seen: set[str] = set()
    remote_datasets = list(client.datasets(organizations))
    for step, remote in enumerate(remote_datasets, start=1):
        seen.add(remote["id"])
        try:
            _pull_one(client, remote, summary)
        except (ActionError, KeyError) as exc:
            summary.failed[remote.get("name", remote["id"])] = str(exc)[:500]
        if progress:
            progress(step, len(remote_datasets), f"pull {remote.get('name')}")
    gone = Dataset.objects.active().filter(origin=Dataset.Origin.HARVESTED, source_key=client.url)
    if organizations:
        gone = gone.filter(organization__name__in=[local_org_name(o) for o in organizations])
    for dataset in gone.exclude(remote_id__in=seen):
        catalogue.delete_package(dataset=dataset)
        summary.deleted.append(dataset.name)
    return summary


@transaction.atomic
def _pull_one(client: RemoteCatalogue, remote: dict[str, Any], summary: SyncSummary) -> None:
    local = Dataset.objects.filter(remote_id=remote["id"]).first()
    if local is not None and local.origin != Dataset.Origin.HARVESTED:
        summary.unchanged.append(local.name)  # our own dataset, pushed earlier
        return
    if local is not None and local.remote_hash == remote.get("metadata_modified") and local.state == "active":
        summary.unchanged.append(local.name)
        return
    org = remote.get("organization") or {}
    org_name = local_org_name(org.get("name", ""))
    if org_name and not Organization.objects.filter(name=org_name).exists():
        catalogue.save_organization(
            name=org_name, title=org.get("title") or org_name, description=org.get("description") or ""
        )
    data = pull_data(remote)
    if local is None:
        if Dataset.objects.filter(name=data["name"]).exists():
            raise catalogue.ValidationFailed({"name": ["a local dataset already has this name"]})
        local = catalogue.create_package(data=data, origin=Dataset.Origin.HARVESTED)
        summary.created.append(local.name)
    else:
        local = catalogue.update_package(dataset=local, data=data, partial=False)
        summary.updated.append(local.name)
    Dataset.objects.filter(pk=local.pk).update(
        remote_id=remote["id"],
        source_key=client.url,
        remote_hash=remote.get("metadata_modified") or "",
        remote_synced_at=timezone.now(),
    )
