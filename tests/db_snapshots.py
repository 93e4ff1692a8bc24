"""Quicker database states for the suite on SQLite (the default test database).

- A committing test (transactional_db, live_server) starts from the migrated data: a copy of the
  migrated database file is put back page by page with SQLite's backup API, far quicker than
  Django's flush + deserialize.
- `load_demo_data` runs demo-loading commands once per run: it records every table's rows before
  and after the first load from those rows, and a later test whose database holds exactly the
  rows recorded before (and whose settings are the same) gets the rows recorded after, written
  with plain SQL in its own transaction; any other test runs the commands as usual. The result
  is the database the commands would have left (same ids, same search index), only quicker.
"""

from __future__ import annotations

import hashlib
import sqlite3

from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction

ALIAS = "default"

# alias -> the migrated database, in memory.
_MIGRATED: dict[str, sqlite3.Connection] = {}

# A table's rows: (the columns read, the rows in rowid order).
Rows = tuple[tuple[str, ...], list[tuple]]
State = dict[str, Rows]
# (commands, settings' fingerprint, digest of the state before) -> (the state before, after).
_LOADED: dict[tuple[str, str, str], tuple[State, State]] = {}

# Shadow tables that SQLite keeps for FTS5 and R*Tree virtual tables (written through them).
_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config", "_rowid", "_node", "_parent")


def supported(alias: str = ALIAS) -> bool:
    """Whether the database is a SQLite file (not shared in memory)."""
    connection = connections[alias]
    return connection.vendor == "sqlite" and not connection.is_in_memory_db()


def _raw(alias: str) -> sqlite3.Connection:
    connection = connections[alias]
    connection.ensure_connection()
    return connection.connection


def capture_migrated(alias: str) -> None:
    assert not connections[alias].in_atomic_block
    snapshot = sqlite3.connect(":memory:", check_same_thread=False)
    _raw(alias).backup(snapshot)
    _MIGRATED[alias] = snapshot


def has_migrated(alias: str) -> bool:
    return alias in _MIGRATED


def restore_migrated(alias: str) -> None:
    """The migrated database copied back over the test database (outside any transaction)."""
    assert not connections[alias].in_atomic_block
    _MIGRATED[alias].backup(_raw(alias))


def _tables(raw: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(plain tables, FTS5 tables): every table that holds data of its own, the FTS5 ones last
    since triggers of plain tables write into them."""
    rows = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = {
        name: (sql or "").upper() for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")
    }
    shadows = {f"{name}{suffix}" for name in virtual for suffix in _SHADOW_SUFFIXES}
    plain = [
        name
        for name, _ in rows
        if name not in virtual
        and name not in shadows
        and (name == "sqlite_sequence" or not name.startswith("sqlite_"))
    ]
    fts = [name for name, sql in virtual.items() if "USING FTS5" in sql]
    return sorted(plain), sorted(fts)


def _columns(raw: sqlite3.Connection, table: str) -> tuple[str, ...]:
    info = raw.execute(f'PRAGMA table_info("{table}")').fetchall()
    names = tuple(f'"{row[1]}"' for row in info)
    keys = [row for row in info if row[5]]
    rowid_alias = len(keys) == 1 and keys[0][2].upper() == "INTEGER"
    return names if rowid_alias else ("rowid", *names)


def _read(raw: sqlite3.Connection) -> State:
    plain, fts = _tables(raw)
    state: State = {}
    for table in plain + fts:
        columns = _columns(raw, table)
        # `+column`: the stored value as it is (Django's converters only see bare columns).
        values = ", ".join(f"+{column}" for column in columns)
        rows = raw.execute(f'SELECT {values} FROM "{table}" ORDER BY rowid').fetchall()
        state[table] = (columns, rows)
    return state


def _write(raw: sqlite3.Connection, target: State) -> None:
    """Make every table hold the rows of `target` (twice over: triggers of the first pass write
    into FTS5 tables and SpatiaLite's bookkeeping)."""
    for _ in range(2):
        current = _read(raw)
        for table, (columns, rows) in target.items():
            if current.get(table) == (columns, rows):
                continue
            raw.execute(f'DELETE FROM "{table}"')
            if rows:
                marks = ", ".join("?" * len(columns))
                raw.executemany(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})', rows)
    assert _read(raw) == target, "the recorded demo data could not be written back"


def _fingerprint() -> str:
    """The settings as they are now (a test may have changed MEDIA_ROOT or a feature flag)."""
    values = repr(sorted((name, repr(getattr(settings, name))) for name in dir(settings) if name.isupper()))
    return hashlib.sha256(values.encode()).hexdigest()


def _clear_caches() -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()


def load_demo_data(*commands: tuple[str, dict]) -> None:
    """Run the management `commands` ((name, options), ...), or write back the rows the same
    commands produced from the same database in an earlier test of this run."""

    def run() -> None:
        for name, options in commands:
            call_command(name, **options)

    if not supported(ALIAS):
        run()
        return
    connection = connections[ALIAS]
    before = _read(_raw(ALIAS))
    key = (repr(commands), _fingerprint(), hashlib.sha256(repr(before).encode()).hexdigest())
    recorded = _LOADED.get(key)
    if recorded is not None and recorded[0] == before:
        with transaction.atomic(using=ALIAS):
            _write(_raw(ALIAS), recorded[1])
        connection.queries_log.clear()
        _clear_caches()
        return
    run()  # as a test would: a committing test's commands commit as they go
    if recorded is None:
        _LOADED[key] = (before, _read(_raw(ALIAS)))
