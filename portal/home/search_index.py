"""Live pages in the search index (portal.search): title and searchable text in the page's own
language; kept in step when pages are saved, published, unpublished or deleted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index as wagtail_index
from wagtail.signals import page_published, page_unpublished

from portal import search

KIND = "wagtail.page"
# Saves that touch only these (e.g. saving a draft revision) leave the published text as it was.
BOOKKEEPING = {"draft_title", "latest_revision_created_at", "latest_revision", "has_unpublished_changes"}


def _flatten(value: Any) -> Iterator[str]:
    if value is None:
        return
    if isinstance(value, list | tuple | set):
        for item in value:
            yield from _flatten(item)
    else:
        yield strip_tags(str(value))


def texts(page: Page) -> list[search.Text]:
    """What a page is found by: its title, and the text of its searchable fields."""
    specific = page.specific
    body = []
    for field in specific.get_search_fields():
        if isinstance(field, wagtail_index.SearchField) and field.field_name != "title":
            body.extend(_flatten(field.get_value(specific)))
    return [search.Text(page.locale.language_code, page.title, "\n".join(b for b in body if b.strip()))]


def reindex(page: Page) -> None:
    if page.live and page.depth > 1:
        search.index(KIND, page.pk, texts(page))
    else:
        search.remove(KIND, page.pk)


def documents() -> Iterator[tuple[Any, list[search.Text]]]:
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale").specific():
        yield page.pk, texts(page)


def _saved(sender: Any, instance: Any, raw: bool = False, update_fields: Any = None, **kwargs: Any) -> None:
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    reindex(instance)


def _published(sender: Any, instance: Page, **kwargs: Any) -> None:
    reindex(instance)


def _removed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        search.remove(KIND, instance.pk)


def connect() -> None:
    search.register(KIND, documents)
    post_save.connect(_saved, dispatch_uid="home_search_saved")
    post_delete.connect(_removed, dispatch_uid="home_search_deleted")
    page_published.connect(_published, dispatch_uid="home_search_published")
    page_unpublished.connect(_removed, dispatch_uid="home_search_unpublished")
