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


# Offsets and limits beyond this are capped: no database takes a larger integer in LIMIT/OFFSET,
# and no catalogue holds that many rows.
MAX_INT = 2**31 - 1


def get_int(
    data: dict[str, Any], key: str, default: int, maximum: int | None = None, *, unlimited: int | None = None
) -> int:
    """A natural number parameter, capped at `maximum` (or MAX_INT).

    `unlimited` is what -1 stands for, where CKAN documents -1 as "no limit" (facet.limit).
    """
    value = data.get(key, default)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool) or not isinstance(value, int | str | float):
        raise ValidationFailed({key: ["Invalid integer"]})
    try:
        number = int(value.strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValidationFailed({key: ["Invalid integer"]}) from exc
    if isinstance(value, float) and number != value:
        raise ValidationFailed({key: ["Invalid integer"]})
    if number == -1 and unlimited is not None:
        return unlimited
    if number < 0:
        raise ValidationFailed({key: ["Must be a natural number"]})
    return min(number, maximum if maximum is not None else MAX_INT)


def get_bool(data: dict[str, Any], key: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    if isinstance(value, bool | int | float):
        return bool(value)
    raise ValidationFailed({key: ["Must be a boolean"]})


def get_str(data: dict[str, Any], key: str, default: str = "") -> str:
    """A text parameter; lists, objects and numbers are refused rather than stringified."""
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValidationFailed({key: ["Must be a string"]})
    if "\x00" in value:
        raise ValidationFailed({key: ["Must not contain NUL characters"]})
    return value


def get_list(data: dict[str, Any], key: str) -> list[str]:
    """A list of strings, given as a list, as JSON text or as one string."""
    value = data.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value]
        value = parsed if isinstance(parsed, list) else [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise ValidationFailed({key: ["Must be a list of strings"]})
    return [str(v) for v in value]


def require_key(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None or value == "":
        raise ValidationFailed({key: ["Missing value"]})
    if not isinstance(value, str | int):
        raise ValidationFailed({key: ["Must be a string"]})
    if "\x00" in str(value):
        raise ValidationFailed({key: ["Must not contain NUL characters"]})
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
