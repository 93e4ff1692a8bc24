"""Installed field equipment (cameras, call points, alert buttons) shares one lifecycle and one
health model; this module holds both so each app's register keeps the same rules.

A piece of equipment is a model with `code`, `status` (its `Status` choices, `TRANSITIONS`,
`STATUS_DATES`, `IN_SERVICE`), `last_heartbeat_at`, `updated_at`, and the related managers
`status_changes` (from_status, to_status, at, note) and `faults` (cause, description,
started_at, repaired_at, repair, reported_by). The fault causes are the camera register's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation

NO_HEARTBEAT = "no_heartbeat"


def transition_error(
    *, model: type[models.Model], current: str, to: str, messages: dict[str, str]
) -> str | None:
    """Why equipment in status `current` cannot move to `to`, or None when it may. `messages` are
    the app's translated sentences: "unknown" (%(status)s), "forbidden" (%(current)s, %(to)s,
    %(allowed)s) and "final" (what a final status allows)."""
    statuses = model.Status  # type: ignore[attr-defined]
    if to not in statuses.values:
        return str(messages["unknown"]) % {"status": to}
    transitions = model.TRANSITIONS  # type: ignore[attr-defined]
    if to == current or to in transitions[current]:
        return None
    allowed = ", ".join(str(statuses(s).label) for s in transitions[current])
    return str(messages["forbidden"]) % {
        "current": statuses(current).label,
        "to": statuses(to).label,
        "allowed": allowed or str(messages["final"]),
    }


@transaction.atomic
def change_status(
    *, obj: Any, to: str, error: str | None, at: dt.datetime | None = None, note: str = ""
) -> Any:
    """Move `obj` to status `to`, recording the step and the status's date; `error` is what
    `transition_error` said (ValidationError when not None)."""
    at = at or timezone.now()
    if error:
        raise ValidationError(error, code="transition")
    if to == obj.status:
        return obj
    obj.status_changes.create(from_status=obj.status, to_status=to, at=at, note=note[:300])
    obj.status = to
    date_field = type(obj).STATUS_DATES.get(to)
    fields = ["status", "updated_at"]
    if date_field and getattr(obj, date_field) is None:
        setattr(obj, date_field, timezone.localdate(at))
        fields.append(date_field)
    obj.save(update_fields=fields)
    return obj


def not_in_future(value: dt.datetime, *, now: dt.datetime, skew: int, name: str) -> dt.datetime:
    """`value` (made aware in the current time zone if naive), refused beyond the allowed skew."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if value - now > dt.timedelta(seconds=skew):
        raise ValidationError(
            f"“{name}” ({value.isoformat()}) is in the future: more than {skew} s ahead of the "
            f"server's clock ({now.isoformat(timespec='seconds')}).",
            code="future",
        )
    return value


def _noun(obj: Any) -> str:
    """The kind of equipment in the API's language (its messages are in English)."""
    with translation.override("en"):
        return str(obj._meta.verbose_name).capitalize()


@transaction.atomic
def record_heartbeat(*, obj: Any, move: Any, skew: int, at: dt.datetime | None = None) -> Any:
    """Note that `obj` is alive; it ends a no-heartbeat fault and brings it into service.
    `move(obj=, to=, at=, note=)` is the app's change_status.

    Refused for planned or decommissioned equipment and for an `at` beyond the clock skew.
    A late heartbeat never moves the last one back."""
    now = timezone.now()
    at = not_in_future(at, now=now, skew=skew, name="at") if at else now
    statuses = type(obj).Status
    if obj.status in (statuses.PLANNED, statuses.DECOMMISSIONED):
        raise ValidationError(
            f"{_noun(obj)} {obj.code} is {obj.status}: it cannot send heartbeats.", code="status"
        )
    if obj.last_heartbeat_at is None or at > obj.last_heartbeat_at:
        obj.last_heartbeat_at = at
        obj.save(update_fields=["last_heartbeat_at", "updated_at"])
    for fault in obj.faults.filter(repaired_at__isnull=True, cause=NO_HEARTBEAT):
        repair_fault(
            fault=fault,
            obj=obj,
            move=move,
            repaired_at=max(at, fault.started_at),
            repair="Heartbeat resumed.",
        )
    obj.refresh_from_db()
    if obj.status == statuses.INSTALLED:
        move(obj=obj, to=statuses.OPERATIONAL, at=at, note="First heartbeat.")
    return obj


@transaction.atomic
def report_fault(
    *,
    obj: Any,
    move: Any,
    causes: list[str],
    cause: str,
    skew: int,
    started_at: dt.datetime | None = None,
    description: str = "",
    reported_by: str = "",
) -> Any:
    """Log a fault and mark `obj` faulty; at most one open fault per cause."""
    if cause not in causes:
        raise ValidationError({"cause": f"Unknown cause {cause!r}."})
    statuses = type(obj).Status
    if obj.status not in type(obj).IN_SERVICE:
        raise ValidationError(f"{_noun(obj)} {obj.code} is {obj.status}: it cannot be faulty.", code="status")
    now = timezone.now()
    started_at = not_in_future(started_at, now=now, skew=skew, name="started_at") if started_at else now
    fault = obj.faults.filter(repaired_at__isnull=True, cause=cause).first()
    if fault is None:
        fault = obj.faults.create(
            cause=cause, started_at=started_at, description=description[:500], reported_by=reported_by[:100]
        )
    if obj.status != statuses.FAULTY:
        move(obj=obj, to=statuses.FAULTY, at=started_at, note=f"Fault: {cause}")
    return fault


@transaction.atomic
def repair_fault(
    *, fault: Any, obj: Any, move: Any, repaired_at: dt.datetime | None = None, repair: str = ""
) -> Any:
    """Close a fault; `obj` is operational again once none of its faults is open."""
    repaired_at = repaired_at or timezone.now()
    if repaired_at < fault.started_at:
        raise ValidationError({"repaired_at": "A repair cannot end before the fault started."})
    fault.repaired_at = repaired_at
    fault.repair = repair[:500] or fault.repair
    fault.save(update_fields=["repaired_at", "repair"])
    obj.refresh_from_db()
    statuses = type(obj).Status
    if obj.status == statuses.FAULTY and not obj.faults.filter(repaired_at__isnull=True).exists():
        move(obj=obj, to=statuses.OPERATIONAL, at=repaired_at, note="Repaired.")
    return fault


def mark_silent(
    *, queryset: models.QuerySet, report: Any, now: dt.datetime, timeout: dt.timedelta
) -> list[Any]:
    """Equipment in `queryset` (installed or operational) whose last heartbeat is older than
    `timeout` gets a no-heartbeat fault starting at that heartbeat, through `report(obj=, ...)`.
    Equipment that never sent one is not watched (it is not wired up yet)."""
    statuses = queryset.model.Status
    silent = queryset.filter(
        status__in=(statuses.INSTALLED, statuses.OPERATIONAL), last_heartbeat_at__lt=now - timeout
    )
    marked = []
    for obj in silent:
        report(
            obj=obj,
            cause=NO_HEARTBEAT,
            started_at=obj.last_heartbeat_at,
            description=f"No heartbeat for more than {int(timeout.total_seconds() // 60)} minutes.",
            reported_by="heartbeat monitor",
        )
        marked.append(obj)
    return marked


def refusal(exc: ValidationError) -> tuple[int, dict[str, str]]:
    """An API answer for a refused heartbeat or fault: 400 for a time in the future (the request
    is wrong), 409 for equipment whose status forbids it."""
    return (400 if getattr(exc, "code", None) == "future" else 409), {"detail": "; ".join(exc.messages)}
