"""Shapes of the demo content: every text is given in each of the site's languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .text import Text


@dataclass(frozen=True)
class Hours:
    """Opening interval on some weekdays (0 = Monday); times as "HH:MM"."""

    weekdays: tuple[int, ...]
    opens: str
    closes: str
    note: Text | None = None


@dataclass(frozen=True)
class FormFieldData:
    """A request-form field; `name` is its stable key in submissions, whatever the language."""

    name: str
    label: Text
    field_type: str = "singleline"
    required: bool = True
    choices: Text | None = None  # one choice a line
    help_text: Text | None = None
    role: str = ""  # the sender's contact detail it holds: name, email, phone or address


@dataclass(frozen=True)
class DepartmentData:
    slug: str
    title: Text
    summary: Text
    head: str
    email: str
    phone: str
    address: str
    room: Text
    location: tuple[float, float]  # (lat, lon)
    hours: tuple[Hours, ...]
    body: Text | None = None


@dataclass(frozen=True)
class DocumentData:
    name: Text
    note: Text | None = None


@dataclass(frozen=True)
class FeeData:
    label: Text
    amount: Decimal


@dataclass(frozen=True)
class FAQData:
    question: Text
    answer: Text  # rich text (HTML)


@dataclass(frozen=True)
class ServiceData:
    slug: str  # Romanian slug: the service's key
    title: Text
    summary: Text
    eligibility: Text  # rich text (HTML)
    department: str  # a DepartmentData.slug
    where_to_go: Text
    processing_days: int | None
    documents: tuple[DocumentData, ...]
    fees: tuple[FeeData, ...] = ()
    faq: tuple[FAQData, ...] = ()
    online: bool = True
    form_fields: tuple[FormFieldData, ...] = ()
    location: tuple[float, float] | None = None  # only when not at the department's office


@dataclass(frozen=True)
class NewsData:
    slug: str
    date: dt.date
    title: Text
    intro: Text
    body: Text  # rich text (HTML)


@dataclass(frozen=True)
class IndexData:
    """A section page under the home page (services, departments, news)."""

    slug: str
    title: Text
    intro: Text  # rich text (HTML)


@dataclass(frozen=True)
class HomeData:
    slug: str
    title: Text
    intro: Text  # plain text, at most 300 characters
    body: Text  # rich text (HTML)


@dataclass(frozen=True)
class ContactData:
    slug: str
    title: Text
    intro: Text  # rich text (HTML)
    address: str
    phone: str
    email: str
    thank_you_text: Text
    subject: Text
    form_fields: tuple[FormFieldData, ...] = field(default_factory=tuple)
