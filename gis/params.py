"""Query parameters of the map's public APIs (/api/v1/gis/ and /ogcapi/), checked in one place
before any geometry or query is built. A bbox far outside WGS84 made SpatiaLite abort the whole
process, and a filter name reached the ORM as a lookup (`?nr_cad__regex=(`): every value is now
parsed here and a bad one raises InvalidParameter, which each API turns into a 400 in its own
error format."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.dateparse import parse_date, parse_datetime

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
MODEL_FIELDS = ("external_id", "name")  # filterable columns of stored features
OPERATORS = ("eq", "in")  # `field=value` (eq) and `field__in=a,b,c` (any of)
MAX_VALUES, MAX_VALUE_LENGTH = 100, 500
MAX_LIMIT = 10_000  # the most features one page of the API or OGC API serves


class InvalidParameter(ValueError):
    """A query parameter the map cannot use; the message says what is allowed."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class BBox:
    """A WGS84 box; `west > east` is a box crossing the antimeridian (OGC API – Features 1,
    7.15.3), searched as its two halves either side of it."""

    west: float
    south: float
    east: float
    north: float

    @property
    def boxes(self) -> tuple[Box, ...]:
        if self.west <= self.east:
            return ((self.west, self.south, self.east, self.north),)
        return ((self.west, self.south, 180.0, self.north), (-180.0, self.south, self.east, self.north))


@dataclass(frozen=True)
class PropertyFilter:
    """`field` equals one of `values` (one value for `eq`)."""

    field: str
    operator: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class FeatureQuery:
    """A validated request for features: where, which page, which properties, when."""

    bbox: BBox | None = None
    limit: int = 100
    offset: int = 0
    filters: tuple[PropertyFilter, ...] = ()
    interval: tuple[dt.datetime | None, dt.datetime | None] | None = None


