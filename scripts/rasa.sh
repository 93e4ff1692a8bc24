#!/usr/bin/env bash
# The Rasa assistant (chatbot/): install | train | start | stop | status | test.
#   install  create or refresh .venv-rasa from chatbot/requirements-rasa.txt (when missing or changed);
#            without a Python 3.10 it says the chatbot is off and how to turn it on, and succeeds
#            (the portal runs without the assistant); RASA_REQUIRED=1 makes that an error
#   train    train the model only when chatbot/'s training data changed (cached by content hash)
#   start    (--if-installed: do nothing when .venv-rasa is missing) Rasa server (REST channel) on 127.0.0.1:$RASA_PORT and the action server on
#            127.0.0.1:$RASA_ACTIONS_PORT in the background; PIDs and logs under var/rasa/
#   stop     stop both servers started by `start`
#   test     rasa data validate; rasa test nlu on the held-out set (macro-F1 printed, >= 0.90);
#            rasa test core on the conversation stories with --fail-on-prediction-errors;
#            the actions' unit tests
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

VENV=${RASA_VENV:-$ROOT/.venv-rasa}
LOCK=$ROOT/chatbot/requirements-rasa.txt
BOT=$ROOT/chatbot
MODELS=$ROOT/var/rasa-models
RUN=${RASA_RUN_DIR:-$ROOT/var/rasa}
RESULTS=${RASA_RESULTS_DIR:-$ROOT/var/rasa-results}
RASA_PORT=${RASA_PORT:-5005}
RASA_ACTIONS_PORT=${RASA_ACTIONS_PORT:-5055}
PORTAL_API_URL=${PORTAL_API_URL:-http://127.0.0.1:8000}
MIN_F1=${RASA_MIN_F1:-0.90}
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
# Training cache under var/ (Rasa would otherwise write .rasa/ into the working tree).
export RASA_CACHE_DIRECTORY=${RASA_CACHE_DIRECTORY:-$ROOT/var/rasa-cache}
export PYTHONWARNINGS=ignore

# Rasa 3.6 runs on Python 3.10: RASA_PYTHON, else the newest pyenv 3.10.x, else python3.10 on PATH.
python310() {
  if [[ -n "${RASA_PYTHON:-}" ]]; then echo "$RASA_PYTHON"; return; fi
  local root candidate
  root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  candidate=$(ls -d "$root"/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V | tail -1)
  [[ -n $candidate ]] || candidate=$(command -v python3.10 || true)
  echo "${candidate:-$root/versions/3.10.13/bin/python3.10}"
}

lock_hash() { sha256sum "$LOCK" | cut -d' ' -f1; }

cmd_install() {
  if [[ -x $VENV/bin/rasa && -f $VENV/.lock-sha256 && "$(cat "$VENV/.lock-sha256")" == "$(lock_hash)" ]]; then
    return 0
  fi
  local py
  py=$(python310)
  if [[ ! -x $py ]]; then
    echo "Chatbot off: Rasa 3.6 needs Python 3.10 and none was found (pyenv's versions/3.10.*," >&2
    echo "python3.10 on PATH, or RASA_PYTHON). The portal runs without it. To turn it on:" >&2
    echo "    pyenv install 3.10.13 && make run" >&2
    [[ ${RASA_REQUIRED:-0} == 1 ]] && exit 1
    return 0
  fi
  echo "Installing Rasa into .venv-rasa from chatbot/requirements-rasa.txt (a few minutes, ~2.7 GB)..."
  [[ -x $VENV/bin/python ]] || "$py" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -r "$LOCK"
  lock_hash >"$VENV/.lock-sha256"
}

require_venv() {
  [[ -x $VENV/bin/rasa ]] || { echo ".venv-rasa is missing: run scripts/rasa.sh install" >&2; exit 1; }
}

# The training inputs: config, domain and everything under data/ (not tests/ or actions/).
data_hash() {
  (cd "$BOT" && find config.yml domain.yml data -type f -name '*.yml' | LC_ALL=C sort | xargs sha256sum) \
    | sha256sum | cut -c1-16
}

model_path() { echo "$MODELS/arad-$(data_hash).tar.gz"; }

cmd_train() {
  require_venv
  local model
  model=$(model_path)
  if [[ -f $model ]]; then
    echo "Rasa model is up to date: ${model#"$ROOT"/}"
    return 0
  fi
  mkdir -p "$MODELS" "$RUN"
  echo "Training the Rasa model (training data changed)..."
  "$VENV/bin/rasa" train --config chatbot/config.yml --domain chatbot/domain.yml --data chatbot/data \
    --out "$MODELS" --fixed-model-name "$(basename "$model" .tar.gz)" >"$RUN/train.log" 2>&1 \
    || { tail -30 "$RUN/train.log" >&2; exit 1; }
  echo "Trained: ${model#"$ROOT"/}"
}

running() { [[ -f $RUN/$1.pid ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

wait_for() {  # url seconds name
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null --max-time 2 "$1"; do
    if ((SECONDS > deadline)); then
      echo "$3 did not become ready within $2 s; see $RUN/$3.log" >&2
      tail -20 "$RUN/$3.log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

# The map centre "lat,lon" from the portal's settings.CITY, for the actions (which never import Django).
city_center() {
  [[ -n ${CITY_CENTER:-} ]] && { echo "$CITY_CENTER"; return; }
  "$ROOT/.venv/bin/python" -c 'import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()
from portal.core.city import get_city
print("%s,%s" % get_city().center)' 2>/dev/null || true
}

# The city's names in its languages, comma-separated: the actions ignore them when matching words.
city_names() {
  [[ -n ${CITY_NAMES:-} ]] && { echo "$CITY_NAMES"; return; }
  "$ROOT/.venv/bin/python" -c 'import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()
from portal.core.city import get_city
print(",".join(sorted(set(get_city().names.values()))))' 2>/dev/null || true
}

cmd_start() {
  if [[ ${1:-} == --if-installed && ! -x $VENV/bin/rasa ]]; then
    return 0
  fi
  require_venv
  cmd_train
  mkdir -p "$RUN"
  if ! running actions; then
    CITY_CENTER=$(city_center) CITY_NAMES=$(city_names) PORTAL_API_URL=$PORTAL_API_URL SANIC_HOST=127.0.0.1 \
      "$VENV/bin/rasa" run actions --actions chatbot.actions --port "$RASA_ACTIONS_PORT" \
      >"$RUN/actions.log" 2>&1 &
    echo $! >"$RUN/actions.pid"
  fi
  if ! running server; then
    printf 'action_endpoint:\n  url: "http://127.0.0.1:%s/webhook"\n' "$RASA_ACTIONS_PORT" \
      >"$RUN/endpoints.yml"
    "$VENV/bin/rasa" run -i 127.0.0.1 -p "$RASA_PORT" --model "$(model_path)" \
      --credentials chatbot/credentials.yml --endpoints "$RUN/endpoints.yml" >"$RUN/server.log" 2>&1 &
    echo $! >"$RUN/server.pid"
  fi
  wait_for "http://127.0.0.1:$RASA_ACTIONS_PORT/health" 120 actions
  wait_for "http://127.0.0.1:$RASA_PORT/webhooks/rest/" "${RASA_START_TIMEOUT:-300}" server
  echo "Rasa: http://127.0.0.1:$RASA_PORT (actions on :$RASA_ACTIONS_PORT, portal API $PORTAL_API_URL)"
}

cmd_stop() {
  local name pid
  for name in server actions; do
    if running "$name"; then
      pid=$(cat "$RUN/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$RUN/$name.pid"
  done
}

cmd_status() {
  local name
  for name in server actions; do
    if running "$name"; then echo "$name: running (pid $(cat "$RUN/$name.pid"))"; else echo "$name: stopped"; fi
  done
}

cmd_test() {
  require_venv
  cmd_train
  mkdir -p "$RESULTS"
  echo "== rasa data validate =="
  "$VENV/bin/rasa" data validate --config chatbot/config.yml --domain chatbot/domain.yml \
    --data chatbot/data --fail-on-warnings >"$RESULTS/validate.log" 2>&1 \
    || { grep -v -i 'warning: \|deprecat' "$RESULTS/validate.log" | tail -30 >&2; exit 1; }
  echo "clean"
  echo "== rasa test nlu (held-out phrasings) =="
  "$VENV/bin/rasa" test nlu --model "$(model_path)" --nlu chatbot/tests/nlu --out "$RESULTS/nlu" \
    --no-plot >"$RESULTS/nlu.log" 2>&1 || { tail -30 "$RESULTS/nlu.log" >&2; exit 1; }
  "$VENV/bin/python" - "$RESULTS/nlu/intent_report.json" "$MIN_F1" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
f1 = report["macro avg"]["f1-score"]
print(f"intent macro-F1: {f1:.3f} on {report['macro avg']['support']} held-out phrasings")
for intent, row in sorted(report.items()):
    if isinstance(row, dict) and "avg" not in intent and "accuracy" not in intent:
        print(f"  {intent:24} F1 {row['f1-score']:.2f}  ({row['support']})")
sys.exit(0 if f1 >= float(sys.argv[2]) else f"macro-F1 {f1:.3f} is below {sys.argv[2]}")
PY
  echo "== rasa test core (conversation stories) =="
  "$VENV/bin/rasa" test core --model "$(model_path)" --stories chatbot/tests/stories \
    --out "$RESULTS/core" --fail-on-prediction-errors --no-plot >"$RESULTS/core.log" 2>&1 \
    || { tail -30 "$RESULTS/core.log" >&2; cat "$RESULTS/core/failed_test_stories.yml" >&2 2>/dev/null; exit 1; }
  grep -h -o "Correct: .*\|Finished evaluation.*" "$RESULTS/core.log" | head -3 || true
  echo "stories: all predicted correctly"
  echo "== actions: unit tests =="
  "$VENV/bin/python" -m unittest discover -s chatbot/tests/actions -t chatbot/tests/actions 2>&1
}

case "${1:-}" in
  install) cmd_install ;;
  train) cmd_train ;;
  start) cmd_start "${2:-}" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  test) cmd_test ;;
  *) echo "usage: $0 install|train|start|stop|status|test" >&2; exit 2 ;;
esac
