"""Forms of the registry: file uploads checked by their content, the public lookup by number
and PIN, and the staff forms (counter registration, status change, assignment, scan box)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import filetype
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import (
    Channel,
    Document,
    RegistryFormPage,
    ServiceRegistryPolicy,
    Status,
    department_model,
    service_model,
)


def column_length(name: str) -> int:
    """The registry's column length for a field of a document."""
    return Document._meta.get_field(name).max_length


# A request-form field's role (the sender's detail it holds) -> the registry's column for it.
SENDER_COLUMNS = {
    "name": "sender_name",
    "email": "sender_email",
    "phone": "sender_phone",
    "address": "sender_address",
}
# Several fields may hold the name or the address (both spouses; street and town): their values
# are joined. An e-mail or phone is one value: the first field answered gives it.
JOINED_ROLES = {"name", "address"}
SEPARATOR = ", "


def sender_details(fields: Iterable[Any], cleaned_data: dict[str, Any]) -> dict[str, str]:
    """The sender's contact details as the registry's columns, from the fields declared to hold
    them (their `role`; see JOINED_ROLES for several fields with one role)."""
    found: dict[str, list[str]] = {role: [] for role in SENDER_COLUMNS}
    for field in fields:
        value = cleaned_data.get(field.clean_name)
        if getattr(field, "role", "") and value not in (None, ""):
            found[field.role].append(str(value).strip())
    return {
        SENDER_COLUMNS[role]: SEPARATOR.join(values) if role in JOINED_ROLES else (values[:1] or [""])[0]
        for role, values in found.items()
    }


# filetype's names for what editors may type in a policy.
ALIASES = {"jpeg": "jpg", "tif": "tiff"}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files, each checked by its first bytes (not its name or the browser's claim)
    against the service's allowed types, size and count."""

    widget = MultipleFileInput

    def __init__(self, *, policy: ServiceRegistryPolicy, **kwargs: Any) -> None:
        self.policy = policy
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        kwargs.setdefault(
            "help_text",
            _("Types: %(types)s; at most %(count)s files of %(size)s MB each.")
            % {
                "types": ", ".join(ext.upper() for ext in policy.extensions),
                "count": policy.max_attachments,
                "size": policy.max_attachment_mb,
            },
        )
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(f".{ext}" for ext in policy.extensions)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        items = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not items:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(items) > self.policy.max_attachments:
            raise ValidationError(
                ngettext(
                    "Send at most %(count)d file.",
                    "Send at most %(count)d files.",
                    self.policy.max_attachments,
                )
                % {"count": self.policy.max_attachments}
            )
        return [self._check(super(AttachmentsField, self).clean(item, initial)) for item in items]

    def _check(self, upload: UploadedFile) -> UploadedFile:
        limit = self.policy.max_attachment_mb * 1024 * 1024
        if upload.size > limit:
            raise ValidationError(
                _("“%(name)s” is larger than %(size)s MB.")
                % {"name": upload.name, "size": self.policy.max_attachment_mb}
            )
        upload.seek(0)
        kind = filetype.guess(upload.read(8192))
        upload.seek(0)
        allowed = {ALIASES.get(ext, ext) for ext in self.policy.extensions}
        if kind is None or ALIASES.get(kind.extension, kind.extension) not in allowed:
            raise ValidationError(
                _("“%(name)s” is not an accepted file type (%(types)s).")
                % {"name": upload.name, "types": ", ".join(ext.upper() for ext in self.policy.extensions)}
            )
        upload.detected_type = kind.mime  # what the content really is, stored with the file
        return upload


def with_attachments(form_class: type[forms.Form], *, service: RegistryFormPage) -> type[forms.Form]:
    """The service's request form plus an attachments field, if its policy allows uploads."""
    from .services import policy_for

    policy = policy_for(service)
    if policy.max_attachments == 0:
        return form_class

    class RequestForm(form_class):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["attachments"] = AttachmentsField(policy=policy)

    return RequestForm


class LookupForm(forms.Form):
    number = forms.CharField(
        label=_("Registration number"),
        max_length=32,
        help_text=_("As printed on your receipt, for example AR-2026-000123."),
    )
    pin = forms.CharField(
        label=_("PIN"),
        max_length=8,
        help_text=_("The short code printed on your receipt."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )


def _offer_default_locale_pages(form: forms.Form) -> None:
    """The services and departments a staff form offers: the default language's pages (each
    page once, not once per translation), by title."""
    from wagtail.models import Locale

    locale = Locale.get_default()
    form.fields["service"].queryset = service_model().objects.filter(locale=locale).order_by("title")
    form.fields["department"].queryset = department_model().objects.filter(locale=locale).order_by("title")


# --- staff ------------------------------------------------------------------------------------


class CounterRegistrationForm(forms.Form):
    """A paper document received at the counter, by post or by e-mail."""

    channel = forms.ChoiceField(
        label=_("Channel"), choices=[c for c in Channel.choices if c[0] not in ("online", "chatbot")]
    )
    service = forms.ModelChoiceField(label=_("Service"), queryset=None, required=False)
    department = forms.ModelChoiceField(label=_("Department"), queryset=None, required=False)
    # Lengths from the registry's columns: longer values are field errors, not database errors.
    subject = forms.CharField(label=_("Subject"), max_length=column_length("subject"))
    message = forms.CharField(label=_("Content summary"), widget=forms.Textarea, required=False)
    sender_name = forms.CharField(label=_("Sender's name"), max_length=column_length("sender_name"))
    sender_email = forms.EmailField(
        label=_("Sender's e-mail"), max_length=column_length("sender_email"), required=False
    )
    sender_phone = forms.CharField(
        label=_("Sender's phone"), max_length=column_length("sender_phone"), required=False
    )
    sender_address = forms.CharField(
        label=_("Sender's address"), max_length=column_length("sender_address"), required=False
    )
    language = forms.ChoiceField(
        label=_("Language for messages"), choices=[("ro", "Română"), ("en", "English"), ("hu", "Magyar")]
    )
    internal_note = forms.CharField(label=_("Internal note"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_default_locale_pages(self)


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    public_note = forms.CharField(
        label=_("Note for the citizen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Shown on the tracking page and e-mailed. No personal data."),
    )
    internal_note = forms.CharField(
        label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class AssignForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Assign to"), queryset=get_user_model().objects.none())
    internal_note = forms.CharField(label=_("Internal note"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True)
        clerks = Q(groups__name__in=("Registry clerks", "Registry administrators")) | Q(is_superuser=True)
        self.fields["user"].queryset = users.filter(clerks).distinct().order_by("username")


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Number or subject"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Status.choices], required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", "—"), *Channel.choices], required=False)
    service = forms.ModelChoiceField(label=_("Service"), queryset=None, required=False)
    department = forms.ModelChoiceField(label=_("Department"), queryset=None, required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_default_locale_pages(self)
