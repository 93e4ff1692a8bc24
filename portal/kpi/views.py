"""The public KPI dashboard and its CSV exports."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .dashboard import solutions
from .exports import dashboard_csv, history_csv


def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "kpi/dashboard.html", {"solutions": solutions(), "today": timezone.localdate()})


def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(dashboard_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kpi-dashboard.csv"'
    return response


def export_history_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(history_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kpi-history.csv"'
    return response
