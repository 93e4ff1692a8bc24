"""The CKAN testbed's Solr stand-in, answering key lookups from a dictionary as Solr does.

CKAN's package_show first asks Solr for the dataset by key (`name:"x" OR id:"x"`, then uses the
cached, validated dictionary it indexed). Solr answers that from its index in a millisecond; the
testbed's stand-in (`fakesolr.py`) scans every document, which at 100,000 datasets would make
CKAN's package_show measure the stand-in. This wrapper keeps the stand-in's behaviour and only
narrows those lookups to the documents with that id or name before the stand-in's own matching
(filters, field list), so the answer is the same. Every other query (package_search) still scans.

    python bench/fakesolr_keyed.py --fakesolr ../shared/ckan-testbed/fakesolr.py --schema ... --port ...
"""

from __future__ import annotations

import importlib.util
import re
import sys
from typing import Any

KEY_QUERY = re.compile(r'name:"([^"\\]+)" OR id:"([^"\\]+)"')


def _load(path: str) -> Any:
    spec = importlib.util.spec_from_file_location("fakesolr", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def keyed_index(base: type) -> type:
    """A subclass of the stand-in's Index with a name/id -> document key map."""

    class KeyedIndex(base):  # type: ignore[misc, valid-type]
        def __init__(self, path: str | None) -> None:
            super().__init__(path)
            self.by_key: dict[str, set[str]] = {}
            for key, doc in self.docs.items():
                self._remember(key, doc)

        def _remember(self, key: str, doc: dict) -> None:
            for field in ("id", "name"):
                if isinstance(doc.get(field), str):
                    self.by_key.setdefault(doc[field], set()).add(key)

        def add(self, doc: dict) -> None:
            super().add(doc)
            key = doc.get("index_id") or doc.get("id")
            with self.lock:
                self._remember(key, self.docs[key])

        def search(self, p: dict[str, list[str]]) -> dict:
            match = KEY_QUERY.fullmatch((p.get("q") or [""])[0].strip())
            if not match:
                return super().search(p)
            narrowed = base(None)
            with self.lock:
                keys = self.by_key.get(match.group(1), set()) | self.by_key.get(match.group(2), set())
                narrowed.docs = {k: self.docs[k] for k in keys if k in self.docs}
            return narrowed.search(p)

    return KeyedIndex


def main() -> None:
    argv = sys.argv[1:]
    if "--fakesolr" not in argv:
        sys.exit("usage: fakesolr_keyed.py --fakesolr PATH/TO/fakesolr.py [fakesolr.py's options]")
    at = argv.index("--fakesolr")
    path = argv[at + 1]
    del argv[at : at + 2]
    fakesolr = _load(path)
    keyed = keyed_index(fakesolr.Index)
    fakesolr.Index = keyed  # main() builds the index through the module's name
    sys.argv = [path, *argv]
    fakesolr.main()


if __name__ == "__main__":
    main()
