"""Template context every public page needs: the site root in the active language, its main
sections and the portal's applications, for the header, the footer and the language switcher."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .selectors import online_tools, site_sections


def site_chrome(request: HttpRequest) -> dict[str, Any]:
    if request.path.startswith(("/admin/", "/api/", "/healthz")):
        return {}
    return {"site_sections": site_sections(request), "online_tools": online_tools()}
