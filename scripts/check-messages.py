#!/usr/bin/env python3
"""Are the translation catalogues up to date? Runs `makemessages` on a temporary copy of the
project and compares the msgids it finds with those in the committed catalogues (POT dates,
line-number comments and translations are ignored). Prints what is missing or stale per
catalogue and exits 1 when anything is; 0 when every catalogue holds exactly the code's strings.

Usage: scripts/check-messages.py [--languages ro,hu]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".git", "var", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
IGNORE = [".venv*", "var", "tests", "bench", "node_modules"]


def _unquote(text: str) -> str:
    return text.strip()[1:-1].encode("raw_unicode_escape").decode("unicode_escape")


def msgids(path: Path) -> set[tuple[str, str, str]]:
    """(msgctxt, msgid, msgid_plural) of every active entry; the header and obsolete (#~) entries
    are left out. Entries are separated by blank lines, as gettext writes them."""
    found: set[tuple[str, str, str]] = set()
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        fields: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$", line)
            if match:
                key = match.group(1)
                fields[key] = _unquote(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += _unquote(line)
        if fields.get("msgid"):
            found.add((fields.get("msgctxt", ""), fields["msgid"], fields.get("msgid_plural", "")))
    return found


def copy_project(target: Path) -> None:
    def ignore(directory: str, names: list[str]) -> list[str]:
        return [n for n in names if n in SKIP or n.startswith(".venv")]

    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True, dirs_exist_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="ro,hu")
    args = parser.parse_args()
    languages = args.languages.split(",")
    catalogues = sorted(p for p in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in p.parts)
    with tempfile.TemporaryDirectory(prefix="messages-") as tmp:
        copy = Path(tmp) / "project"
        copy_project(copy)
        command = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "-v", "0"]
        command += [f"-l{lang}" for lang in languages] + [f"--ignore={p}" for p in IGNORE]
        env = {**os.environ, "ENV_FILE": str(ROOT / ".env")}
        env.setdefault("SECRET_KEY", "messages-check-only")
        subprocess.run(command, cwd=copy, env=env, check=True)
        # Compared per language over all catalogues: Django merges them when translating, so a
        # string counts as translated whichever app's catalogue holds it.
        problems = 0
        for lang in languages:
            have: set[tuple[str, str, str]] = set()
            for current in catalogues:
                if current.parts[-3] == lang:
                    have |= msgids(current)
            want: dict[tuple[str, str, str], Path] = {}
            for fresh in sorted(copy.glob(f"**/locale/{lang}/LC_MESSAGES/django.po")):
                for item in msgids(fresh):
                    want.setdefault(item, fresh.relative_to(copy))
            missing = sorted(set(want) - have)
            stale = sorted(have - set(want))
            for label, items in (("missing", missing), ("stale", stale)):
                for item in items:
                    ctx, msgid, plural = item
                    problems += 1
                    shown = msgid if len(msgid) < 100 else msgid[:97] + "..."
                    where = want.get(item, f"locale/{lang}")
                    context = f" [context {ctx!r}]" if ctx else ""
                    print(f"{where}: {label}{context}: {shown!r}{' (plural)' if plural else ''}")
    if problems:
        print(f"{problems} msgid(s) out of date: add the missing ones (translated), drop the stale ones.")
        return 1
    print(f"translation catalogues up to date ({len(catalogues)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
