#!/usr/bin/env bash
# The production layout on one machine: nginx (TLS) in front of two gunicorn nodes with the
# production settings, PostgreSQL + PostGIS, Redis (cache, sessions, Celery's queue), a Celery
# worker and beat, and an S3 server (moto) for the files. The nodes get the same variables that
# docs/deployment.md lists for several machines; everything they write goes under $PROD_DIR.
#
# Usage: scripts/prod-stack.sh start|stop|status|env
# Settings (environment; defaults in brackets): PROD_DIR [var/prod], PROD_DB [arad_prod],
# PROD_PORT [8443, nginx], PROD_NODE_PORTS ["8101 8102"], PROD_S3_PORT [8190],
# PROD_REDIS_DB [12; Celery's queue uses the next number], PROD_WORKERS [2 per node],
# PROD_DEMO [all: the whole demo city; city: pages and services only; none].
# PROD_PGHOST [127.0.0.1], PROD_PGPORT [5432]: the PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin
DIR=$(realpath -m "${PROD_DIR:-var/prod}")
DB=${PROD_DB:-arad_prod}
PORT=${PROD_PORT:-8443}
read -r -a NODE_PORTS <<<"${PROD_NODE_PORTS:-8101 8102}"
S3_PORT=${PROD_S3_PORT:-8190}
REDIS_DB=${PROD_REDIS_DB:-12}
WORKERS=${PROD_WORKERS:-2}
DEMO=${PROD_DEMO:-all}
# The PostgreSQL server: PROD_PGHOST / PROD_PGPORT, not libpq's PGHOST/PGPORT, which another
# tool in the shell (a CKAN test bed, say) may have pointed at its own server.
PGHOST=${PROD_PGHOST:-127.0.0.1}
PGPORT=${PROD_PGPORT:-5432}
export PGHOST PGPORT
NODES=(a b)
# nginx's buffers for large bodies: outside the checkout, which its workers may not traverse.
NGINX_TEMP=${PROD_NGINX_TEMP:-/tmp/portal-nginx-$(id -u)-$(echo "$DIR" | md5sum | cut -c1-8)}
URL="https://127.0.0.1:$PORT/"

say() { echo "prod-stack: [${SECONDS}s] $*"; }

