"""Datasets in the search index (portal.search): title and description in each language, with
the name, tags and publisher beside the original; kept in step by signals."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from portal import search
from portal.core.translation import default_language, translations

from .models import Dataset, Organization

KIND = "opendata.dataset"


def texts(dataset: Dataset) -> list[search.Text]:
    """What a dataset is found by, per language."""
    titles, notes = translations(dataset, "title"), translations(dataset, "notes")
    original = default_language()
    extra = " ".join(
        [dataset.name.replace("-", " "), dataset.organization.title, *(t.name for t in dataset.tags.all())]
    )
    result = [search.Text(original, titles.get(original, ""), f"{notes.get(original, '')}\n{extra}")]
    for lang in sorted((set(titles) | set(notes)) - {original}):
        result.append(search.Text(lang, titles.get(lang, ""), notes.get(lang, "")))
    return result


def reindex(dataset: Dataset) -> None:
    search.index(KIND, dataset.pk, texts(dataset))


def documents() -> Iterator[tuple[Any, list[search.Text]]]:
    for dataset in Dataset.objects.select_related("organization").prefetch_related("tags"):
        yield dataset.pk, texts(dataset)


def _saved(sender: Any, instance: Dataset, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        reindex(instance)


def _deleted(sender: Any, instance: Dataset, **kwargs: Any) -> None:
    search.remove(KIND, instance.pk)


def _tags_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Dataset):
        reindex(instance)


def _organization_saved(sender: Any, instance: Organization, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        for dataset in instance.datasets.all():
            reindex(dataset)


def connect() -> None:
    search.register(KIND, documents)
    post_save.connect(_saved, sender=Dataset, dispatch_uid="opendata_search_saved")
    post_delete.connect(_deleted, sender=Dataset, dispatch_uid="opendata_search_deleted")
    m2m_changed.connect(_tags_changed, sender=Dataset.tags.through, dispatch_uid="opendata_search_tags")
    post_save.connect(_organization_saved, sender=Organization, dispatch_uid="opendata_search_org")
