"""Language redirects only for the translated site, never for machine endpoints; and a 400 for
a NUL character in a query string, before any view sees it.

Django's LocaleMiddleware turns a 404 into a redirect to `/<lang>/<path>` whenever that path would
resolve — and Wagtail's catch-all resolves everything, so an unknown `/api/v1/...` or `/ogcapi/...`
URL answered a client with a 302 to an HTML page instead of a 404. Paths under the language-neutral
URL patterns (those outside `i18n_patterns`) keep their own status.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.core.exceptions import BadRequest
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


class RejectNulMiddleware:
    """A 400 for a NUL character in the query string. No parameter has a use for one, and
    PostgreSQL refuses it in any text it is compared with, which would make every lookup a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in key or "\x00" in "".join(values) for key, values in request.GET.lists()):
            raise BadRequest("NUL character in the query string")
        return self.get_response(request)
