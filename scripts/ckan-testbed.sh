#!/usr/bin/env bash
# A real CKAN on loopback for the open-data sync tests (../shared/ckan-testbed).
#   start  bring it up once (reused while it answers); writes $CKAN_TESTBED_DIR/env.sh
#   stop   stop everything it started
# Without the testbed (or with CKAN_URL/CKAN_TOKEN already set) `start` does nothing; the sync
# tests then run against CKAN_URL, or say why they were skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
TESTBED=${CKAN_TESTBED:-../shared/ckan-testbed}
BASE=${CKAN_TESTBED_DIR:-/tmp/arad-ckan-testbed}
OFFSET=${CKAN_TESTBED_PORT_OFFSET:-7}  # CKAN on 127.0.0.1:5007, apart from a CKAN on :5000

answers() {
  [[ -f $BASE/env.sh ]] && (. "$BASE/env.sh" && curl -sf -o /dev/null --max-time 5 "$CKAN_URL/api/3/action/status_show")
}

stop() {
  if [[ -f $BASE/env.sh && -x $TESTBED/teardown.sh ]]; then "$TESTBED/teardown.sh" "$BASE" >/dev/null 2>&1 || true; fi
  rm -rf "$BASE"
}

case "${1:-}" in
  start)
    [[ -n ${CKAN_URL:-} ]] && exit 0
    answers && exit 0
    if [[ ! -x $TESTBED/bootstrap.sh ]]; then
      echo "note: no CKAN testbed at $TESTBED; the CKAN sync tests need CKAN_URL and CKAN_TOKEN" >&2
      exit 0
    fi
    stop
    echo "Starting a CKAN testbed on 127.0.0.1:$((5000 + OFFSET)) for the sync tests (about a minute)..."
    mkdir -p "$BASE"
    "$TESTBED/bootstrap.sh" "$BASE" 2.12.0 "$OFFSET" >"$BASE.log" 2>&1 || { tail -20 "$BASE.log" >&2; exit 1; }
    ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
