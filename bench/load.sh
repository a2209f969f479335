#!/usr/bin/env bash
# Load benchmark: the site under gunicorn as in production on 127.0.0.1, driven by wrk, and the same
# answer page as a static file from nginx, measured in the same run on this machine.
#   bench/load.sh [DURATION] [CONNECTIONS]      defaults: 30s 64
# Prints requests/s, p50/p95/p99 latency and errors for a mix of pages (bench/mix.lua) and for one
# answer page, nginx's figures for the same page, the ratio, startup time, memory per worker and how
# the mix's connections were spread over the workers.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=${1:-30s}
CONNECTIONS=${2:-64}
WORKERS=${WORKERS:-2}

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
make -s setup >/dev/null
.venv/bin/flask --app app search build >/dev/null 2>&1

work=$(mktemp -d)
APP_PORT=$(free_port)
NGINX_PORT=$(free_port)
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The site, as `make run` serves it, with the access log off while measuring and the API rate
# limit lifted (the load comes from one address).
started=$(date +%s.%N)
PORT=$APP_PORT WORKERS=$WORKERS ACCESS_LOG=off \
  PENSIONSGUIDEN_API_RATE_LIMIT="1000000 per minute" PENSIONSGUIDEN_SECRET_KEY=load-test \
  PENSIONSGUIDEN_DATABASE_URL="sqlite:///$work/feedback.sqlite3" \
  .venv/bin/gunicorn -c python:app.gunicorn_config >"$work/gunicorn.log" 2>&1 &
APP_PID=$!
wait_for() {
  for _ in $(seq 1 400); do curl -sf -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "no answer from $1" >&2; cat "$work"/*.log >&2; exit 1
}
wait_for "http://127.0.0.1:$APP_PORT/faq/folkepensionsalder"
ready=$(date +%s.%N)

# The same answer page, as a static file from nginx.
mkdir -p "$work/www/faq"
curl -sf "http://127.0.0.1:$APP_PORT/faq/folkepensionsalder" >"$work/www/faq/folkepensionsalder"
write_nginx_conf "$work" "$NGINX_PORT"
"$NGINX" -c "$work/nginx.conf"
wait_for "http://127.0.0.1:$NGINX_PORT/faq/folkepensionsalder"

result() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/mix.lua "$1" -- "$2" | sed -n 's/^RESULT //p'; }
echo "Load benchmark: $CONNECTIONS connections, $DURATION each, gunicorn with $WORKERS workers, wrk and servers on this $(nproc)-core machine"
# Warm-up, not counted: each worker renders its cached pages and fills its caches once, as it
# would in its first seconds of real traffic.
wrk -t2 -c"$CONNECTIONS" -d3s -s bench/mix.lua "http://127.0.0.1:$APP_PORT" -- mix >/dev/null
# How the mix's connections are spread over the workers, counted with ss two seconds into the run
# (wrk keeps its connections open): one worker holding most of them halves throughput
# (app/gunicorn_config.py).
spread() {
  ss -tnpH state established "( sport = :$APP_PORT )" 2>/dev/null | grep -o 'pid=[0-9]*' | sort |
    uniq -c | awk '{printf "%s%s", sep, $1; sep=" / "} END {if (!NR) printf "not counted (no ss)"}'
}
(sleep 2; spread >"$work/spread") &
mix=$(result "http://127.0.0.1:$APP_PORT" mix)
answer=$(result "http://127.0.0.1:$APP_PORT" answer)
static=$(result "http://127.0.0.1:$NGINX_PORT" answer)
rss=$(ps -o rss= --ppid "$APP_PID" | awk '{s+=$1; n++} END {printf "%.0f MB average over %d workers", s/n/1024, n}')

.venv/bin/python - "$mix" "$answer" "$static" "$started" "$ready" "$rss" "$(cat "$work/spread")" <<'PY'
import json, sys
mix, answer, static = (json.loads(arg) for arg in sys.argv[1:4])
def line(name, r):
    return (f"{name:<28} {r['rps']:9.1f} req/s  p50 {r['p50_ms']:6.2f} ms  p95 {r['p95_ms']:6.2f} ms  "
            f"p99 {r['p99_ms']:7.2f} ms  errors {r['errors']}")
print(line("mix of pages (bench/mix.lua)", mix))
print(line("answer page, site", answer))
print(line("answer page, nginx static", static))
print(f"site / nginx on the answer page: {100 * answer['rps'] / static['rps']:.1f} %")
print(f"startup until the first answer is served: {float(sys.argv[5]) - float(sys.argv[4]):.2f} s")
print(f"memory per worker: {sys.argv[6]}")
print(f"connections per worker during the mix: {sys.argv[7]}")
PY
