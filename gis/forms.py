"""Admin forms of the map: the import upload."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.core.uploads import within_size_limit

from .models import Layer
from .services.importer import SUFFIXES


class ImportForm(forms.Form):
    layer = forms.ModelChoiceField(Layer.objects.select_related("module"), label=_("Layer"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("GeoJSON, GeoPackage, zipped Shapefile, KML or CSV with coordinates."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUFFIXES)}),
    )
    source_srid = forms.IntegerField(
        label=_("Source CRS (EPSG code)"),
        required=False,
        min_value=1024,
        max_value=999999,
        help_text=_(
            "Leave empty to use the CRS written in the file. Stereo 70 is 3844; "
            "a CSV without one is read as WGS84 (4326)."
        ),
    )
    id_field = forms.CharField(
        label=_("External id field"),
        required=False,
        max_length=80,
        help_text=_("E.g. the cadastral number; guessed when empty."),
    )
    name_field = forms.CharField(label=_("Name field"), required=False, max_length=80)
    replace = forms.BooleanField(label=_("Remove features that are not in this file"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(_("Unsupported file type: use %s.") % ", ".join(SUFFIXES))
        return within_size_limit(upload, settings.GIS_IMPORT_MAX_BYTES)
