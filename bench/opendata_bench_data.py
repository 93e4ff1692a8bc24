"""The open-data benchmark's datasets and how they are loaded into each peer.

Dataset i is always the same (seeded by i): one CSV link resource, 3 tags out of 10 words, an
organization out of 8. Both loaders skip datasets already there, so an interrupted load resumes.

- Portal: bulk ORM inserts, then the portal's own search index (portal.search.index_many) for the
  datasets not indexed yet. Run as `python bench/opendata_bench_data.py portal N` with the
  portal's settings in the environment (the benchmark does this).
- CKAN: a few datasets go through package_create (the reference), the rest are copied into CKAN's
  database with SQL, row for row as package_create writes them (package, resource, tags,
  organization membership), and CKAN's own indexer indexes them (ckan_index_copies.py); package_show
  then answers exactly as for datasets created through the API.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ORGS = [f"bench-org-{i}" for i in range(8)]
WORDS = ["transport", "parcare", "buget", "aer", "apa", "scoala", "spital", "strazi", "iluminat", "deseuri"]
# Names are derived from the number, ids too, so reruns find what is already loaded.
NAMESPACE = uuid.UUID("4f1d7a52-0c1e-4b8e-9a57-8d2f3c6b1e90")


def dataset(i: int) -> dict[str, Any]:
    """Dataset number `i` as a package_create payload."""
    rng = random.Random(i)
    tags = rng.sample(WORDS, 3)
    return {
        "name": f"bench-{i:06d}",
        "title": f"Set de date {i} despre {tags[0]}",
        "notes": f"Date sintetice {i}: {' '.join(tags)}.",
        "owner_org": ORGS[i % len(ORGS)],
        "license_id": "CC-BY-4.0",
        "tags": [{"name": t} for t in tags],
        "resources": [
            {"name": f"date-{i}.csv", "format": "CSV", "url": f"https://example.org/bench/{i}.csv"}
        ],
    }


# ------------------------------------------------------------------------------------ portal


def load_portal(n: int) -> dict[str, float]:
    """Insert the missing datasets 0..n-1 and index them; needs Django set up (portal settings)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from opendata.models import Dataset, Resource, Tag
    from opendata.search_index import KIND, texts
    from opendata.services.catalogue import save_organization
    from portal import search
    from portal.search.models import SearchDocument

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    orgs = {o.name: o for o in (Dataset.organization.field.related_model.objects.filter(name__in=ORGS))}
    for name in ORGS:
        if name not in orgs:
            orgs[name] = save_organization(name=name, title=name)
    tags = {t.name: t for t in Tag.objects.filter(name__in=WORDS)}
    for word in WORDS:
        if word not in tags:
            tags[word] = Tag.objects.create(name=word)
    have = set(Dataset.objects.filter(name__startswith="bench-").values_list("name", flat=True))
    todo = [i for i in range(n) if f"bench-{i:06d}" not in have]
    through = Dataset.tags.through
    for start in range(0, len(todo), 5000):
        with transaction.atomic():
            rows, resources, links = [], [], []
            for i in todo[start : start + 5000]:
                d = dataset(i)
                obj = Dataset(
                    name=d["name"], title=d["title"], notes=d["notes"], organization=orgs[d["owner_org"]]
                )
                rows.append(obj)
                r = d["resources"][0]
                resources.append(Resource(dataset=obj, name=r["name"], format=r["format"], url=r["url"]))
                links += [through(dataset=obj, tag=tags[t["name"]]) for t in d["tags"]]
            Dataset.objects.bulk_create(rows)
            Resource.objects.bulk_create(resources)
            through.objects.bulk_create(links)
    inserted = time.perf_counter() - started
    indexed = set(SearchDocument.objects.filter(kind=KIND).values_list("key", flat=True))
    missing = [pk for pk in Dataset.objects.values_list("pk", flat=True) if str(pk) not in indexed]

    def documents() -> Any:
        for start in range(0, len(missing), 2000):
            chunk = Dataset.objects.filter(pk__in=missing[start : start + 2000])
            for obj in chunk.select_related("organization").prefetch_related("tags"):
                yield obj.pk, texts(obj)

    search.index_many(KIND, documents())
    if missing and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics after a bulk load, as autovacuum would
    return {
        "inserted": len(todo),
        "insert_s": inserted,
        "indexed": len(missing),
        "index_s": time.perf_counter() - started - inserted,
    }


