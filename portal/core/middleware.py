"""Portal-wide middleware: the Content-Security-Policy, and language redirects only for the
translated site, never for machine endpoints.

Django's LocaleMiddleware turns a 404 into a redirect to `/<lang>/<path>` whenever that path would
resolve — and Wagtail's catch-all resolves everything, so an unknown `/api/v1/...` or `/ogcapi/...`
URL answered a client with a 302 to an HTML page instead of a 404. Paths under the language-neutral
URL patterns (those outside `i18n_patterns`) keep their own status.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus the redirect for language-neutral paths."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code == 404 and is_language_neutral(request.path_info):
            return response
        return super().process_response(request, response)


def is_language_neutral(path: str) -> bool:
    """True when `path` falls under a URL pattern declared outside i18n_patterns."""
    return path.lstrip("/").startswith(neutral_prefixes())


@cache
def neutral_prefixes() -> tuple[str, ...]:
    """The literal beginnings ("api/v1/", "ogcapi", "healthz", …) of the language-neutral routes."""
    prefixes: set[str] = set()

    def walk(patterns: list, prefix: str) -> None:
        for entry in patterns:
            if isinstance(entry.pattern, LocalePrefixPattern):
                continue
            literal = prefix + _literal(entry)
            if isinstance(entry, URLResolver) and not literal:
                walk(entry.url_patterns, literal)
            elif literal:
                prefixes.add(literal)

    walk(get_resolver().url_patterns, "")
    return tuple(sorted(prefixes))


def _literal(entry: URLPattern | URLResolver) -> str:
    """The fixed text a route starts with, up to its first converter or regex metacharacter."""
    text = str(entry.pattern).lstrip("^")
    for index, char in enumerate(text):
        if char in "<([\\.*+?$|{":
            return text[:index]
    return text


class ContentSecurityPolicyMiddleware:
    """Sends the Content-Security-Policy of settings.CSP_POLICY (CSP_ADMIN_POLICY under the admin).

    Report-only when settings.CSP_REPORT_ONLY is true; a policy a view has set already is kept.
    The map's tile server (settings.MAP_TILE_URL) is added to img-src.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only" if settings.CSP_REPORT_ONLY else "Content-Security-Policy"
        )
        if header not in response:
            admin = request.path_info.startswith(settings.CSP_ADMIN_PREFIX)
            response[header] = policy_header(
                settings.CSP_ADMIN_POLICY if admin else settings.CSP_POLICY,
                tile_url=settings.MAP_TILE_URL,
                report_uri=settings.CSP_REPORT_URI,
            )
        return response


def policy_header(policy: dict[str, list[str]], *, tile_url: str, report_uri: str) -> str:
    """The header value: directives in order, the tile server's origin added to img-src."""
    directives = {name: list(sources) for name, sources in policy.items()}
    origin = tile_origin(tile_url)
    if origin and origin not in directives.setdefault("img-src", []):
        directives["img-src"].append(origin)
    if report_uri:
        directives["report-uri"] = [report_uri]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def tile_origin(url: str) -> str:
    """`https://{s}.tile.example.org/{z}/{x}/{y}.png` -> `https://*.tile.example.org`; "" for a
    relative URL (the portal's own tiles, covered by 'self') or one without a scheme."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    host = re.sub(r"\{[a-z]+\}", "*", parts.netloc)
    return f"{parts.scheme}://{host}"
