"""Load the demo city of Arad: the Romanian page tree, then its English and Hungarian translations.

Pages are upserted (Romanian by slug under their parent, translations by translation key), and a
page is only republished when its content differs, so running the loader again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.contrib.gis.geos import Point
from django.db import models, transaction
from django.utils.text import slugify
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from portal.accessibility.models import AccessibilityStatementPage
from portal.home.models import ContactPage, HomePage, NewsIndexPage, NewsPage
from portal.services.models import DepartmentIndexPage, DepartmentPage, ServiceIndexPage, ServicePage

from . import data, statement
from .schema import ContactData, DepartmentData, FormFieldData, IndexData, NewsData, ServiceData
from .text import LANGUAGES, text_in

Progress = Callable[[int, int, str], None]
# Child relation name -> rows of field values. Rows of orderables carry `sort_order`: set in code
# (not through the admin's formsets) it would stay empty and the order undefined on PostgreSQL.
Rows = dict[str, list[dict[str, Any]]]
SITE_NAME = "Primăria Municipiului Arad"


@dataclass
class DemoSummary:
    """What a run did, counted in pages (one per language)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0  # placeholder pages deleted (Wagtail's "Welcome" page)
    locales_created: int = 0

    @property
    def pages(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class _Ref:
    """A link to another demo page, resolved to that page in the same language."""

    key: str


@dataclass(frozen=True)
class _Node:
    """One demo page: where it goes and its field values in a given language."""

    key: str
    parent: str | None  # None: directly under Wagtail's root
    model: type[Page]
    slug: str  # Romanian slug; translations take theirs from their title
    kind: str  # shown in progress messages
    fields: Callable[[str], dict[str, Any]]
    rows: Callable[[str], Rows] = field(default=lambda lang: {})


@transaction.atomic
def load_demo(*, progress: Progress | None = None) -> DemoSummary:
    """Create or update the demo city in every language and make it the default site's root.

    :param progress: called with (step, total, label) before each page is written.
    """
    summary = DemoSummary()
    locales = _ensure_locales(summary)
    plan = _plan()
    total = len(plan) * len(LANGUAGES)
    pages: dict[tuple[str, str], Page] = {}
    step = 0
    for lang in LANGUAGES:
        for node in plan:
            step += 1
            fields = {name: _resolve(value, pages, lang) for name, value in node.fields(lang).items()}
            fields["slug"] = node.slug if lang == LANGUAGES[0] else slugify(fields["title"])
            if progress:
                progress(step, total, f"{node.kind}: {fields['slug']} ({lang})")
            source = pages[(node.key, LANGUAGES[0])] if lang != LANGUAGES[0] else None
            parent = pages[(node.parent, lang)] if node.parent else Page.get_first_root_node()
            page = _upsert(node, locales[lang], parent, source, fields, node.rows(lang), summary)
            pages[(node.key, lang)] = page
            if node.key == "home" and source is None:
                _make_site_root(page)
                summary.removed += _remove_placeholder_pages()
    return summary


def _ensure_locales(summary: DemoSummary) -> dict[str, Locale]:
    locales = {}
    for code in LANGUAGES:
        locales[code], created = Locale.objects.get_or_create(language_code=code)
        summary.locales_created += int(created)
    return locales


def _upsert(
    node: _Node,
    locale: Locale,
    parent: Page,
    source: Page | None,
    fields: dict[str, Any],
    rows: Rows,
    summary: DemoSummary,
) -> Page:
    """Find the page (or create it: new in Romanian, a translated copy otherwise), set its
    content and publish it if anything changed."""
    page = _find(node, locale, parent, fields["slug"], source)
    created = page is None
    if page is None and source is None:
        page = node.model(locale=locale)
        _apply(page, fields, rows)
        # A fresh parent: treebeard computes the new path from the parent's child count.
        Page.objects.get(pk=parent.pk).add_child(instance=page)
        changed = True
    else:
        if page is None:
            page = source.copy_for_translation(locale)
        changed = _apply(page, fields, rows)
    if created or changed or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
        page = node.model.objects.get(pk=page.pk)
    if created:
        summary.created += 1
    elif changed:
        summary.updated += 1
    else:
        summary.unchanged += 1
    return page


def _find(node: _Node, locale: Locale, parent: Page, slug: str, source: Page | None) -> Page | None:
    if source is not None:
        translation = node.model.objects.filter(translation_key=source.translation_key, locale=locale)
        if page := translation.first():
            return page
    page = node.model.objects.child_of(parent).filter(locale=locale, slug=slug).first()
    if page is not None and source is not None:
        # A same-slug page made by hand: adopt it as the translation.
        page.translation_key = source.translation_key
        page.save(update_fields=["translation_key"])
    return page


def _apply(page: Page, fields: dict[str, Any], rows: Rows) -> bool:
    """Set `fields` and child `rows` on `page` (in memory); whether anything differed."""
    changed = False
    for name, value in fields.items():
        model_field = page._meta.get_field(name)
        current = getattr(page, model_field.attname)
        if _comparable(model_field, current) != _comparable(model_field, value):
            setattr(page, name, value)
            changed = True
    for relation, wanted in rows.items():
        child_model = page._meta.get_field(relation).related_model
        existing = list(getattr(page, relation).all())
        same = len(existing) == len(wanted) and all(
            all(getattr(obj, key) == value for key, value in row.items())
            for obj, row in zip(existing, wanted, strict=True)
        )
        if not same:
            setattr(page, relation, [child_model(**row) for row in wanted])
            changed = True
    return changed


def _comparable(model_field: models.Field, value: Any) -> Any:
    """A value in a form that compares equal when the stored content is the same."""
    if isinstance(model_field, StreamField):
        blocks = model_field.to_python(value).get_prep_value()
        return [{"type": block["type"], "value": block["value"]} for block in blocks]
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Point):
        return (round(value.x, 7), round(value.y, 7), value.srid)
    return value


