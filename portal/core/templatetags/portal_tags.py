"""Template tags for the public site's chrome: the language switcher, navigation state,
search results and accessible form fields."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from portal.core.city import get_city
from portal.core.translation import Localized, active_language, localized

register = template.Library()

# Labels shown next to search results; pages of other apps fall back to their verbose name.
PAGE_TYPE_LABELS = {
    "HomePage": _("Home"),
    "NewsIndexPage": _("News"),
    "NewsPage": _("News"),
    "ContactPage": _("Contact"),
    "ServiceIndexPage": _("Services"),
    "ServicePage": _("Service"),
    "DepartmentIndexPage": _("Departments"),
    "DepartmentPage": _("Department"),
}


@register.simple_tag(takes_context=True)
def site_title(context: template.Context) -> str:
    """The city hall's name in the active language: the localized home page's title, else the
    Wagtail site's name, else the city hall's name from settings.CITY."""
    home = (context.get("site_sections") or {}).get("home")
    if home is not None:
        return home.title
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return (site.site_name if site else "") or get_city().authority()


@register.simple_tag
def city_authority() -> str:
    """The city hall's name in the active language (settings.CITY)."""
    return get_city().authority()


@register.simple_tag
def city_name() -> str:
    """The city's name in the active language (settings.CITY)."""
    return get_city().name()


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, Any]]:
    """One link per language: the current page's translation when it exists, the home page in
    that language otherwise; on views that are not pages, the same path under the other prefix."""
    request: HttpRequest | None = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations: dict[str, Page] = {}
    homes: dict[str, Page] = {}
    if isinstance(page, Page):
        for p in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[p.locale.language_code] = p
        home = (context.get("site_sections") or {}).get("home")
        if home is not None:
            for p in home.get_translations(inclusive=True).live().select_related("locale"):
                homes[p.locale.language_code] = p
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        exists = True
        if isinstance(page, Page):
            target = translations.get(code)
            if target is None:
                exists = False
                target = homes.get(code)
            url = target.get_url(request) if target is not None else f"/{code}/"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
            if url == request.get_full_path() and code != current:
                url = f"/{code}/"
                exists = False
        else:
            url, exists = f"/{code}/", False
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request is not None else url,
                "current": code == current,
                "exists": exists,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, section: Page) -> str:
    """aria-current for a menu item: "page" on the section itself, "true" inside it."""
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    if page.pk == section.pk:
        return "page"
    if page.path.startswith(section.path):
        return "true"
    return ""


@register.filter
def page_type_label(page: Page) -> str:
    name = type(page).__name__
    if name in PAGE_TYPE_LABELS:
        return str(PAGE_TYPE_LABELS[name])
    return capfirst(type(page)._meta.verbose_name)


@register.filter
def page_snippet(page: Page, words: int = 30) -> str:
    """A short plain-text description of a page for listings."""
    for attr in ("search_description", "summary", "intro"):
        text = getattr(page, attr, "")
        if text:
            return Truncator(strip_tags(str(text))).words(words)
    return ""


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **params: Any) -> str:
    """The current query string with `params` replaced, e.g. for pagination links."""
    request = context["request"]
    query = request.GET.copy()
    for key, value in params.items():
        query[key] = value
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def paginate(context: template.Context, items: Any, per_page: int = 10) -> PaginatorPage:
    """A page of `items` chosen by the `page` query parameter (out-of-range numbers are clamped)."""
    return Paginator(items, per_page).get_page(context["request"].GET.get("page"))


@register.simple_tag
def page_numbers(page_obj: PaginatorPage) -> list[int | str]:
    """Page numbers around the current one, with "…" for the gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


# Input purpose (WCAG 1.3.5) for a field that is exactly the person's own name, e-mail or phone.
# Only whole names: "event_name" or "sender_name" (someone else's) must not offer the visitor's
# own details; forms that know better set `autocomplete` on the widget themselves.
AUTOCOMPLETE_HINTS = [
    (("email", "e_mail", "mail"), "email"),
    (("phone", "telefon", "tel"), "tel"),
    (("name", "nume", "nev", "név", "full_name"), "name"),
]


@register.simple_tag
def render_widget(field: forms.BoundField) -> SafeString:
    """The field's widget with an autocomplete hint for personal data (name, e-mail, phone)."""
    attrs: dict[str, str] = {}
    widget = field.field.widget
    if isinstance(widget, forms.EmailInput):
        attrs["autocomplete"] = "email"
    elif isinstance(widget, forms.TextInput) and not widget.attrs.get("autocomplete"):
        name = field.name.lower()
        for hints, value in AUTOCOMPLETE_HINTS:
            if name in hints:
                attrs["autocomplete"] = value
                break
    return field.as_widget(attrs=attrs)


@register.simple_tag
def localized_text(obj: Any, field: str) -> Localized:
    """``{% localized_text obj "title" as title %}``: the field in the active language, with the
    language it is really in (``title.lang``) for a ``lang`` attribute when it differs."""
    return localized(obj, field)


@register.simple_tag
def localized_html(obj: Any, field: str) -> SafeString:
    """The field in the active language; wrapped in ``<span lang="…">`` when only the original exists."""
    text = localized(obj, field)
    if text.lang == active_language():
        return conditional_escape(text.text)
    return format_html('<span lang="{}">{}</span>', text.lang, text.text)


@register.simple_tag
def lang_attr(lang: str) -> SafeString:
    """`` lang="…"`` for an element whose text is in ``lang`` when that is not the page's
    language (``<span{% lang_attr info.title_lang %}>``), else nothing."""
    if not lang or lang == active_language():
        return mark_safe("")
    return format_html(' lang="{}"', lang)


@register.simple_tag(takes_context=True)
def page_crumbs(context: template.Context, page: Any, *extra: Any) -> list[dict[str, str]]:
    """Breadcrumbs for a Wagtail page: its ancestors from the site's home page down, then the
    page; `extra` adds (url, title) pairs after it (an app's page under a Wagtail page)."""
    request = context.get("request")
    crumbs = [
        {"url": ancestor.get_url(request), "title": ancestor.title}
        for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1).specific()
    ]
    return crumbs + _crumbs(extra)


@register.simple_tag(takes_context=True)
def app_crumbs(context: template.Context, *pairs: Any) -> list[dict[str, str]]:
    """Breadcrumbs for a page outside the page tree: the home page in the active language, then
    the (url, title) pairs given, the current page last."""
    from portal.core.selectors import localized_root

    root = localized_root(context.get("request"))
    crumbs = [{"url": root.get_url(context.get("request")), "title": root.title}] if root else []
    return crumbs + _crumbs(pairs)


def _crumbs(pairs: tuple[Any, ...]) -> list[dict[str, str]]:
    """(url, title) pairs as crumbs; a title in another language (Localized) keeps its `lang`."""
    crumbs = []
    for url, title in zip(pairs[::2], pairs[1::2], strict=True):
        crumb = {"url": str(url), "title": str(title)}
        if isinstance(title, Localized) and title.lang != active_language():
            crumb["lang"] = title.lang
        crumbs.append(crumb)
    return crumbs
