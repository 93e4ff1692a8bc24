"""Operational endpoints: health, and the browsers' Content-Security-Policy reports."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .net import client_address
from .services import health_report

logger = logging.getLogger("portal.csp")

# The fields of a violation worth logging (report-uri's names and the Reporting API's).
REPORT_FIELDS = (
    "document-uri",
    "documentURL",
    "violated-directive",
    "effective-directive",
    "effectiveDirective",
    "blocked-uri",
    "blockedURL",
    "source-file",
    "sourceFile",
    "line-number",
    "lineNumber",
    "disposition",
)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Status of the database, cache, broker and Rasa; 503 when the portal cannot serve.

    The public sees each component up or down; staff who may enter the admin also see latencies,
    details and error texts (which can name hosts and internals).
    """
    report = health_report()
    status = 200 if report["status"] != "down" else 503
    if not request.user.has_perm("wagtailadmin.access_admin"):
        report = {
            "status": report["status"],
            "checks": {name: {"ok": check["ok"]} for name, check in report["checks"].items()},
        }
    return JsonResponse(report, status=status)


@csrf_exempt
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Logs a browser's Content-Security-Policy violation report (report-uri or Reporting API).

    204 when logged; 413 for a body over CSP_REPORT_MAX_BYTES, 429 past the per-address limit,
    400 for anything that is not a report.
    """
    limit = settings.CSP_REPORT_MAX_BYTES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponse(status=400)
    if length > limit:
        return HttpResponse(status=413)
    key = f"csp-report:{client_address(request)}"
    if not cache.add(key, 1, 60):
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            count = int(not cache.add(key, 1, 60)) + 1
        if count > settings.CSP_REPORT_LIMIT_PER_MINUTE:
            return HttpResponse(status=429)
    body = request.read(limit + 1)
    if len(body) > limit:
        return HttpResponse(status=413)
    violations = _violations(body)
    if not violations:
        return HttpResponse(status=400)
    for violation in violations:
        logger.warning("CSP violation: %s", json.dumps(violation, ensure_ascii=False, sort_keys=True))
    return HttpResponse(status=204)


def _violations(body: bytes) -> list[dict[str, Any]]:
    """The reports in `body` reduced to REPORT_FIELDS (strings cut to 500 characters); [] when
    the body is not a CSP report."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        reports = [data["csp-report"]]
    elif isinstance(data, list):  # Reporting API: [{"type": "csp-violation", "body": {...}}, ...]
        reports = [
            item["body"]
            for item in data[:20]
            if isinstance(item, dict)
            and item.get("type") == "csp-violation"
            and isinstance(item.get("body"), dict)
        ]
    else:
        return []
    violations = []
    for report in reports:
        fields = {
            name: str(report[name])[:500]
            for name in REPORT_FIELDS
            if isinstance(report.get(name), str | int) and not isinstance(report.get(name), bool)
        }
        if fields:
            violations.append(fields)
    return violations