def _resolve(value: Any, pages: dict[tuple[str, str], Page], lang: str) -> Any:
    return pages[(value.key, lang)] if isinstance(value, _Ref) else value


def _make_site_root(home: Page) -> None:
    """Serve the home page from the default site (created on localhost:80 if there is none)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
        return
    if site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        site.site_name = site.site_name or SITE_NAME
        site.save()


def _remove_placeholder_pages() -> int:
    """Delete empty, plain top-level pages no site uses, such as Wagtail's "Welcome" page."""
    placeholders = Page.objects.filter(
        depth=2, numchild=0, content_type=ContentType.objects.get_for_model(Page)
    ).filter(sites_rooted_here__isnull=True)
    removed = 0
    for page in placeholders:
        page.delete()
        removed += 1
    return removed


# --- The plan: every demo page, parents before children ------------------------------------------


def _plan() -> list[_Node]:
    departments = {d.slug: d for d in data.DEPARTMENTS}
    nodes = [
        _Node("home", None, HomePage, data.HOME.slug, "home", _home_fields),
        _section("services", ServiceIndexPage, data.SERVICE_INDEX),
        _section("departments", DepartmentIndexPage, data.DEPARTMENT_INDEX),
        _section("news", NewsIndexPage, data.NEWS_INDEX),
        _Node(
            "contact",
            "home",
            ContactPage,
            data.CONTACT.slug,
            "contact",
            lambda lang: _contact_fields(data.CONTACT, lang),
            lambda lang: {"form_fields": _form_rows(data.CONTACT.form_fields, lang)},
        ),
        _Node("statement", "home", AccessibilityStatementPage, statement.SLUG, "statement", statement.fields),
    ]
    nodes += [
        _Node(
            f"department:{d.slug}",
            "departments",
            DepartmentPage,
            d.slug,
            "department",
            lambda lang, d=d: _department_fields(d, lang),
            lambda lang, d=d: {"opening_hours": _hours_rows(d, lang)},
        )
        for d in data.DEPARTMENTS
    ]
    nodes += [
        _Node(
            f"service:{s.slug}",
            "services",
            ServicePage,
            s.slug,
            "service",
            lambda lang, s=s: _service_fields(s, departments[s.department], lang),
            lambda lang, s=s: {"form_fields": _form_rows(s.form_fields, lang, roles=True)},
        )
        for s in data.SERVICES
    ]
    nodes += [
        _Node(f"news:{n.slug}", "news", NewsPage, n.slug, "news", lambda lang, n=n: _news_fields(n, lang))
        for n in data.NEWS
    ]
    return nodes


def _section(key: str, model: type[Page], spec: IndexData) -> _Node:
    return _Node(
        key,
        "home",
        model,
        spec.slug,
        "section",
        lambda lang: {"title": spec.title[lang], "intro": spec.intro[lang], "show_in_menus": True},
    )


def _home_fields(lang: str) -> dict[str, Any]:
    home = data.HOME
    return {"title": home.title[lang], "intro": home.intro[lang], "body": home.body[lang]}


def _contact_fields(spec: ContactData, lang: str) -> dict[str, Any]:
    return {
        "title": spec.title[lang],
        "intro": spec.intro[lang],
        "address": spec.address,
        "phone": spec.phone,
        "email": spec.email,
        "thank_you_text": spec.thank_you_text[lang],
        "to_address": spec.email,
        "from_address": data.FROM_ADDRESS,
        "subject": spec.subject[lang],
        "show_in_menus": True,
    }