alive() {  # alive PIDFILE: the process in the pid file runs
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

wait_for() {  # wait_for WHAT SECONDS COMMAND...: until the command succeeds
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq $((seconds * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  say "error: $what did not come up (logs in $DIR)" >&2
  return 1
}

stop_pid() {  # stop_pid PIDFILE: TERM, then KILL after 20 s
  local file=$1 pid
  alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$file"
}

write_env() {
  # The secrets are made once and kept, so that a restart keeps sessions and signed codes valid.
  mkdir -p "$DIR/keys" "$DIR/static" "$DIR/tls"
  [ -s "$DIR/keys/secret" ] || "$PY/python" -c "import secrets; print(secrets.token_urlsafe(50))" >"$DIR/keys/secret"
  if [ ! -s "$DIR/keys/qr-ed25519.pem" ]; then
    openssl genpkey -algorithm ed25519 -out "$DIR/keys/qr-ed25519.pem" 2>/dev/null
  fi
  if [ ! -s "$DIR/tls/cert.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
      -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" 2>/dev/null
  fi
  cat >"$DIR/env" <<EOF
# Written by scripts/prod-stack.sh: the variables of docs/deployment.md, for every node.
DJANGO_SETTINGS_MODULE=portal.settings.production
ENV_FILE=$DIR/env
SECRET_KEY=$(cat "$DIR/keys/secret")
DEBUG=false
ALLOWED_HOSTS=127.0.0.1,localhost
CSRF_TRUSTED_ORIGINS=https://127.0.0.1:$PORT,https://localhost:$PORT
PORTAL_BASE_URL=https://127.0.0.1:$PORT
TRUSTED_PROXY_COUNT=1
SECURE_HSTS_SECONDS=3600
SECURE_HSTS_PRELOAD=false
DATABASE_URL=postgis://postgres@$PGHOST:$PGPORT/$DB
DATABASE_POOL=true
DATABASE_POOL_MAX=4
REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB
CACHE_KEY_PREFIX=$DB
CELERY_BROKER_URL=redis://127.0.0.1:6379/$((REDIS_DB + 1))
STORAGE_BACKEND=s3
AWS_S3_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
AWS_S3_REGION_NAME=us-east-1
AWS_ACCESS_KEY_ID=portal
AWS_SECRET_ACCESS_KEY=portal-secret
AWS_STORAGE_BUCKET_NAME=portal-public
AWS_PRIVATE_BUCKET_NAME=portal-private
QR_SIGNING_KEY_FILE=$DIR/keys/qr-ed25519.pem
STATIC_ROOT=${PROD_STATIC_ROOT:-$DIR/static}
MEDIA_ROOT=$DIR/node-disk/media
PRIVATE_MEDIA_ROOT=$DIR/node-disk/private
TRAINING_TUTORIAL_SCREENSHOTS=false
LOG_LEVEL=INFO
EOF
}

load_env() {
  set -a
  # shellcheck disable=SC1091
  . "$DIR/env"
  set +a
}

node_up() {  # node_up PORT: the node answers its health check as nginx would ask it
  curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$1/healthz"
}

launch_s3() {
  if ! alive "$DIR/s3.pid"; then
    "$PY/moto_server" -H 127.0.0.1 -p "$S3_PORT" >>"$DIR/s3.log" 2>&1 &
    echo $! >"$DIR/s3.pid"
  fi
}

s3_ready() {  # the S3 server answers; then the two buckets exist
  wait_for "the S3 server" 30 curl -fsS -o /dev/null "http://127.0.0.1:$S3_PORT/"
  "$PY/python" - <<'EOF'
import os

import boto3

client = boto3.client(
    "s3",
    endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
    region_name=os.environ["AWS_S3_REGION_NAME"],
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)
existing = {bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])}
for name in (os.environ["AWS_STORAGE_BUCKET_NAME"], os.environ["AWS_PRIVATE_BUCKET_NAME"]):
    if name not in existing:
        client.create_bucket(Bucket=name)
EOF
}

prepare_database() {
  scripts/ensure-postgis.sh
  if ! psql -h "$PGHOST" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    say "creating database $DB"
    psql -q -h "$PGHOST" -U postgres -d postgres -c "CREATE DATABASE \"$DB\""
  fi
  "$PY/python" manage.py migrate --no-input -v 0
  s3_ready
  case $DEMO in
    all) "$PY/python" manage.py load_demo --if-empty --all -v 0 ;;
    city) "$PY/python" manage.py load_demo --if-empty -v 0 ;;
    none) ;;
    *) say "error: PROD_DEMO must be all, city or none" >&2; exit 1 ;;
  esac
  # Collected once: again only when a static file or the installed packages changed since.
  local manifest=$STATIC_ROOT/staticfiles.json
  if [ ! -s "$manifest" ] || [ -n "$(find portal gis opendata cctv training chatbot .venv/.installed-base \
    -newer "$manifest" \( -path '*/static/*' -o -name .installed-base \) -print -quit 2>/dev/null)" ]; then
    "$PY/python" manage.py collectstatic --no-input -v 0
  fi
}

start_nodes() {
  local i name port
  for i in "${!NODES[@]}"; do
    name=${NODES[$i]} port=${NODE_PORTS[$i]}
    if ! alive "$DIR/node-$name.pid"; then
      "$PY/gunicorn" portal.wsgi --bind "127.0.0.1:$port" --workers "$WORKERS" --timeout 60 \
        --name "portal-node-$name" --pid "$DIR/node-$name.pid" --daemon \
        --access-logfile "$DIR/node-$name.access.log" --error-logfile "$DIR/node-$name.log"
    fi
  done
}

nodes_ready() {
  local i
  for i in "${!NODES[@]}"; do
    wait_for "node ${NODES[$i]}" 90 node_up "${NODE_PORTS[$i]}"
  done
}

start_celery() {
  if ! alive "$DIR/worker.pid"; then
    "$PY/celery" -A portal worker --detach --concurrency 1 --hostname "worker@$DB" \
      --pidfile "$DIR/worker.pid" --logfile "$DIR/worker.log" --loglevel INFO
  fi
  if ! alive "$DIR/beat.pid"; then
    "$PY/celery" -A portal beat --detach --pidfile "$DIR/beat.pid" --logfile "$DIR/beat.log" \
      --loglevel INFO --schedule "$DIR/celerybeat-schedule"
  fi
}

