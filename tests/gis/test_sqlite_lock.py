"""On the embedded database a public read waits for another process's write for the configured
timeout (mod_spatialite used to cut it to 5 s, answering 500 "database is locked")."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking")

# Holds an exclusive write lock on the database file (no reader gets in) for argv[2] seconds.
HOLD_WRITE_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE gismap_layer SET title = title")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("released", flush=True)
"""


def configured_timeout_ms() -> int:
    return int(float(connection.settings_dict["OPTIONS"]["timeout"]) * 1000)


def test_connections_keep_the_configured_busy_timeout(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT spatialite_version()")  # the extension is loaded on this connection
        assert cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == configured_timeout_ms() > 5000


def test_a_read_waits_out_another_process_writing_for_7_seconds(transactional_db, client):
    call_command("load_demo_map", verbosity=0)
    url = "/api/v1/gis/layers/cadastre-parcels/features"
    expected = client.get(url).json()["numberMatched"]
    assert expected > 0
    hold = 7.0
    assert hold * 1000 < configured_timeout_ms()
    connection.close()  # the read below opens a fresh connection, as a request in a worker does
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, connection.settings_dict["NAME"], str(hold)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "locked"
        started = time.monotonic()
        response = client.get(url)
        waited = time.monotonic() - started
    finally:
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert response.status_code == 200
    assert response.json()["numberMatched"] == expected
    # It really waited for the writer, past the 5 s that used to end in "database is locked".
    assert waited > 5.5
