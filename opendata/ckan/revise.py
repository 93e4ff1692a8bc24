"""package_revise: change a dataset selectively with ``match``, ``filter`` and ``update``.

Keys may be flattened as in CKAN: ``update__resources__0__name`` (a list item by index, -1 for
the last) or ``update__resources__1f9ab__name`` (by the start of its id, at least 5 characters),
and ``update__resources__extend`` appends to a list.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from ..errors import ValidationFailed
from ..services import catalogue
from .context import Context, find_dataset
from .write import _show

Path = tuple[Any, ...]


class _Unmatched(Exception):
    """A flattened key that names nothing in the dataset."""


def _decoded(value: Any) -> Any:
    """JSON text (what GET and form posts carry) decoded; other values as they are."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _patterns(value: Any, key: str) -> list[str]:
    value = _decoded(value)
    if isinstance(value, str):
        value = [p.strip() for p in value.split(",") if p.strip()]
    if not isinstance(value, list) or not all(isinstance(p, str) and p.strip("+-") for p in value):
        raise ValidationFailed({key: ["A list of patterns or comma-separated text is expected"]})
    return value


def _step(current: Any, key: str, path: list[Any]) -> tuple[Any, Any]:
    """The child of `current` that one part of a flattened key names, and its index or key."""
    if isinstance(current, dict):
        if key not in current:
            raise _Unmatched("__".join(map(str, [*path, key])))
        return current[key], key
    if not isinstance(current, list):
        raise _Unmatched("__".join(map(str, [*path, key])))
    if len(key) >= 5:
        for index, item in enumerate(current):
            if isinstance(item, dict) and str(item.get("id", "")).startswith(key):
                return item, index
        raise _Unmatched("__".join(map(str, [*path, key])))
    try:
        index = int(key)
    except ValueError as exc:
        raise _Unmatched("__".join(map(str, [*path, key]))) from exc
    if not -len(current) <= index < len(current):
        raise _Unmatched("__".join(map(str, [*path, key])))
    return current[index], index % len(current)


def _resolve(data: Any, flat: str) -> tuple[Any, list[Any]]:
    current, path = data, []
    for key in flat.split("__"):
        current, where = _step(current, key, path)
        path.append(where)
    return current, path


def _unmatched(current: Any, wanted: Any, path: Path) -> list[str]:
    """Paths under `wanted` whose values differ from those in `current`."""
    if isinstance(wanted, dict):
        if not isinstance(current, dict):
            return ["__".join(map(str, path))]
        found = []
        for key, value in sorted(wanted.items()):
            if key not in current:
                found.append("__".join(map(str, (*path, key))))
            else:
                found += _unmatched(current[key], value, (*path, key))
        return found
    if isinstance(wanted, list):
        if not isinstance(current, list):
            return ["__".join(map(str, path))]
        found = []
        for index, value in enumerate(wanted):
            if index >= len(current):
                found.append("__".join(map(str, (*path, index))))
            else:
                found += _unmatched(current[index], value, (*path, index))
        return found
    return [] if current == wanted else ["__".join(map(str, path))]


def _merge(current: Any, update: Any, path: Path) -> Any:
    """`update` merged into `current`: dictionaries by key, lists item by item."""
    where = "__".join(map(str, path)) or "update"
    if isinstance(current, dict):
        if not isinstance(update, dict):
            raise ValidationFailed({where: [f"Expected dict for {where}"]})
        for key, value in update.items():
            current[key] = _merge(current[key], value, (*path, key)) if key in current else value
        return current
    if isinstance(current, list):
        if not isinstance(update, list):
            raise ValidationFailed({where: [f"Expected list for {where}"]})
        for index, value in enumerate(update):
            if index < len(current):
                current[index] = _merge(current[index], value, (*path, index))
            else:
                current.append(value)
        return current
    return update


def _filter(data: Any, globs: list[tuple[bool, list[str]]]) -> None:
    """Remove what `-pattern`s name and keep what `+pattern`s name (the first match wins)."""
    if isinstance(data, dict):
        protected: dict[str, Any] = {}
        children: dict[str, list[tuple[bool, list[str]]]] = {}
        for keep, parts in globs:
            head = parts[0]
            if head == "*":
                if keep:
                    protected.update(data)
                else:
                    data.clear()
            elif head in data:
                if len(parts) > 1:
                    children.setdefault(head, []).append((keep, parts[1:]))
                elif keep:
                    protected[head] = data[head]
                else:
                    del data[head]
        data.update(protected)
        for head, below in children.items():
            if head in data:
                _filter(data[head], below)
        return
    if not isinstance(data, list):
        return
    kept: set[int] = set()
    removed: set[int] = set()
    nested: dict[int, list[tuple[bool, list[str]]]] = {}
    for keep, parts in globs:
        if parts[0] == "*":
            indexes = set(range(len(data)))
        else:
            try:
                indexes = {_step(data, parts[0], [])[1]}
            except _Unmatched:
                continue
        for index in indexes:
            if len(parts) > 1:
                nested.setdefault(index, []).append((keep, parts[1:]))
            elif keep and index not in removed:
                kept.add(index)
            elif not keep and index not in kept:
                removed.add(index)
    for index, below in nested.items():
        if index not in removed:
            _filter(data[index], below)
    data[:] = [item for index, item in enumerate(data) if index not in removed]