celery_ready() {
  wait_for "the Celery worker" 90 grep -q "ready." "$DIR/worker.log"
}

write_nginx() {
  local upstreams="" port
  for port in "${NODE_PORTS[@]}"; do
    upstreams+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  done
  mkdir -p "$DIR/nginx" "$NGINX_TEMP"
  local user_line=""
  if [ "$(id -u)" -eq 0 ]; then
    # Started as root, nginx's workers drop to www-data; their buffers go where it may write.
    user_line="user www-data;"
    chown www-data "$NGINX_TEMP"
  fi
  cat >"$DIR/nginx.conf" <<EOF
# Written by scripts/prod-stack.sh: TLS and load balancing in front of the web nodes.
$user_line
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx.error.log warn;
events { worker_connections 512; }
http {
    access_log $DIR/nginx.access.log;
    client_body_temp_path $NGINX_TEMP/body;
    proxy_temp_path $NGINX_TEMP/proxy;
    fastcgi_temp_path $NGINX_TEMP/fastcgi;
    uwsgi_temp_path $NGINX_TEMP/uwsgi;
    scgi_temp_path $NGINX_TEMP/scgi;
    client_max_body_size 30m;
    server_tokens off;
    upstream portal {
$upstreams        keepalive 16;
    }
    server {
        listen 127.0.0.1:$PORT ssl http2;
        server_name 127.0.0.1 localhost;
        ssl_certificate $DIR/tls/cert.pem;
        ssl_certificate_key $DIR/tls/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        location / {
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # A node that is down (refused, timed out, restarting) is skipped for the next one.
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }
    }
}
EOF
}

start_nginx() {
  scripts/ensure-system-packages.sh nginx-light
  write_nginx
  nginx -t -q -c "$DIR/nginx.conf" -p "$DIR/nginx" -g "error_log $DIR/nginx.error.log;" 2>>"$DIR/nginx.error.log" || {
    say "error: nginx refused $DIR/nginx.conf (see $DIR/nginx.error.log)" >&2
    exit 1
  }
  if alive "$DIR/nginx.pid"; then
    kill -HUP "$(cat "$DIR/nginx.pid")"  # reload the regenerated configuration
  else
    nginx -c "$DIR/nginx.conf" -p "$DIR/nginx" -g "error_log $DIR/nginx.error.log;"
  fi
  wait_for "nginx" 20 curl -fsS -o /dev/null --cacert "$DIR/tls/cert.pem" "${URL}healthz"
}

ensure_redis() {
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0
  scripts/ensure-system-packages.sh redis-server
  say "starting Redis on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir "$DIR" --logfile "$DIR/redis.log"
  wait_for "Redis" 20 redis-cli -h 127.0.0.1 -p 6379 ping
}

start() {
  mkdir -p "$DIR"
  scripts/ensure-system-packages.sh nginx-light redis-tools curl openssl
  write_env
  load_env
  ensure_redis
  launch_s3
  prepare_database
  say "S3 server ready; database $DB migrated; static files collected"
  start_nodes
  start_celery
  nodes_ready
  say "web nodes ready"
  celery_ready
  say "Celery worker ready"
  start_nginx
  say "nginx ready"
  status
}

stop() {
  local name
  stop_pid "$DIR/nginx.pid"
  # All at once: each finishes its current requests or task.
  for name in node-a node-b beat worker s3; do stop_pid "$DIR/$name.pid" & done
  wait
  say "stopped (the database $DB is kept; the S3 server kept its files in memory only)"
}

status() {
  local down=0 name file
  for name in nginx node-a node-b worker beat s3; do
    file="$DIR/$name.pid"
    if alive "$file"; then
      printf '  %-8s up   (pid %s)\n' "$name" "$(cat "$file")"
    else
      printf '  %-8s down\n' "$name"
      down=1
    fi
  done
  echo
  echo "  Portal:  $URL  (self-signed certificate: $DIR/tls/cert.pem)"
  echo "  Nodes:   ${NODE_PORTS[*]/#/http://127.0.0.1:}"
  echo "  Logs:    $DIR/"
  return $down
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) cat "$DIR/env" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
