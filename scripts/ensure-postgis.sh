#!/usr/bin/env bash
# Prepare the local PostgreSQL for the PostGIS run of the suite: the extension package, and
# `CREATE EXTENSION postgis` in template1 so the test database gets it without a superuser.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/ensure-system-packages.sh" postgresql-15-postgis-3 postgresql-client
host=${PGHOST:-127.0.0.1}
user=${PGUSER:-postgres}
if ! pg_isready -q -h "$host" -p "${PGPORT:-5432}"; then
  echo "error: no PostgreSQL on $host:${PGPORT:-5432}. Start it with:" >&2
  echo "  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  exit 1
fi
psql -q -h "$host" -U "$user" -d template1 -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
