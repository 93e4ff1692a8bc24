"""Index the benchmark's SQL-copied datasets in CKAN's search index, with CKAN's own indexer.

Runs in the CKAN testbed's virtualenv: `venv/bin/python bench/ckan_index_copies.py CKAN_INI [K/N]`
(K/N: index only the K-th of N shares of the missing datasets, to run N processes side by side).

`ckan search-index rebuild` builds each dataset's dictionaries with package_show (dictize and
validate, twice) before indexing: about 20 datasets a second, hours for 100,000. The copies
differ from the reference dataset (made by package_create) only in the values copied into
their rows, so their package_show dictionaries are the reference's with those values put in;
they are handed to CKAN's indexer (index_package, which adds the permission labels and makes
the Solr document) unchanged; its documents are sent to Solr a thousand per request instead of
one per request. Before indexing, the dictionaries made this way for the
datasets created through package_create are compared with CKAN's own package_show of them,
and the run stops if any differs.
"""

from __future__ import annotations

import copy
import sys
import time
from typing import Any

from ckan import logic, model
from ckan.cli import load_config
from ckan.config.middleware import make_app
from ckan.lib import search
from ckan.lib.search import common
from ckan.lib.search import index as search_index
from opendata_bench_data import _uid

Both = tuple[dict[str, Any], dict[str, Any]]


def rows() -> dict[str, dict[str, Any]]:
    """Each bench dataset's own values, from CKAN's database."""
    found: dict[str, dict[str, Any]] = {}
    for pkg in model.Session.query(model.Package).filter(model.Package.name.like("bench-%")):
        found[pkg.id] = {"package": pkg, "resources": [], "tags": []}
    for res in model.Session.query(model.Resource).filter(model.Resource.state == "active"):
        if res.package_id in found:
            found[res.package_id]["resources"].append(res)
    query = model.Session.query(model.PackageTag.package_id, model.Tag).join(model.Tag)
    for package_id, tag in query.filter(model.PackageTag.state == "active"):
        if package_id in found:
            found[package_id]["tags"].append(tag)
    return found


def iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def clone(reference: dict[str, Any], organizations: dict[str, dict], values: dict[str, Any]) -> dict:
    """The reference's package_show dictionary with another dataset's values."""
    pkg, (res,), tags = values["package"], values["resources"], sorted(values["tags"], key=lambda t: t.name)
    out = copy.deepcopy(reference)
    out.update(
        id=pkg.id, name=pkg.name, title=pkg.title, notes=pkg.notes, owner_org=pkg.owner_org,
        organization=copy.deepcopy(organizations[pkg.owner_org]), license_id=pkg.license_id,
        metadata_created=iso(pkg.metadata_created), metadata_modified=iso(pkg.metadata_modified),
        creator_user_id=pkg.creator_user_id, num_tags=len(tags),
    )  # fmt: skip
    (resource,) = out["resources"]
    resource.update(
        id=res.id, package_id=pkg.id, url=res.url, name=res.name, format=res.format,
        created=iso(res.created), metadata_modified=iso(res.metadata_modified),
    )  # fmt: skip
    template = out["tags"][0]
    out["tags"] = [dict(template, id=t.id, name=t.name, display_name=t.name) for t in tags]
    return out


class Batches:
    """Stands in for CKAN's Solr connection while indexing: collects the documents index_package
    adds and sends them to Solr in batches."""

    def __init__(self, size: int = 1000) -> None:
        self.solr, self.size, self.docs = common.make_connection(), size, []

    def add(self, docs: list[dict], commit: bool = False) -> None:
        self.docs += docs
        if len(self.docs) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.docs:
            self.solr.add(docs=self.docs, commit=False)
            self.docs = []

    def commit(self, **options: Any) -> None:
        self.flush()
        self.solr.commit(**options)


def main() -> None:
    app = make_app(load_config(sys.argv[1]))
    with app._wsgi_app.test_request_context():
        context: Any = {"model": model, "session": model.Session, "ignore_auth": True}
        show = logic.package_show_default_and_custom_schemas
        reference: Both = show(dict(context), "bench-000000")
        values = rows()
        copied = {_uid("package", int(v["package"].name.removeprefix("bench-"))) for v in values.values()}
        api_made = set(values) - copied
        shown = {pid: show(dict(context), pid) for pid in api_made}
        organizations = {both[0]["owner_org"]: both[0]["organization"] for both in shown.values()}
        for pid, both in shown.items():
            for made, real in zip(
                (clone(r, organizations, values[pid]) for r in reference), both, strict=True
            ):
                if made != real:
                    diff = {k: (made.get(k), real.get(k)) for k in real if made.get(k) != real.get(k)}
                    sys.exit(f"copy of the reference differs from package_show for {pid}: {diff}")
        print(f"  ckan: the copy of the reference equals package_show for {len(shown)} datasets", flush=True)
        indexed = set(search.query_for(model.Package).get_all_entity_ids(max_results=10_000_000))
        share, shares = map(int, (sys.argv[2] if len(sys.argv) > 2 else "0/1").split("/"))
        todo = sorted(pid for pid in values if pid not in indexed)[share::shares]
        index = search.index_for(model.Package)
        batches = Batches()
        search_index.make_connection = lambda *args, **kwargs: batches  # type: ignore[assignment]
        started = time.perf_counter()
        for done, pid in enumerate(todo, start=1):
            default, custom = (clone(r, organizations, values[pid]) for r in reference)
            index.update_dict(dict(default, with_custom_schema=custom), defer_commit=True)
            if done % 10_000 == 0:
                print(f"  ckan: {done}/{len(todo)} indexed", flush=True)
        index.commit()
        print(f"  ckan: {len(todo)} datasets indexed in {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
