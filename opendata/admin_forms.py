"""Admin forms: a resource upload is validated (CSV against its data dictionary) before saving."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .errors import ValidationFailed
from .models import ApiToken, Resource
from .services import catalogue, csvcheck


class ResourceForm(WagtailAdminModelForm):
    """Shows the validation report as form errors (row, column, problem) when a CSV is wrong."""

    class Meta:
        model = Resource
        fields = ["dataset", "name", "description", "format", "upload", "url", "fields", "position"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        upload = data.get("upload")
        if upload and hasattr(upload, "read") and not hasattr(upload, "url"):
            try:
                catalogue.check_upload_size(upload.size)
            except ValidationFailed as exc:
                self.add_error("upload", exc.errors["upload"])
                return data
            fmt = (data.get("format") or PurePosixPath(upload.name).suffix.lstrip(".")).upper()
            if fmt == "CSV":
                report = csvcheck.validate_csv(upload, data.get("fields") or None)
                upload.seek(0)
                for issue in report.issues:
                    where = ", ".join(
                        p
                        for p in (
                            _("row %(row)s") % {"row": issue["row"]} if issue["row"] else "",
                            _("column %(column)s") % {"column": issue["column"]} if issue["column"] else "",
                        )
                        if p
                    )
                    self.add_error("upload", f"{where}: {issue['problem']}" if where else issue["problem"])
        if not upload and not data.get("url"):
            raise forms.ValidationError(_("Upload a file or give a URL."))
        return data

    def save(self, commit: bool = True) -> Resource:
        upload = self.cleaned_data.get("upload")
        fresh = upload and hasattr(upload, "read") and "upload" in self.changed_data
        resource = super().save(commit=commit)
        if commit and fresh:
            catalogue.attach_file(resource=resource, filename=PurePosixPath(upload.name).name, content=upload)
        return resource


class ApiTokenForm(WagtailAdminModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "user", "revoked"]
