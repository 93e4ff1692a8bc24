"""Outbound HTTP to a remote CKAN (a national portal, or the testbed), through ckanapi. No ORM."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ckanapi


class RemoteCatalogue:
    """The few calls the sync needs, with CKAN's errors turned into plain results."""

    def __init__(self, url: str, token: str = "", timeout: int = 30) -> None:
        self.url = url.rstrip("/")
        self.ckan = ckanapi.RemoteCKAN(self.url, apikey=token or None, user_agent="arad-digital-sync/1")
        self.timeout = timeout

    def call(self, action: str, **data: Any) -> Any:
        return self.ckan.call_action(action, data, requests_kwargs={"timeout": self.timeout})

    def show(self, name: str) -> dict[str, Any] | None:
        try:
            return self.call("package_show", id=name)
        except ckanapi.NotFound:
            return None

    def ensure_organization(self, name: str, title: str, description: str = "") -> None:
        try:
            self.call("organization_show", id=name)
        except ckanapi.NotFound:
            self.call("organization_create", name=name, title=title, description=description)

    def licenses(self) -> list[dict[str, Any]]:
        """The remote's license_list: the licence ids it knows, with titles, URLs and openness."""
        return list(self.call("license_list"))

    def create(self, data: dict[str, Any]) -> dict[str, Any]:
        return self.call("package_create", **data)

    def update(self, data: dict[str, Any]) -> dict[str, Any]:
        return self.call("package_update", **data)

    def delete(self, name: str) -> None:
        try:
            self.call("package_delete", id=name)
        except ckanapi.NotFound:
            pass

    def datasets(self, organizations: list[str] | None = None, page: int = 200) -> Iterator[dict]:
        """Every public dataset (of the given organizations), paged through package_search."""
        # One field with a parenthesised OR list: what Solr and simpler search back ends agree on.
        fq = f"organization:({' OR '.join(organizations)})" if organizations else ""
        start = 0
        while True:
            result = self.call("package_search", q="*:*", fq=fq, rows=page, start=start, sort="name asc")
            for dataset in result["results"]:
                org = (dataset.get("organization") or {}).get("name")
                if not organizations or org in organizations:
                    yield dataset
            start += page
            if start >= result["count"] or not result["results"]:
                return
