"""What a generated tutorial says, read from the service page itself: its structured fields (who
may apply, documents, fees, term, where to go) and its real request form, one step per section
of the form. Pure reads; tutorial_generation.py writes the lesson and takes the screenshots."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.services.models import ServicePage

# Bumped when the generator writes differently, so every tutorial is written again once.
GENERATOR_VERSION = "1"
# The DigComp 2.2 competences a tutorial exercises: finding the service and its information
# (1.1 browsing, searching and filtering), using it to meet a need (5.2 identifying needs and
# technological responses) and, when sent online, interacting with the city hall (2.1).
ONLINE_COMPETENCES = ("1.1", "2.1", "5.2")
IN_PERSON_COMPETENCES = ("1.1", "5.2")
ATTACHMENTS = "attachments"


@dataclass(frozen=True)
class FormFieldInfo:
    name: str
    label: str
    required: bool
    help_text: str
    kind: str  # text, email, date, number, choice, multiple, checkbox, file, long-text
    choices: tuple[str, ...] = ()


@dataclass
class StepSpec:
    """One step: `fields` are the form's input names shown in its screenshot; `submit` shows the
    send button; neither means a text-only step."""

    key: str
    title: str
    text: str  # HTML
    alt: str = ""
    fields: list[str] = field(default_factory=list)
    submit: bool = False

    @property
    def has_screenshot(self) -> bool:
        return bool(self.fields) or self.submit


@dataclass
class TutorialSpec:
    language: str
    title: str
    summary: str
    intro: str  # HTML
    steps: list[StepSpec]
    online: bool
    competences: tuple[str, ...]
    digest: str


def has_online_form(service: ServicePage) -> bool:
    """Whether the page serves a request form (the same test as ServicePage.serve)."""
    return bool(service.online and service.form_fields.exists())


def form_fields(service: ServicePage) -> list[FormFieldInfo]:
    """The fields of the service's real request form (attachments included), in the active
    language, as the page renders them."""
    form = service.get_form_class()()
    found = []
    for name, formfield in form.fields.items():
        if isinstance(formfield.widget, forms.HiddenInput):
            continue
        choices = tuple(str(label) for value, label in getattr(formfield, "choices", ()) if value != "")
        found.append(
            FormFieldInfo(
                name=name,
                label=str(formfield.label or name),
                required=bool(formfield.required),
                help_text=strip_tags(str(formfield.help_text or "")),
                kind=_kind(formfield),
                choices=choices,
            )
        )
    return found


def _kind(formfield: forms.Field) -> str:
    widget = formfield.widget
    if isinstance(formfield, forms.FileField):
        return "file"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.SelectMultiple):
        return "multiple"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.Select):
        return "choice"
    if isinstance(widget, forms.Textarea):
        return "long-text"
    if isinstance(widget, forms.DateInput | forms.DateTimeInput):
        return "date"
    if isinstance(widget, forms.EmailInput):
        return "email"
    if isinstance(widget, forms.NumberInput):
        return "number"
    return "text"


def tutorial_spec(service: ServicePage) -> TutorialSpec:
    """The tutorial of `service` in the service page's own language."""
    language = service.locale.language_code
    with translation.override(language):
        online = has_online_form(service)
        fields = form_fields(service) if online else []
        facts = _facts(service)
        if online:
            title = _("How to request “%(service)s” online") % {"service": service.title}
            summary = _(
                "Step by step through the online form of “%(service)s”, with pictures of each part "
                "of the form on a computer and on a phone."
            ) % {"service": service.title}
            steps = _online_steps(service, fields)
        else:
            title = _("How to apply for “%(service)s” in person") % {"service": service.title}
            summary = _(
                "“%(service)s” is requested at the counter: what to check, what to bring, what it "
                "costs and where to go."
            ) % {"service": service.title}
            steps = _in_person_steps(service, facts)
        intro = _intro(service, facts)
    digest = _digest(service, language, online, fields, facts)
    competences = ONLINE_COMPETENCES if online else IN_PERSON_COMPETENCES
    return TutorialSpec(language, title, summary, intro, steps, online, competences, digest)


