"""GeoDjango's SpatiaLite backend that keeps the configured busy timeout.

Loading mod_spatialite resets SQLite's busy timeout to 5 s, whatever `OPTIONS["timeout"]` said,
so a read waiting for another process's write failed with "database is locked" after 5 s. The
timeout is applied again once the extension is loaded.
"""

from __future__ import annotations

from typing import Any

from django.contrib.gis.db.backends.spatialite.base import DatabaseWrapper as SpatiaLiteDatabaseWrapper

# Python's sqlite3 waits this long (seconds) when no timeout is configured.
SQLITE_DEFAULT_TIMEOUT = 5.0


class DatabaseWrapper(SpatiaLiteDatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        conn = super().get_new_connection(conn_params)
        timeout = conn_params.get("timeout", SQLITE_DEFAULT_TIMEOUT)
        conn.execute(f"PRAGMA busy_timeout = {int(float(timeout) * 1000)}")
        return conn
