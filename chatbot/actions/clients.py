"""The one HTTP client the actions use to reach the portal's public API, with timeouts.

The base URL comes from PORTAL_API_URL (default http://127.0.0.1:8000). Every call raises
`PortalUnavailable` when the portal cannot be reached or answers with a server error, so the
actions can say so plainly instead of failing silently.
"""

from __future__ import annotations

import os
from typing import Any

import requests

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
TIMEOUT = (2.0, 6.0)  # connect, read (seconds): the resident is waiting in the chat


class PortalUnavailable(Exception):
    """The portal (or one of its apps) did not answer usefully."""


class NotFound(Exception):
    """The portal answered 404 (unknown record, or wrong PIN: the registry does not tell which)."""


class RateLimited(Exception):
    """The portal answered 429: too many attempts from this client."""


class PortalClient:
    """Typed calls to the portal's public API (/api/v1/ and the CKAN Action API)."""

    def __init__(self, base_url: str | None = None, session: requests.Session | None = None) -> None:
        self.base_url = (base_url or os.environ.get("PORTAL_API_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.session = session or requests.Session()

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self.session.request(method, self.base_url + path, timeout=TIMEOUT, **kwargs)
        except requests.RequestException as exc:
            raise PortalUnavailable(f"{method} {path}: {exc}") from exc
        if response.status_code == 404:
            raise NotFound(path)
        if response.status_code == 429:
            raise RateLimited(path)
        if response.status_code >= 400:
            raise PortalUnavailable(f"{method} {path}: HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise PortalUnavailable(f"{method} {path}: not JSON") from exc

    # One-stop shop
    def departments(self, *, lang: str) -> list[dict[str, Any]]:
        return self._request("GET", "/api/v1/departments", params={"lang": lang})

    def services(self, *, lang: str, q: str = "") -> list[dict[str, Any]]:
        params = {"lang": lang, **({"q": q} if q else {})}
        return self._request("GET", "/api/v1/services", params=params)

    # Document registry
    def document_status(self, *, number: str, pin: str, lang: str) -> dict[str, Any]:
        return self._request(
            "GET", "/api/v1/documents/status", params={"number": number, "pin": pin, "lang": lang}
        )

    def documents_config(self) -> dict[str, Any]:
        """The registry's public settings, e.g. {"pin_digits": 6}."""
        return self._request("GET", "/api/v1/documents/config")

    def create_request(self, *, subject: str, message: str, lang: str, service: str = "") -> dict[str, Any]:
        body = {"subject": subject, "message": message, "channel": "chatbot", "lang": lang}
        if service:
            body["service"] = service
        return self._request("POST", "/api/v1/documents/requests", json=body)

    # Map
    def nearest(
        self, *, kind: str, lat: float, lon: float, lang: str, limit: int = 3
    ) -> list[dict[str, Any]]:
        params = {"kind": kind, "lat": lat, "lon": lon, "limit": limit, "lang": lang}
        return self._request("GET", "/api/v1/gis/nearest", params=params)

    def places(self, *, q: str, limit: int = 5) -> list[dict[str, Any]]:
        return self._request("GET", "/api/v1/gis/places", params={"q": q, "limit": limit})

    # Training
    def tutorials(self, *, service: str, lang: str) -> list[dict[str, Any]]:
        return self._request("GET", "/api/v1/training/tutorials", params={"service": service, "lang": lang})

    # Open data (CKAN Action API envelope)
    def datasets(self, *, q: str = "", fq: str = "", lang: str = "", rows: int = 3) -> dict[str, Any]:
        """Datasets matching `q`; `lang` is the language the words are written in (the catalogue
        searches its titles and descriptions in that language too, where it has them)."""
        params = {"q": q, "rows": rows, **({"fq": fq} if fq else {}), **({"lang": lang} if lang else {})}
        headers = {"Accept-Language": lang} if lang else {}
        return self._ckan("package_search", params=params, headers=headers)

    def themes(self, *, lang: str) -> list[dict[str, Any]]:
        """The catalogue's themes (CKAN groups) with their titles in `lang`."""
        return self._ckan("group_list", params={"all_fields": "true"}, headers={"Accept-Language": lang})

    def _ckan(self, action: str, **kwargs: Any) -> Any:
        body = self._request("GET", f"/api/3/action/{action}", **kwargs)
        if not isinstance(body, dict) or not body.get("success"):
            raise PortalUnavailable(f"{action}: unsuccessful")
        return body["result"]