# --- the service's own information -------------------------------------------------------------


def _facts(service: ServicePage) -> dict[str, Any]:
    department = service.department
    if department is not None:
        department = (department.get_translation_or_none(service.locale) or department).specific
    address = service.where_to_go or (
        ", ".join(x for x in (department.address, department.room) if x) if department else ""
    )
    return {
        "summary": service.summary,
        "eligibility": str(service.eligibility or ""),
        "documents": [(b.value["name"], b.value.get("note") or "") for b in service.required_documents],
        "fees": [(b.value["label"], f"{b.value['amount']:.2f}") for b in service.fees],
        "total_fee": f"{service.total_fee:.2f}",
        "days": service.processing_days,
        "department": department.title if department else "",
        "address": address,
        "hours": _hours(department) if department else [],
    }


def _hours(department: Any) -> list[str]:
    from portal.services.models import WEEKDAYS

    names = dict(WEEKDAYS)
    return [
        f"{names[h.weekday]} {h.opens:%H:%M}–{h.closes:%H:%M}"
        for h in department.opening_hours.order_by("weekday", "opens")
    ]


def _items(values: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{v}</li>" for v in values) + "</ul>"


def _documents_html(facts: dict[str, Any]) -> str:
    return _items(
        [escape(name) + (f" ({escape(note)})" if note else "") for name, note in facts["documents"]]
    )


def _fees_html(facts: dict[str, Any]) -> str:
    if not facts["fees"]:
        return "<p>" + escape(_("The service is free of charge.")) + "</p>"
    rows = [
        escape(_("%(what)s: %(amount)s lei") % {"what": label, "amount": amount})
        for label, amount in facts["fees"]
    ]
    total = _("Total: %(amount)s lei.") % {"amount": facts["total_fee"]}
    return _items(rows) + f"<p>{escape(total)}</p>"


def _term_text(facts: dict[str, Any]) -> str:
    if facts["days"]:
        return ngettext(
            "The city hall answers within %(days)d day.",
            "The city hall answers within %(days)d days.",
            facts["days"],
        ) % {"days": facts["days"]}
    return _("The service has no fixed legal term.")


def _where_html(facts: dict[str, Any]) -> str:
    parts = []
    if facts["department"]:
        parts.append(escape(_("Department: %(name)s.") % {"name": facts["department"]}))
    if facts["address"]:
        parts.append(escape(_("Address: %(address)s.") % {"address": facts["address"]}))
    if facts["hours"]:
        parts.append(escape(_("Opening hours: %(hours)s.") % {"hours": "; ".join(facts["hours"])}))
    return "".join(f"<p>{p}</p>" for p in parts)


def _intro(service: ServicePage, facts: dict[str, Any]) -> str:
    def section(heading: str, body: str) -> str:
        return f"<h3>{escape(heading)}</h3>{body}"

    html = [f"<p>{escape(facts['summary'])}</p>"]
    if facts["eligibility"]:
        html.append(section(_("Who may apply"), facts["eligibility"]))
    if facts["documents"]:
        html.append(section(_("Documents to have ready"), _documents_html(facts)))
    html.append(section(_("Fees"), _fees_html(facts)))
    html.append(section(_("How long it takes"), f"<p>{escape(_term_text(facts))}</p>"))
    where = _where_html(facts)
    if where:
        html.append(section(_("Where to go"), where))
    return "".join(html)


# --- steps --------------------------------------------------------------------------------------


def _sections(
    service: ServicePage, fields: list[FormFieldInfo]
) -> list[tuple[str, str, list[FormFieldInfo]]]:
    """The form's sections: the sender's contact details (fields that hold a contact role), the
    request itself, and the attachments; empty sections are left out."""
    roles = {f.clean_name: f.role for f in service.form_fields.all() if f.role}
    contact = [f for f in fields if f.name in roles]
    files = [f for f in fields if f.name == ATTACHMENTS or f.kind == "file"]
    rest = [f for f in fields if f not in contact and f not in files]
    sections = [
        ("contact", _("Fill in your contact details"), contact),
        ("request", _("Describe your request"), rest),
        ("attachments", _("Attach the documents"), files),
    ]
    return [s for s in sections if s[2]]


def _field_line(info: FormFieldInfo) -> str:
    need = _("required") if info.required else _("optional")
    line = f"<strong>{escape(info.label)}</strong> ({escape(need)})"
    hint = {
        "date": _("pick the date or type it"),
        "email": _("an e-mail address where the receipt will come"),
        "checkbox": _("tick the box"),
        "file": _("choose the files from your device"),
        "long-text": _("write in your own words"),
        "number": _("a number"),
    }.get(info.kind)
    if info.choices:
        verb = _("choose one or more of") if info.kind == "multiple" else _("choose one of")
        hint = f"{verb}: {', '.join(info.choices)}"
    if hint:
        line += f" – {escape(hint)}"
    if info.help_text:
        line += f". {escape(info.help_text)}"
    return line


def _alt(section_title: str, fields: list[FormFieldInfo]) -> str:
    required, optional = _("required"), _("optional")
    labels = ", ".join(f"{f.label} ({required if f.required else optional})" for f in fields)
    return _("The part of the form “%(section)s”, with the fields: %(fields)s.") % {
        "section": section_title,
        "fields": labels,
    }


def _online_steps(service: ServicePage, fields: list[FormFieldInfo]) -> list[StepSpec]:
    steps = [
        StepSpec(
            key="open",
            title=_("Open the service's page"),
            text="<p>"
            + escape(
                _(
                    "Find “%(service)s” in the portal's list of services (or search for it) and go "
                    "down to “Request this service online”. Check the documents and fees above it first."
                )
                % {"service": service.title}
            )
            + "</p>",
        )
    ]
    for key, title, section in _sections(service, fields):
        text = _items([_field_line(f) for f in section])
        steps.append(
            StepSpec(
                key=key, title=title, text=text, alt=_alt(title, section), fields=[f.name for f in section]
            )
        )
    send = _("Send the request")
    steps.append(
        StepSpec(
            key="send",
            title=_("Check and send the request"),
            text="<p>"
            + escape(
                _(
                    "Read what you wrote once more, then press “%(button)s”. If something is missing, "
                    "the form says what and where, at the top and next to the field."
                )
                % {"button": send}
            )
            + "</p>",
            alt=_("The “%(button)s” button at the end of the form.") % {"button": send},
            submit=True,
        )
    )
    steps.append(
        StepSpec(
            key="after",
            title=_("Keep your receipt"),
            text="<p>"
            + escape(
                _(
                    "You get a registration number and a PIN, on the page and by e-mail: with them "
                    "you can follow your request on the portal or ask the chat assistant. %(term)s"
                )
                % {"term": _term_text(_facts(service))}
            )
            + "</p>",
        )
    )
    return steps


def _in_person_steps(service: ServicePage, facts: dict[str, Any]) -> list[StepSpec]:
    steps = []
    if facts["eligibility"]:
        steps.append(StepSpec("eligibility", _("Check that you may apply"), facts["eligibility"]))
    if facts["documents"]:
        steps.append(StepSpec("documents", _("Gather the documents"), _documents_html(facts)))
    steps.append(StepSpec("fees", _("Prepare the fees"), _fees_html(facts)))
    where = _where_html(facts) or "<p>" + escape(_("Ask at the city hall's information desk.")) + "</p>"
    steps.append(StepSpec("counter", _("Go to the counter"), where))
    steps.append(StepSpec("after", _("Wait for the answer"), f"<p>{escape(_term_text(facts))}</p>"))
    return steps


def _digest(
    service: ServicePage, language: str, online: bool, fields: list[FormFieldInfo], facts: dict[str, Any]
) -> str:
    """A hash of everything the tutorial is written from: an unchanged service is not re-shot."""
    data = {
        "version": GENERATOR_VERSION,
        "language": language,
        "title": service.title,
        "url": service.url_path,
        "online": online,
        "fields": [f.__dict__ for f in fields],
        "facts": facts,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
