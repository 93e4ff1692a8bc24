"""Recording the activity stream: every dataset write through the catalogue service lands here."""

from __future__ import annotations

from typing import Any

from ..models import Activity, Dataset
from ..selectors import dictize


def record(*, dataset: Dataset, kind: str, actor: Any = None) -> Activity:
    """Note a change of `dataset` by `actor` (None: the system, e.g. the sync or the demo)."""
    fresh = dictize.with_relations(Dataset.objects.filter(pk=dataset.pk)).get()
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return Activity.objects.create(
        dataset_id=dataset.pk, kind=kind, user=user, package=dictize.package_dict(fresh)
    )