def _department_fields(spec: DepartmentData, lang: str) -> dict[str, Any]:
    lat, lon = spec.location
    return {
        "title": spec.title[lang],
        "summary": spec.summary[lang],
        "search_description": spec.summary[lang],
        "head": spec.head,
        "email": spec.email,
        "phone": spec.phone,
        "address": spec.address,
        "room": spec.room[lang],
        "location": Point(lon, lat, srid=4326),
        "body": text_in(spec.body, lang),
    }


def _hours_rows(spec: DepartmentData, lang: str) -> list[dict[str, Any]]:
    rows = [
        {
            "weekday": day,
            "opens": dt.time.fromisoformat(hours.opens),
            "closes": dt.time.fromisoformat(hours.closes),
            "note": text_in(hours.note, lang),
        }
        for hours in spec.hours
        for day in hours.weekdays
    ]
    rows.sort(key=lambda row: (row["weekday"], row["opens"]))
    return [{**row, "sort_order": i} for i, row in enumerate(rows)]


def _service_fields(spec: ServiceData, department: DepartmentData, lang: str) -> dict[str, Any]:
    title = spec.title[lang]
    return {
        "title": title,
        "summary": spec.summary[lang],
        "search_description": spec.summary[lang],
        "eligibility": spec.eligibility[lang],
        "required_documents": [
            {"type": "document", "value": {"name": doc.name[lang], "note": text_in(doc.note, lang)}}
            for doc in spec.documents
        ],
        "fees": [
            {"type": "fee", "value": {"label": fee.label[lang], "amount": f"{fee.amount:.2f}"}}
            for fee in spec.fees
        ],
        "faq": [
            {"type": "faq", "value": {"question": item.question[lang], "answer": item.answer[lang]}}
            for item in spec.faq
        ],
        "processing_days": spec.processing_days,
        "department": _Ref(f"department:{spec.department}"),
        "where_to_go": spec.where_to_go[lang],
        "location": Point(spec.location[1], spec.location[0], srid=4326) if spec.location else None,
        "online": spec.online,
        "thank_you_text": data.SERVICE_THANK_YOU[lang],
        "to_address": department.email,
        "from_address": data.FROM_ADDRESS,
        "subject": f"{data.SERVICE_SUBJECT[lang]}: {title}",
    }


def _news_fields(spec: NewsData, lang: str) -> dict[str, Any]:
    return {
        "title": spec.title[lang],
        "date": spec.date,
        "intro": spec.intro[lang],
        "search_description": spec.intro[lang],
        "body": spec.body[lang],
    }


def _form_rows(
    form_fields: Iterable[FormFieldData], lang: str, *, roles: bool = False
) -> list[dict[str, Any]]:
    """Form-field rows; `roles` for the service forms, whose fields declare the sender's details."""
    return [
        ({"role": f.role} if roles else {})
        | {
            "sort_order": i,
            "clean_name": f.name,
            "label": f.label[lang],
            "field_type": f.field_type,
            "required": f.required,
            "choices": text_in(f.choices, lang),
            "help_text": text_in(f.help_text, lang),
        }
        for i, f in enumerate(form_fields)
    ]


@transaction.atomic
def load_services(specs: Iterable[ServiceData]) -> DemoSummary:
    """Create or update more service pages of the demo city (another app's e-services) with the
    same machinery as the catalogue's; the city itself must be loaded already."""
    summary = DemoSummary()
    locales = _ensure_locales(summary)
    departments = {d.slug: d for d in data.DEPARTMENTS}
    pages: dict[tuple[str, str], Page] = {}
    for lang in LANGUAGES:
        pages[("services", lang)] = ServiceIndexPage.objects.get(locale=locales[lang])
        for d in departments:
            source = DepartmentPage.objects.get(locale=locales[LANGUAGES[0]], slug=d)
            pages[(f"department:{d}", lang)] = DepartmentPage.objects.get(
                locale=locales[lang], translation_key=source.translation_key
            )
    for spec in specs:
        node = _Node(
            f"service:{spec.slug}",
            "services",
            ServicePage,
            spec.slug,
            "service",
            lambda lang, s=spec: _service_fields(s, departments[s.department], lang),
            lambda lang, s=spec: {"form_fields": _form_rows(s.form_fields, lang, roles=True)},
        )
        for lang in LANGUAGES:
            fields = {name: _resolve(value, pages, lang) for name, value in node.fields(lang).items()}
            fields["slug"] = node.slug if lang == LANGUAGES[0] else slugify(fields["title"])
            source = pages[(node.key, LANGUAGES[0])] if lang != LANGUAGES[0] else None
            pages[(node.key, lang)] = _upsert(
                node, locales[lang], pages[("services", lang)], source, fields, node.rows(lang), summary
            )
    return summary
