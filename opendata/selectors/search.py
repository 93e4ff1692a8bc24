"""package_search: free text, the common Solr `fq` subset, sorting, paging and facets.

Supported query syntax (what CKAN clients send in practice): `field:value`, `field:"a b"`,
`field:[a TO b]` (with `*` for open ends), `field:(a OR b)` grouping, prefix wildcards
(`aer*`, `tags:aer*`), leading and inner wildcards in field values (`name:*bus`,
`name:a?r*`), `*:*`, `-field:value` / `NOT`, `AND`, `OR`, parentheses, and bare
words (all must match, in title, description, name, tags or organization).

Queries are bounded (terms, nesting) so that no input reaches the database as an expression
too large for it or recurses past Python's stack: those are Search Query Errors, as in CKAN.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from portal import search as text_search

from ..errors import SearchQueryError
from ..models import Dataset, Resource, Tag, Theme
from ..search_index import KIND as DATASET_KIND
from . import dictize

MAX_TERMS = 40
MAX_DEPTH = 20
MAX_QUERY_LENGTH = 4000
TOKEN_RE = re.compile(
    r"\s*(?:(?P<lpar>\()|(?P<rpar>\))|(?P<op>AND\b|OR\b|NOT\b|&&|\|\|)"
    r"|(?P<group>[-+!]?[\w.]+:(?=\())"
    r'|(?P<term>[-+!]?(?:[\w.]+:)?(?:"[^"]*"(?:[~^][\d.]*)*|\[[^\]]*\]|\{[^}]*\}|[^\s()"]+)))'
)
# Relevance hints Solr accepts after a term or phrase (boost ^2, proximity or fuzziness ~1):
# they change ranking, not which datasets match, so they are dropped.
HINT_RE = re.compile(r"(?:[~^][\d.]*)+$")
# Solr field -> (ORM lookup, multi-valued?)
FIELDS: dict[str, tuple[str, bool]] = {
    "id": ("id", False),
    "name": ("name", False),
    "title": ("title__icontains", False),
    "notes": ("notes__icontains", False),
    "text": ("", False),
    "organization": ("organization__name", False),
    "owner_org": ("organization_id", False),
    "tags": ("tags__name", True),
    "res_format": ("resources__format__iexact", True),
    "res_name": ("resources__name__icontains", True),
    "groups": ("themes__code__iexact", True),
    "license_id": ("license_id", False),
    "state": ("state", False),
    "private": ("private", False),
    "capacity": ("private", False),
    "frequency": ("frequency__iexact", False),
    "metadata_modified": ("metadata_modified", False),
    "metadata_created": ("metadata_created", False),
    "num_resources": ("", False),
    "dataset_type": ("", False),
    "type": ("", False),
}
SORTS = {
    "name": "name",
    "title": "title",
    "title_string": "title",
    "metadata_modified": "metadata_modified",
    "metadata_created": "metadata_created",
}
FACETS = {
    "organization": "organization__name",
    "tags": "tags__name",
    "res_format": "resources__format",
    "license_id": "license_id",
    "groups": "themes__code",
}


# Free-text fields a leading or inner wildcard is matched against, as written.
WILDCARD_TEXT = ("name", "title", "title_en", "title_hu", "notes", "notes_en", "notes_hu", "tags__name")


def _text_q(word: str) -> Q:
    """Datasets having `word` in any language, in any form, diacritics or not (`aer*`: a prefix).

    Word stems cannot answer a leading or inner wildcard (`*oruri`, `a?r`): those match the
    text as written, `?` one character and `*` any run within a word."""
    if not word.rstrip("*"):
        return Q()
    if word.startswith("*") or "?" in word or "*" in word.rstrip("*"):
        pattern = "".join({"?": r"\w", "*": r"\w*"}.get(c, re.escape(c)) for c in word)
        shaped = Q()
        for column in WILDCARD_TEXT:
            shaped |= Q(**{f"{column}__iregex": rf"(^|\W){pattern}(\W|$)"})
        return Q(pk__in=Dataset.objects.filter(shaped).values("pk"))
    found = text_search.matches(DATASET_KIND, word, prefix=word.endswith("*"))
    if found is None:
        return Q(pk__in=[])
    return Q(pk__in=RawSQL(f"SELECT {_KEY_AS_PK[connection.vendor]} FROM ({found[0]}) m", found[1]))


# The index's keys are str(uuid); a subquery hands them to `pk IN (...)` in the column's own type.
_KEY_AS_PK = {"postgresql": "m.key::uuid", "sqlite": "replace(m.key, '-', '')"}


def _value_q(field: str, raw: str) -> Q:
    if field not in FIELDS:
        raise SearchQueryError(f"unknown field {field!r}")
    lookup, multi = FIELDS[field]
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        raw = raw[1:-1]
    if field in ("dataset_type", "type"):
        return Q() if raw == "dataset" else Q(pk__in=[])
    if field == "text":
        return _text_q(raw)
    if raw.startswith(("[", "{")):
        return _range_q(field, raw)
    if raw == "*":
        return Q()
    if field == "capacity":
        return Q(private=raw == "private")
    if field == "private":
        return Q(private=raw.lower() == "true")
    if field == "groups":
        raw = raw.upper()
    if field == "num_resources":
        return _num_resources_q("exact", _natural(field, raw))
    if field in ("metadata_modified", "metadata_created"):
        return Q(**{field: _datetime(raw)})
    if field in ("id", "owner_org"):  # UUIDs: anything else matches nothing, as in Solr
        return Q(**{lookup: raw}) if _is_uuid(raw) else Q(pk__in=[])
    if "?" in raw or "*" in raw.strip("*"):  # wildcards inside: ? one character, * any run
        column = lookup.removesuffix("__iexact").removesuffix("__icontains")
        pattern = "".join({"?": ".", "*": ".*"}.get(c, re.escape(c)) for c in raw)
        shaped = Q(**{f"{column}__iregex": f"^{pattern}$"})
        return Q(pk__in=Dataset.objects.filter(shaped).values("pk")) if multi else shaped
    if raw.startswith("*"):  # a leading wildcard: the value anywhere in the field
        column = lookup.removesuffix("__iexact").removesuffix("__icontains")
        inside = Q(**{f"{column}__icontains": raw.strip("*")})
        return Q(pk__in=Dataset.objects.filter(inside).values("pk")) if multi else inside
    if raw.endswith("*"):
        column = lookup.removesuffix("__iexact").removesuffix("__icontains")
        prefix = Q(**{f"{column}__istartswith": raw.rstrip("*")})
        return Q(pk__in=Dataset.objects.filter(prefix).values("pk")) if multi else prefix
    if multi:
        return Q(pk__in=Dataset.objects.filter(**{lookup: raw}).values("pk"))
    return Q(**{lookup: raw})


def _is_uuid(raw: str) -> bool:
    try:
        uuid.UUID(raw)
    except ValueError:
        return False
    return True


def _natural(field: str, raw: str) -> int:
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise SearchQueryError(f"{field} must be a natural number, not {raw!r}")
    return int(raw)


def _num_resources_q(lookup: str, number: int) -> Q:
    counted = Dataset.objects.annotate(n=Count("resources")).filter(**{f"n__{lookup}": number})
    return Q(pk__in=counted.values("pk"))


def _datetime(raw: str) -> Any:
    """A Solr date: ISO date or datetime, or NOW with an optional -/+ N DAY(S)/HOUR(S)/YEAR(S)."""
    value = raw.upper()
    if value.startswith("NOW"):
        match = re.fullmatch(r"NOW(?:([-+])(\d+)(DAY|DAYS|HOUR|HOURS|YEAR|YEARS))?", value)
        if not match:
            raise SearchQueryError(f"cannot read date {raw!r}")
        now = timezone.now()
        if match.group(1):
            amount = int(match.group(2)[:12])
            unit = match.group(3).rstrip("S")
            try:
                delta = {
                    "DAY": dt.timedelta(days=amount),
                    "HOUR": dt.timedelta(hours=amount),
                    "YEAR": dt.timedelta(days=365 * amount),
                }[unit]
                now = now + delta if match.group(1) == "+" else now - delta
            except OverflowError as exc:
                raise SearchQueryError(f"date out of range {raw!r}") from exc
        return now
    try:
        parsed = parse_datetime(raw.rstrip("Z")) or (parse_date(raw) and parse_datetime(raw + "T00:00:00"))
    except ValueError as exc:  # well formed but not a date, e.g. 2020-13-45
        raise SearchQueryError(f"cannot read date {raw!r}") from exc
    if parsed is None:
        raise SearchQueryError(f"cannot read date {raw!r}")
    return timezone.make_aware(parsed, dt.UTC) if timezone.is_naive(parsed) else parsed


def _range_q(field: str, raw: str) -> Q:
    match = re.fullmatch(r"([\[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])", raw)
    if not match:
        raise SearchQueryError(f"bad range {raw!r}")
    low, high = match.group(2), match.group(3)
    if field in ("metadata_modified", "metadata_created"):
        convert = _datetime
        lookup = field
    elif field in ("name", "license_id", "title"):
        convert = str
        lookup = field
    elif field == "num_resources":
        q = Q()
        if low != "*":
            q &= _num_resources_q("gte" if match.group(1) == "[" else "gt", _natural(field, low))
        if high != "*":
            q &= _num_resources_q("lte" if match.group(4) == "]" else "lt", _natural(field, high))
        return q
    else:
        raise SearchQueryError(f"ranges are not supported on {field!r}")
    q = Q()
    if low != "*":
        q &= Q(**{f"{lookup}__{'gte' if match.group(1) == '[' else 'gt'}": convert(low)})
    if high != "*":
        q &= Q(**{f"{lookup}__{'lte' if match.group(4) == ']' else 'lt'}": convert(high)})
    return q


class _Parser:
    """A small recursive-descent parser: or_expr := and_expr (OR and_expr)*."""

    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        self.depth = 0
        self.field: str | None = None  # inside field:( ... ), bare words are values of this field
        if len(text) > MAX_QUERY_LENGTH:
            raise SearchQueryError(f"the query is longer than {MAX_QUERY_LENGTH} characters")
        if "\x00" in text:
            raise SearchQueryError("the query contains a NUL character")
        pos = 0
        text = text.strip()
        while pos < len(text):
            match = TOKEN_RE.match(text, pos)
            if not match or match.end() == pos:
                raise SearchQueryError(f"cannot parse {text[pos:]!r}")
            pos = match.end()
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind)))
        if sum(kind in ("term", "group") for kind, _ in self.tokens) > MAX_TERMS:
            raise SearchQueryError(f"the query has more than {MAX_TERMS} terms")
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Q:
        if not self.tokens:
            return Q()
        q = self.or_expr()
        if self.peek() is not None:
            raise SearchQueryError(f"unexpected {self.peek()[1]!r}")
        return q

    def or_expr(self) -> Q:
        q = self.and_expr()
        while self.peek() and self.peek()[0] == "op" and self.peek()[1] in ("OR", "||"):
            self.i += 1
            q = q | self.and_expr()
        return q

    def and_expr(self) -> Q:
        q = self.unary()
        while self.peek() and not (
            self.peek()[0] == "rpar" or (self.peek()[0] == "op" and self.peek()[1] in ("OR", "||"))
        ):
            if self.peek()[0] == "op" and self.peek()[1] in ("AND", "&&"):
                self.i += 1
            q = q & self.unary()
        return q

    def unary(self) -> Q:
        token = self.peek()
        if token is None:
            raise SearchQueryError("the query ends too early")
        self.i += 1
        kind, value = token
        if kind == "op" and value == "NOT":
            return ~self.nested(self.unary)
        if kind == "lpar":
            return self.nested(self.group)
        if kind == "group":
            if self.field is not None:
                raise SearchQueryError("field groups cannot be nested")
            negate = value[0] in "-!"
            self.field = value.lstrip("-+!").rstrip(":")
            if self.field not in FIELDS:
                raise SearchQueryError(f"unknown field {self.field!r}")
            self.i += 1  # the "(" the pattern looked ahead at
            try:
                q = self.nested(self.group)
            finally:
                self.field = None
            return ~q if negate else q
        if kind != "term":
            raise SearchQueryError(f"unexpected {value!r}")
        negate = value[0] in "-!"
        if value[0] in "-+!":
            value = value[1:]
        if not value.endswith(("]", "}")):
            value = HINT_RE.sub("", value) or value
        if value == "*:*":
            q = Q()
        elif ":" in value and not value.startswith(('"', "[")):
            field, raw = value.split(":", 1)
            q = _value_q(field, raw)
        elif self.field is not None:
            q = _value_q(self.field, value)
        else:
            q = _text_q(value.strip('"'))
        return ~q if negate else q

    def group(self) -> Q:
        q = self.or_expr()
        if not self.peek() or self.peek()[0] != "rpar":
            raise SearchQueryError("missing )")
        self.i += 1
        return q

    def nested(self, parse: Any) -> Q:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise SearchQueryError(f"the query nests deeper than {MAX_DEPTH} levels")
        try:
            return parse()
        finally:
            self.depth -= 1


def _ranking(q: str) -> list[str]:
    """The keys of the (at most 1000) datasets matching the words of `q` best, best first."""
    return text_search.keys(DATASET_KIND, q, operator="or", limit=1000) if q and q != "*:*" else []


def _page_keys(
    matched: Any, order: list[Any], ranked: list[uuid.UUID], hits: set[Any], start: int, rows: int
) -> list[Any]:
    """The primary keys of the page, in order. With a ranking (score first), the ranked matches
    come first in its order and the other matches after them in `order`, as CKAN sorts by score;
    picking the page by keys first keeps relations and sorting off the thousands of matches."""
    if not rows:
        return []
    if not ranked:
        return list(matched.order_by(*order).values_list("pk", flat=True)[start : start + rows])
    first = [key for key in ranked if key in hits]
    page = first[start : start + rows]
    if len(page) < rows:
        offset = max(0, start - len(first))
        rest = matched.exclude(pk__in=ranked).order_by(*order).values_list("pk", flat=True)
        page += list(rest[offset : offset + rows - len(page)])
    return page


def _facet_sql() -> dict[str, str]:
    """Per facet: (value, matching datasets) over the matches `m` (id, org_name, license_id)."""
    tags, themes = Dataset.tags.through._meta.db_table, Dataset.themes.through._meta.db_table
    return {
        "organization": "SELECT m.org_name, count(*) FROM m GROUP BY m.org_name",
        "license_id": "SELECT m.license_id, count(*) FROM m GROUP BY m.license_id",
        "tags": f"SELECT t.name, count(*) FROM m JOIN {tags} x ON x.dataset_id = m.id"
        f" JOIN {Tag._meta.db_table} t ON t.id = x.tag_id GROUP BY t.name",
        "res_format": f"SELECT r.format, count(DISTINCT m.id) FROM m JOIN {Resource._meta.db_table} r"
        " ON r.dataset_id = m.id GROUP BY r.format",
        "groups": f"SELECT t.code, count(*) FROM m JOIN {themes} x ON x.dataset_id = m.id"
        f" JOIN {Theme._meta.db_table} t ON t.id = x.theme_id GROUP BY t.code",
    }


def _count_and_facets(
    matches: Any, fields: list[str], limit: int, ranked: list[uuid.UUID]
) -> tuple[int, dict[str, list[tuple[str, int]]], set[Any]]:
    """How many datasets match, the facet counts and which `ranked` datasets match, in one
    statement: the matches are found once (a common table expression), not once per answer."""
    wanted = [field for field in dict.fromkeys(fields) if field in FACETS]
    rows = matches.order_by().annotate(org_name=F("organization__name"))
    try:
        sql, params = rows.values("id", "org_name", "license_id").distinct().query.sql_with_params()
    except EmptyResultSet:  # the filters can match nothing (e.g. an id that is not a UUID)
        return 0, {field: [] for field in wanted}, set()
    parts, extra = ["SELECT %s, NULL, count(*) FROM m"], [""]
    for field in wanted:
        parts.append(_facet_sql()[field].replace("SELECT ", "SELECT %s, ", 1))
        extra.append(field)
    if ranked:
        keys = Dataset._meta.pk.get_db_prep_value  # type: ignore[union-attr]
        marks = ", ".join(["%s"] * len(ranked))
        parts.append(f"SELECT %s, CAST(m.id AS varchar(36)), 0 FROM m WHERE m.id IN ({marks})")
        extra += ["ranked", *(keys(key, connection) for key in ranked)]
    with connection.cursor() as cursor:
        cursor.execute(f"WITH m AS ({sql}) " + " UNION ALL ".join(parts), [*params, *extra])
        result = cursor.fetchall()
    count = next(n for field, _, n in result if field == "")
    facets: dict[str, list[tuple[str, int]]] = {field: [] for field in wanted}
    hits = set()
    for field, value, n in result:
        if field == "ranked":
            hits.add(Dataset._meta.pk.to_python(value))  # type: ignore[union-attr]
        elif field:
            facets[field].append((str(value), n))
    for field, items in facets.items():
        facets[field] = sorted(items, key=lambda item: (-item[1], item[0]))[:limit]
    return count, facets, hits


def _relevance(q: str) -> list[Any]:
    """Order by how well datasets match the words of `q`, best first (nothing for no words)."""
    ranked = _ranking(q)
    if not ranked:
        return []
    if connection.vendor == "postgresql":  # one array lookup per row, not a thousand-branch CASE
        position = RawSQL('array_position(%s::uuid[], "opendata_dataset"."id")', [ranked])
        return [position.asc(nulls_last=True)]
    whens = [When(pk=key, then=Value(i)) for i, key in enumerate(ranked)]
    return [Case(*whens, default=Value(len(ranked)), output_field=IntegerField())]


def parse_query(text: str) -> Q:
    return _Parser(text or "").parse()


@dataclass
class SearchResult:
    count: int
    datasets: list[Dataset]
    facets: dict[str, list[tuple[str, int]]]


def search(
    *,
    q: str = "",
    fq: str = "",
    rows: int = 10,
    start: int = 0,
    sort: str = "",
    facet_fields: list[str] | None = None,
    facet_limit: int = 50,
    include_private: bool = False,
    include_deleted: bool = False,
) -> SearchResult:
    """Datasets matching q and fq, a page of them, and facet counts over all matches."""
    base = Dataset.objects.all() if include_deleted else Dataset.objects.active()
    if not include_private:
        base = base.filter(private=False)
    q = (q or "").strip()
    condition = parse_query(q) if q and q != "*:*" else Q()
    condition &= parse_query(fq)
    ids = base.filter(condition).values("pk")
    matched = Dataset.objects.filter(pk__in=ids)
    order: list[Any] = []
    ranked: list[uuid.UUID] = []
    for i, part in enumerate(
        p for p in (sort or "score desc, metadata_modified desc").split(",") if p.split()
    ):
        bits = part.split()
        key, direction = bits[0], (bits[1].lower() if len(bits) > 1 else "asc")
        if direction not in ("asc", "desc"):
            raise SearchQueryError(f"bad sort direction {direction!r}")
        if key == "score":
            if direction == "desc" and i == 0:  # best first: the page is picked from the ranking
                ranked = [uuid.UUID(key) for key in _ranking(q)]
            elif direction == "desc":
                order.extend(_relevance(q))
            continue
        if key not in SORTS:
            raise SearchQueryError(f"cannot sort by {key!r}")
        order.append(("-" if direction == "desc" else "") + SORTS[key])
    order.append("name")
    count, facets, hits = _count_and_facets(base.filter(condition), facet_fields or [], facet_limit, ranked)
    keys = _page_keys(matched, order, ranked, hits, start, rows)
    found = {d.pk: d for d in dictize.with_relations(Dataset.objects.filter(pk__in=keys))}
    page = [found[key] for key in keys if key in found]
    return SearchResult(count=count, datasets=page, facets=facets)


def facet_title(field: str, value: str) -> str:
    """A facet item's display name (organization titles, theme labels)."""
    from ..models import THEMES, Organization

    if field == "organization":
        org = Organization.objects.filter(name=value).only("title").first()
        return org.title if org else value
    if field == "groups":
        return str(THEMES.get(value.upper(), value))
    return value
