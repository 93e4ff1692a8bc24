"""What every action receives: the caller, the site's address and typed parameter readers."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser

from ..errors import NotAuthorized, NotFound, ValidationFailed
from ..models import Dataset, Resource


@dataclass
class Context:
    user: Any = field(default_factory=AnonymousUser)
    site: str = ""
    files: dict[str, Any] = field(default_factory=dict)

    def can(self, perm: str) -> bool:
        return bool(self.user and self.user.is_active and self.user.has_perm(f"opendata.{perm}"))

    def require(self, perm: str, what: str) -> None:
        if not self.user or not self.user.is_authenticated:
            raise NotAuthorized(f"{what} needs an API token (Authorization header)")
        if not self.can(perm):
            raise NotAuthorized(f"user {self.user.get_username()} is not allowed to {what}")

    @property
    def sees_private(self) -> bool:
        return self.can("view_dataset") or self.can("change_dataset")


def get_int(data: dict[str, Any], key: str, default: int, maximum: int | None = None) -> int:
    value = data.get(key, default)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationFailed({key: ["Invalid integer"]}) from exc
    if number < 0:
        raise ValidationFailed({key: ["Must be a natural number"]})
    return min(number, maximum) if maximum is not None else number


def get_bool(data: dict[str, Any], key: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def get_list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value]
        return [str(v) for v in parsed] if isinstance(parsed, list) else [str(parsed)]
    return [str(v) for v in value]


def require_key(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value in (None, ""):
        raise ValidationFailed({key: ["Missing value"]})
    return str(value)


def as_uuid(ref: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(ref))
    except ValueError:
        return None


def find_dataset(ctx: Context, ref: str, *, for_write: bool = False) -> Dataset:
    """A dataset by id or name, visible to the caller."""
    qs = Dataset.objects.select_related("organization")
    dataset = qs.filter(name=ref).first()
    if dataset is None and as_uuid(ref):
        dataset = qs.filter(pk=as_uuid(ref)).first()
    if dataset is None:
        raise NotFound("Dataset not found")
    if dataset.state == Dataset.State.DELETED and not (for_write or ctx.sees_private):
        raise NotFound("Dataset not found")
    if dataset.private and not ctx.sees_private:
        raise NotAuthorized(f"user {ctx.user} not authorized to read package {dataset.name}")
    return dataset


def find_resource(ctx: Context, ref: str) -> Resource:
    key = as_uuid(ref)
    resource = Resource.objects.select_related("dataset").filter(pk=key).first() if key else None
    if resource is None:
        raise NotFound("Resource was not found.")
    find_dataset(ctx, str(resource.dataset_id))
    return resource
