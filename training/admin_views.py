"""Training reports in the Wagtail admin: staff completion per department (with CSV export),
demographic representation (k-anonymous) and the programme's figures."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.kpi.registry import discover

from . import selectors


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def staff_completion(request: HttpRequest) -> HttpResponse:
    _require(request, "training.view_staffprofile")
    return TemplateResponse(
        request,
        "training/admin/staff_completion.html",
        {
            "page_title": _("Staff training per department"),
            "header_icon": "group",
            "rows": selectors.staff_completion(),
        },
    )


def staff_completion_csv(request: HttpRequest) -> HttpResponse:
    _require(request, "training.view_staffprofile")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="staff-training-per-department.csv"'
    response.write("\ufeff")  # spreadsheet programs then read the diacritics right
    writer = csv.writer(response)
    writer.writerow(["department", "staff", "completed_online", "trained", "share_percent"])
    for row in selectors.staff_completion():
        writer.writerow(
            [
                row["department"],
                row["staff"],
                row["completed_online"],
                row["trained"],
                "" if row["share"] is None else row["share"],
            ]
        )
    return response


def overview(request: HttpRequest) -> HttpResponse:
    """The skills KPIs as they stand now, and representation across demographics."""
    _require(request, "training.view_classroomsession")
    kpis = [k for k in discover().values() if k.solution == "skills"]
    return TemplateResponse(
        request,
        "training/admin/overview.html",
        {
            "page_title": _("Digital skills: figures"),
            "header_icon": "table",
            "kpis": [{"label": k.label, "unit": k.unit, "key": k.key, "value": k.compute()} for k in kpis],
            "tables": selectors.demographic_tables(),
            "competences": selectors.competence_practice(),
            "k": selectors.K_ANONYMITY,
        },
    )
