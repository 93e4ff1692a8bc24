"""Staff screens in the Wagtail admin: bulk import with its per-row report, and the health report
(uptime and MTTR per district and camera for a month)."""

from __future__ import annotations

from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.uploads import within_size_limit

from .selectors.density import city_density, density_by_district, parking_coverage
from .selectors.health import health, month_bounds
from .services.districts import SUFFIXES as DISTRICT_SUFFIXES
from .services.districts import DistrictFileError, import_districts
from .services.importer import ImportFileError, import_cameras


def permission(codename: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.has_perm(f"cctv.{codename}"):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or GeoJSON file"), help_text=_("Cameras are matched by their code."))
    dry_run = forms.BooleanField(label=_("Only check the file, save nothing"), required=False)

    def clean_file(self):
        return within_size_limit(self.cleaned_data["file"], settings.CCTV_IMPORT_MAX_BYTES)


class DistrictImportForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON, GeoPackage or zipped Shapefile"),
        help_text=_("One polygon per district; districts are matched by name."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(DISTRICT_SUFFIXES)}),
    )
    name_field = forms.CharField(
        label=_("Name field"),
        required=False,
        max_length=80,
        help_text=_("The field holding the district's name; guessed (name, nume, denumire…) when empty."),
    )
    source_srid = forms.IntegerField(
        label=_("Source CRS (EPSG code)"),
        required=False,
        min_value=1024,
        max_value=999999,
        help_text=_("Leave empty to use the CRS written in the file. Stereo 70 is 3844."),
    )
    dry_run = forms.BooleanField(label=_("Only check the file, save nothing"), required=False)

    def clean_file(self):
        return within_size_limit(self.cleaned_data["file"], settings.GIS_IMPORT_MAX_BYTES)


class MonthForm(forms.Form):
    month = forms.CharField(label=_("Month"), widget=forms.TextInput(attrs={"type": "month"}), required=False)


@permission("add_camera")
def import_view(request: HttpRequest) -> HttpResponse:
    report, error = None, ""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_cameras(
                data=upload.read(), filename=upload.name, dry_run=form.cleaned_data["dry_run"]
            )
        except ImportFileError as exc:
            error = str(exc)
    return TemplateResponse(
        request, "cctv/admin/import.html", {"form": form, "report": report, "error": error}
    )


@permission("change_district")
def district_import_view(request: HttpRequest) -> HttpResponse:
    """Upload district polygons; a file that cannot be used answers 400 with the reason."""
    report, error = None, ""
    form = DistrictImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = import_districts(
                upload=data["file"],
                name_field=data["name_field"].strip(),
                source_srid=data["source_srid"],
                dry_run=data["dry_run"],
            )
        except DistrictFileError as exc:
            error = str(exc)
    status = 400 if request.method == "POST" and (error or not form.is_valid() or report.errors) else 200
    return TemplateResponse(
        request,
        "cctv/admin/district_import.html",
        {"form": form, "report": report, "error": error},
        status=status,
    )


@permission("view_camera")
def health_view(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = MonthForm(request.GET or None)
    year, month = today.year, today.month
    if form.is_valid() and form.cleaned_data["month"]:
        try:
            year, month = (int(p) for p in form.cleaned_data["month"].split("-"))
            month_bounds(year, month)
        except ValueError:
            year, month = today.year, today.month
    start, end = month_bounds(year, month)
    return TemplateResponse(
        request,
        "cctv/admin/health.html",
        {
            "form": form,
            "period": start,
            "city": health(start=start, end=end, by="city"),
            "districts": health(start=start, end=end, by="district"),
            "cameras": health(start=start, end=end, by="camera"),
            "density": density_by_district(),
            "city_density": city_density(),
            "coverage": parking_coverage(),
        },
    )