# -------------------------------------------------------------------------------------- CKAN


def _uid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(map(str, parts))))


def _row(cur: Any, table: str, where: str, params: list[Any]) -> dict[str, Any]:
    cur.execute(f'SELECT * FROM "{table}" WHERE {where} LIMIT 1', params)
    names = [c.name for c in cur.description]
    return dict(zip(names, cur.fetchone(), strict=True))


def _insert(cur: Any, table: str, template: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    """Insert rows shaped like `template` (a row package_create wrote), with per-row overrides."""
    from psycopg.types.json import Jsonb

    columns = list(template)
    fixed = {k: Jsonb(v) if isinstance(v, dict | list) else v for k, v in template.items()}
    sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join(["%s"] * len(columns))})'
    cur.executemany(sql, [[row.get(c, fixed[c]) for c in columns] for row in rows])


def load_ckan_sql(dsn: str, n: int, reference: str) -> int:
    """Copy the missing datasets 0..n-1 into CKAN's database as package_create stores them.

    Each row (package, resource, package_tag, organization member) is a copy of the row
    package_create wrote for the dataset named `reference`, with this dataset's own ids, names,
    texts and organization; tags are CKAN's existing ones. Returns how many were copied."""
    import psycopg

    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        package = _row(cur, "package", "name = %s", [reference])
        resource = _row(cur, "resource", "package_id = %s", [package["id"]])
        package_tag = _row(cur, "package_tag", "package_id = %s", [package["id"]])
        member = _row(cur, "member", "table_id = %s AND table_name = 'package'", [package["id"]])
        cur.execute('SELECT name, id FROM "group" WHERE name = ANY(%s)', [ORGS])
        org_ids = dict(cur.fetchall())
        cur.execute("SELECT name, id FROM tag WHERE vocabulary_id IS NULL AND name = ANY(%s)", [WORDS])
        tag_ids = dict(cur.fetchall())
        if set(tag_ids) != set(WORDS):
            raise RuntimeError("create the reference datasets through package_create first (all tags)")
        cur.execute("SELECT name FROM package WHERE name LIKE 'bench-%%'")
        have = {row[0] for row in cur.fetchall()}
        todo = [i for i in range(n) if f"bench-{i:06d}" not in have]
        for start in range(0, len(todo), 5000):
            packages, resources, package_tags, members = [], [], [], []
            for i in todo[start : start + 5000]:
                d, now = dataset(i), dt.datetime.now(dt.UTC).replace(tzinfo=None)
                pid, org = _uid("package", i), org_ids[d["owner_org"]]
                packages.append(
                    {"id": pid, "name": d["name"], "title": d["title"], "notes": d["notes"],
                     "license_id": d["license_id"], "owner_org": org,
                     "metadata_created": now, "metadata_modified": now}
                )  # fmt: skip
                r = d["resources"][0]
                resources.append(
                    {"id": _uid("resource", i), "package_id": pid, "url": r["url"], "format": r["format"],
                     "name": r["name"], "created": now, "metadata_modified": now}
                )  # fmt: skip
                package_tags += [
                    {"id": _uid("package_tag", i, t["name"]), "package_id": pid, "tag_id": tag_ids[t["name"]]}
                    for t in d["tags"]
                ]
                members.append({"id": _uid("member", i), "group_id": org, "table_id": pid})
            _insert(cur, "package", package, packages)
            _insert(cur, "resource", resource, resources)
            _insert(cur, "package_tag", package_tag, package_tags)
            _insert(cur, "member", member, members)
            conn.commit()
            print(f"  ckan: {start + len(packages)}/{len(todo)} datasets copied", flush=True)
    return len(todo)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if len(sys.argv) != 3 or sys.argv[1] != "portal":
        sys.exit("usage: opendata_bench_data.py portal N   (with the portal's settings in the environment)")
    print(json.dumps(load_portal(int(sys.argv[2]))))
