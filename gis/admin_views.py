"""Custom admin screens of the map: upload a file to import, and follow an import's progress
and per-row report."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_required

from .forms import ImportForm
from .models import ImportJob
from .services.importer import start_import


@permission_required("gismap.add_importjob")
def import_view(request: HttpRequest) -> HttpResponse:
    form = ImportForm(
        request.POST or None, request.FILES or None, initial={"layer": request.GET.get("layer")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = start_import(
            layer=data["layer"],
            upload=data["file"],
            source_srid=data["source_srid"],
            id_field=data["id_field"],
            name_field=data["name_field"],
            replace=data["replace"],
        )
        messages.success(request, _("Import of “%s” started.") % job.file_name)
        return redirect("gismap_admin:import-job", pk=job.pk)
    return TemplateResponse(
        request,
        "gis/admin/import_form.html",
        {"form": form, "jobs": ImportJob.objects.select_related("layer")[:10]},
    )


@permission_required("gismap.view_importjob")
def import_job_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob.objects.select_related("layer"), pk=pk)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {"status": job.status, "processed": job.processed, "total": job.total, "percent": job.percent}
        )
    return TemplateResponse(
        request,
        "gis/admin/import_job.html",
        {"job": job, "running": job.status in (ImportJob.Status.PENDING, ImportJob.Status.RUNNING)},
    )
