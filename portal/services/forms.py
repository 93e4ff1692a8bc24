"""The online request form of a service: Wagtail's form builder, with the registry's column
lengths on the fields that hold the sender's contact details, and date fields that take the
date as people write it in each of the site's languages."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.documents.forms import JOINED_ROLES, SENDER_COLUMNS, SEPARATOR
from portal.documents.forms import column_length as registry_column_length

WHITESPACE = re.compile(r"\s+")
# Unambiguous forms only, in every language: day first as in Europe (15.10.2026, 15/10/2026),
# year first as in Hungary (2026. 10. 15.) and ISO 8601 (what <input type="date"> sends).
# The US month-first form is refused: 05/10/2026 is the 5th of October here.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y.%m.%d.", "%Y.%m.%d"]


def column_length(role: str) -> int:
    """How many characters the registry keeps for a role's value (its model column)."""
    return registry_column_length(SENDER_COLUMNS[role])


def date_example(day: dt.date) -> str:
    """`day` written the way the active language writes dates, for hints and messages."""
    return day.strftime(_("%d/%m/%Y"))


def parse_date(value: str) -> dt.date | None:
    """A date typed in any of DATE_INPUT_FORMATS (spaces ignored), or None."""
    value = WHITESPACE.sub("", value)
    for format in DATE_INPUT_FORMATS:
        try:
            return dt.datetime.strptime(value, format).date()
        except ValueError:
            continue
    return None


class DatePicker(forms.DateInput):
    """<input type="date">: browsers show their date picker, without JavaScript, and send ISO.
    A date typed another way is shown back in ISO, so the picker keeps it after an error."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, str) and (day := parse_date(value)):
            value = day
        return super().format_value(value)


class LocalDateField(forms.DateField):
    """A date picker where browsers have one (no JavaScript needed); typed dates are read in the
    day-first, year-first and ISO forms, with spaces ignored ("2026. 10. 15.")."""

    widget = DatePicker

    def __init__(self, **kwargs: Any) -> None:
        example = date_example(dt.date(2026, 10, 15))
        hint = _("Format: %(format)s, for example %(example)s.") % {
            "format": _("DD/MM/YYYY"),
            "example": example,
        }
        # The builder's help text is already escaped (a SafeString): format_html keeps it so.
        if kwargs.get("help_text"):
            hint = format_html("{} {}", kwargs["help_text"], hint)
        kwargs["help_text"] = hint
        kwargs.setdefault("error_messages", {})["invalid"] = _(
            "Enter a real date, for example %(example)s."
        ) % {"example": example}
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str) and value.strip():
            if (day := parse_date(value)) is None:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            return day
        return super().to_python(value)


class ServiceRequestForm(BaseForm):
    """Refuses contact details longer than the registry keeps, with a message on the field."""

    role_fields: dict[str, list[str]] = {}  # role -> clean names, set by the builder

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for role, names in self.role_fields.items():
            if role not in JOINED_ROLES:
                continue
            values = [str(cleaned[name]).strip() for name in names if cleaned.get(name)]
            limit = column_length(role)
            if len(values) > 1 and len(SEPARATOR.join(values)) > limit:
                message = _(
                    "Together with the fields joined to it this is too long: "
                    "at most %(limit)d characters in all."
                )
                self.add_error(names[-1], message % {"limit": limit})
        return cleaned


ROLE_AUTOCOMPLETE = {"name": "name", "email": "email", "phone": "tel", "address": "street-address"}


class ServiceFormBuilder(FormBuilder):
    """Wagtail's builder with the registry's limits and localised dates."""

    def create_singleline_field(self, field: Any, options: dict[str, Any]) -> forms.Field:
        options["max_length"] = column_length(field.role) if getattr(field, "role", "") else 255
        return forms.CharField(**options)

    def create_multiline_field(self, field: Any, options: dict[str, Any]) -> forms.Field:
        if getattr(field, "role", ""):
            options["max_length"] = column_length(field.role)
        return super().create_multiline_field(field, options)

    def create_email_field(self, field: Any, options: dict[str, Any]) -> forms.Field:
        options["max_length"] = column_length("email")
        return forms.EmailField(**options)

    def create_date_field(self, field: Any, options: dict[str, Any]) -> forms.Field:
        return LocalDateField(**options)

    @property
    def formfields(self) -> dict[str, forms.Field]:
        """Wagtail's fields, each with the autocomplete token of the sender's detail it holds
        (WCAG 1.3.5) and none for the rest (an event's name is not the sender's name)."""
        fields = super().formfields
        roles = {f.clean_name or f.get_field_clean_name(): getattr(f, "role", "") for f in self.fields}
        for name, formfield in fields.items():
            token = ROLE_AUTOCOMPLETE.get(roles.get(name, ""), "off")
            formfield.widget.attrs.setdefault("autocomplete", token)
        return fields

    def get_form_class(self) -> type[forms.Form]:
        role_fields: dict[str, list[str]] = {}
        for field in self.fields:
            if getattr(field, "role", ""):
                role_fields.setdefault(field.role, []).append(
                    field.clean_name or field.get_field_clean_name()
                )
        return type(
            "ServiceRequestForm", (ServiceRequestForm,), {**self.formfields, "role_fields": role_fields}
        )