def _set_flat(data: dict[str, Any], flat: str, value: Any) -> None:
    """Apply one ``update__...`` key: merge into what it names, or extend a list."""
    parts = flat.split("__")
    if parts[-1] == "extend":
        target, _ = _resolve(data, "__".join(parts[:-1]))
        if not isinstance(target, list) or not isinstance(value, list):
            raise ValidationFailed({f"update__{flat}": ["Expected a list to extend a list"]})
        target.extend(value)
        return
    parent, _ = _resolve(data, "__".join(parts[:-1])) if len(parts) > 1 else (data, [])
    if isinstance(parent, dict):
        key: Any = parts[-1]
        parent[key] = _merge(parent[key], value, tuple(parts)) if key in parent else value
        return
    _, index = _step(parent, parts[-1], parts[:-1])
    parent[index] = _merge(parent[index], value, tuple(parts))


def package_revise(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change a dataset selectively: check ``match``, remove what ``filter`` names, merge ``update``.

    :param match: values the dataset must have, with its ``id`` or ``name``, e.g.
        ``{"name": "my-data", "notes": "old notes"}``; flattened keys work too
        (``match__name=my-data``)
    :type match: dictionary
    :param filter: patterns of fields to remove before the update, e.g. ``["-resources__1"]``,
        ``["+resources", "-*"]`` (optional)
    :type filter: list of strings or comma-separated text
    :param update: values to merge in, e.g. ``{"notes": "new notes"}``; or flattened keys such as
        ``update__resources__0__name`` or ``update__resources__extend`` (optional)
    :type update: dictionary
    :param include: patterns of the fields to return, e.g. ``["-*"]`` for none (optional)
    :type include: list of strings or comma-separated text
    :rtype: dictionary with ``package``, the updated dataset
    """
    ctx.require("change_dataset", "update datasets")
    match = _decoded(data.get("match", {}))
    update = _decoded(data.get("update", {}))
    if not isinstance(match, dict):
        raise ValidationFailed({"match": ["A dictionary is expected"]})
    if not isinstance(update, dict):
        raise ValidationFailed({"update": ["A dictionary is expected"]})
    flat_match = {k[len("match__") :]: _decoded(v) for k, v in data.items() if k.startswith("match__")}
    flat_update = {k[len("update__") :]: _decoded(v) for k, v in data.items() if k.startswith("update__")}
    if any(not key or "" in key.split("__") for key in (*flat_match, *flat_update)):
        raise ValidationFailed({"match": ["Flattened keys need a name after each __"]})
    ref = flat_match.get("id") or match.get("id") or flat_match.get("name") or match.get("name")
    if not isinstance(ref, str) or not ref or "\x00" in ref:
        raise ValidationFailed({"match__id": ["Missing value"]})
    dataset = find_dataset(ctx, ref, for_write=True)
    original = _show(ctx, dataset)

    unmatched = _unmatched(original, match, ())
    for flat, value in sorted(flat_match.items()):
        try:
            current, path = _resolve(original, flat)
        except _Unmatched as exc:
            unmatched.append(str(exc))
            continue
        unmatched += _unmatched(current, value, tuple(path))
    if unmatched:
        raise ValidationFailed({"match": unmatched})

    revised = copy.deepcopy(original)
    revised.pop("metadata_modified", None)
    if "filter" in data:
        _filter(
            revised,
            [(p.startswith("+"), p.lstrip("+-").split("__")) for p in _patterns(data["filter"], "filter")],
        )
        revised["id"] = original["id"]
    _merge(revised, update, ())
    # Appends first, so that a list item added here can be changed by index in the same call.
    for flat, value in sorted(flat_update.items(), key=lambda kv: (not kv[0].endswith("extend"), kv[0])):
        try:
            _set_flat(revised, flat, value)
        except _Unmatched as exc:
            raise ValidationFailed({f"update__{flat}": [f"Unmatched key {exc}"]}) from exc

    changes = {k: v for k, v in revised.items() if k != "id"}
    result = {
        "package": _show(
            ctx, catalogue.update_package(dataset=dataset, data=changes, partial=False, actor=ctx.user)
        )
    }
    if "include" in data:
        _filter(
            result,
            [(p.startswith("+"), p.lstrip("+-").split("__")) for p in _patterns(data["include"], "include")],
        )
    return result