def _finite(text: str, name: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise InvalidParameter(name, f"{name} must contain numbers only, not {text.strip()[:40]!r}") from None
    if not math.isfinite(number):
        raise InvalidParameter(name, f"{name} must contain finite numbers")
    return number


def check_point(lat: float, lon: float, *, name: str = "") -> None:
    """A WGS84 position: finite, latitude within ±90 and longitude within ±180 degrees."""
    prefix = f"{name}: " if name else ""
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise InvalidParameter(name or "lat", f"{prefix}latitude and longitude must be finite numbers")
    if not -90 <= lat <= 90:
        raise InvalidParameter(name or "lat", f"{prefix}latitude must be between -90 and 90 (got {lat:g})")
    if not -180 <= lon <= 180:
        raise InvalidParameter(name or "lon", f"{prefix}longitude must be between -180 and 180 (got {lon:g})")


def parse_bbox(text: str | None) -> BBox | None:
    """`west,south,east,north` (or with heights, `west,south,low,east,north,high`) in WGS84
    degrees: finite, longitudes within ±180, latitudes within ±90, south <= north. West > east
    crosses the antimeridian."""
    if text is None or text == "":
        return None
    usage = "bbox must be west,south,east,north (or west,south,low,east,north,high) in WGS84 degrees"
    if len(text) > 200:
        raise InvalidParameter("bbox", usage)
    parts = [_finite(p, "bbox") for p in text.split(",")]
    if len(parts) == 6:
        if parts[2] > parts[5]:
            raise InvalidParameter("bbox", "bbox: the lower height must not exceed the upper one")
        parts = [parts[0], parts[1], parts[3], parts[4]]
    if len(parts) != 4:
        raise InvalidParameter("bbox", usage)
    west, south, east, north = parts
    check_point(south, west, name="bbox")
    check_point(north, east, name="bbox")
    if south > north:
        raise InvalidParameter("bbox", f"bbox: south ({south:g}) must not be above north ({north:g})")
    return BBox(west, south, east, north)


def check_crs(value: str | None, name: str) -> None:
    """Coordinates are served and read in CRS84 (WGS84 longitude, latitude) only."""
    if value not in (None, "", CRS84):
        raise InvalidParameter(name, f"{name} must be {CRS84}, the only coordinate system served")


def parse_count(text: str | None, name: str, *, default: int, minimum: int, cap: int | None = None) -> int:
    """A whole number >= `minimum`, lowered to `cap` when above it (OGC: a limit above the
    maximum is served as the maximum)."""
    if text is None or text == "":
        return default
    try:
        number = int(text)
    except ValueError:
        raise InvalidParameter(name, f"{name} must be a whole number") from None
    if number < minimum:
        raise InvalidParameter(name, f"{name} must be at least {minimum}")
    return number if cap is None else min(number, cap)


def parse_instant(text: str, *, end: bool) -> dt.datetime | None:
    """An RFC 3339 date or date-time in UTC; `..` or empty is an open end."""
    if text in ("", ".."):
        return None
    try:
        moment = parse_datetime(text)
        if moment is None:
            day = parse_date(text)
            if day is None:
                raise ValueError
            moment = dt.datetime.combine(day, dt.time.max if end else dt.time.min)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise InvalidParameter("datetime", f"datetime: not an RFC 3339 date or time: {text[:40]!r}") from None


def parse_interval(text: str | None) -> tuple[dt.datetime | None, dt.datetime | None] | None:
    """An RFC 3339 instant or `start/end` interval with `..` for an open end (OGC `datetime`)."""
    if not text:
        return None
    if "/" in text:
        first, last = text.split("/", 1)
        start, end = parse_instant(first, end=False), parse_instant(last, end=True)
        if start and end and start > end:
            raise InvalidParameter("datetime", "datetime: the interval ends before it starts")
        return (start, end)
    if "T" in text or "t" in text:
        instant = parse_instant(text, end=False)
        return (instant, instant)
    return (parse_instant(text, end=False), parse_instant(text, end=True))


def _filters_help(fields: list[str]) -> str:
    shown = ", ".join(fields[:50]) + (", …" if len(fields) > 50 else "")
    return (
        f"filter on {shown or 'no field'} with field=value or field__in=a,b "
        f"(operators: {', '.join(OPERATORS)})"
    )


def parse_filters(
    pairs: Iterable[tuple[str, str]], fields: Callable[[], list[str]]
) -> tuple[PropertyFilter, ...]:
    """Property filters from `(name, value)` pairs: `field`, `field__eq` or `field__in` on one of
    the layer's `fields` (asked only when a filter is present); anything else is refused."""
    found: list[PropertyFilter] = []
    known: list[str] | None = None
    for name, value in pairs:
        if known is None:
            known = fields()
        field, operator = name, "eq"
        if name not in known and "__" in name:
            field, operator = name.rsplit("__", 1)
        if field not in known or operator not in OPERATORS:
            problem = f"{name[:60]!r} is not a filter of this layer"
            raise InvalidParameter(name, f"{problem}: {_filters_help(known)}")
        values = tuple(value.split(",")) if operator == "in" else (value,)
        if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_LENGTH for v in values):
            raise InvalidParameter(
                name, f"{name[:60]}: at most {MAX_VALUES} values of {MAX_VALUE_LENGTH} characters"
            )
        found.append(PropertyFilter(field, operator, values))
    return tuple(found)


def feature_query(
    params: QueryDict,
    *,
    fields: Callable[[], list[str]],
    reserved: Collection[str],
    default_limit: int,
    max_limit: int = MAX_LIMIT,
) -> FeatureQuery:
    """Every parameter of a features request (a QueryDict), validated; the rest are filters."""
    get = params.get
    check_crs(get("bbox-crs"), "bbox-crs")
    check_crs(get("crs"), "crs")
    return FeatureQuery(
        bbox=parse_bbox(get("bbox")),
        limit=parse_count(get("limit"), "limit", default=default_limit, minimum=1, cap=max_limit),
        offset=parse_count(get("offset"), "offset", default=0, minimum=0),
        interval=parse_interval(get("datetime")),
        filters=parse_filters(
            ((k, v) for k, v in params.items() if k not in reserved),
            fields,
        ),
    )
