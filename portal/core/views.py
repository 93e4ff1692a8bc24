"""Operational endpoints."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .services import health_report


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Reachability of the database, cache, broker and Rasa; 503 when the portal cannot serve."""
    report = health_report()
    return JsonResponse(report, status=200 if report["status"] != "down" else 503)
