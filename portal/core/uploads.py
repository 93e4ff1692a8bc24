"""Checks every staff upload shares (map layers, camera registers)."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def within_size_limit(upload: UploadedFile, limit: int) -> UploadedFile:
    """The upload, or a form error naming its size and the limit.

    Django has already spooled the upload to a temporary file, so its size is known without
    reading it: an oversize file is refused before any import touches it.
    """
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    return upload
