#!/usr/bin/env bash
# Load benchmark, all on 127.0.0.1 and in one run, driven by wrk:
#   (a) the site as `make run` serves it (gunicorn -c deploy/gunicorn.conf.py: threaded workers),
#       on a mix of pages (bench/mix.lua) and on one answer page;
#   (b) the same site behind nginx with deploy/nginx.conf (its page cache in front), on the answer
#       page and the mix;
#   (c) nginx serving the same answer page as a static file, the yardstick for (a) and (b);
#   (d) "costly": the answer page measured while another wrk with 4 connections sends the
#       costliest valid requests (bench/costly.lua: long chat form posts with ten earlier messages,
#       long searches, each one different), to the site alone and through nginx.
#   bench/load.sh [DURATION] [CONNECTIONS]      defaults: 30s 64
# Prints requests/s, p50/p95/p99 latency and errors for each, the ratios site / nginx static and
# proxy / nginx static on the answer page, startup time and memory per worker. The access logs
# are off while measuring, and the request limits are lifted, as all load comes from one address:
# the app's limits (PENSIONSGUIDEN_API_RATE_LIMIT, PENSIONSGUIDEN_FORM_RATE_LIMIT) and nginx's per-client limits
# (write_proxy_conf in bench/lib.sh). WORKERS and THREADS set gunicorn's (default 2 and 8, as deploy/gunicorn.conf.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=${1:-30s}
CONNECTIONS=${2:-64}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-8}
COSTLY_CONNECTIONS=4

need_wrk_and_nginx
make -s setup >/dev/null
.venv/bin/flask --app app search build >/dev/null 2>&1

work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers run as an unprivileged user
APP_PORT=$(free_port)
STATIC_PORT=$(free_port)
PROXY_PORT=$(free_port)
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  stop_nginx "$work/static"
  stop_nginx "$work/proxy"
  [ -n "${APP_PID:-}" ] && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The site, as `make run` serves it.
started=$(date +%s.%N)
PORT=$APP_PORT WORKERS=$WORKERS THREADS=$THREADS ACCESS_LOG=off \
  PENSIONSGUIDEN_API_RATE_LIMIT="1000000 per minute" PENSIONSGUIDEN_FORM_RATE_LIMIT="1000000 per minute" \
  PENSIONSGUIDEN_SECRET_KEY=load-test \
  PENSIONSGUIDEN_DATABASE_URL="sqlite:///$work/feedback.sqlite3" \
  .venv/bin/gunicorn -c deploy/gunicorn.conf.py >"$work/gunicorn.log" 2>&1 &
APP_PID=$!
wait_for "http://127.0.0.1:$APP_PORT/faq/folkepensionsalder" "$work"
ready=$(date +%s.%N)

# The same answer page, as a static file from nginx.
write_nginx_conf "$work/static" "$STATIC_PORT"
mkdir -p "$work/static/www/faq"
curl -sf "http://127.0.0.1:$APP_PORT/faq/folkepensionsalder" >"$work/static/www/faq/folkepensionsalder"
start_nginx "$work/static"
wait_for "http://127.0.0.1:$STATIC_PORT/faq/folkepensionsalder" "$work"

# The site behind deploy/nginx.conf.
write_proxy_conf "$work/proxy" "$APP_PORT" "$PROXY_PORT"
start_nginx "$work/proxy"
wait_for "http://127.0.0.1:$PROXY_PORT/faq/folkepensionsalder" "$work"

run() {  # wrk script, base URL, script argument, connections, duration: the RESULT line's JSON
  wrk -t2 -c"$4" -d"$5" -s "$1" "$2" -- "$3" | sed -n 's/^RESULT //p'
}
SITE=http://127.0.0.1:$APP_PORT
PROXY=http://127.0.0.1:$PROXY_PORT
STATIC=http://127.0.0.1:$STATIC_PORT
echo "Load benchmark: $CONNECTIONS connections, $DURATION each, gunicorn with $WORKERS workers of $THREADS threads, wrk and servers on this $(nproc)-core machine"
# Warm-up, not counted: each worker renders its cached pages and fills its caches once, and
# nginx fills its cache, as in the first seconds of real traffic.
run bench/mix.lua "$SITE" mix "$CONNECTIONS" 3s >/dev/null
run bench/mix.lua "$PROXY" mix "$CONNECTIONS" 2s >/dev/null

site_mix=$(run bench/mix.lua "$SITE" mix "$CONNECTIONS" "$DURATION")
site_answer=$(run bench/mix.lua "$SITE" answer "$CONNECTIONS" "$DURATION")
proxy_answer=$(run bench/mix.lua "$PROXY" answer "$CONNECTIONS" "$DURATION")
proxy_mix=$(run bench/mix.lua "$PROXY" mix "$CONNECTIONS" "$DURATION")
static_answer=$(run bench/mix.lua "$STATIC" answer "$CONNECTIONS" "$DURATION")

# (d) The costly requests start a second early and end a second late, so the answer page is
# measured while they run all the time.
costly() {  # base URL; prints the answer page's JSON, then the costly requests' JSON
  local base=$1 total
  total="$(($(seconds "$DURATION") + 2))s"
  wrk -t1 -c"$COSTLY_CONNECTIONS" -d"$total" --timeout 30s -s bench/costly.lua "$base" | sed -n 's/^RESULT //p' \
    >"$work/costly.json" &
  local costly_pid=$!
  sleep 1
  run bench/mix.lua "$base" answer "$CONNECTIONS" "$DURATION"
  wait "$costly_pid"
  cat "$work/costly.json"
}
site_costly=$(costly "$SITE")
proxy_costly=$(costly "$PROXY")
rss=$(ps -o rss= --ppid "$APP_PID" | awk '{s+=$1; n++} END {printf "%.0f MB average over %d workers", s/n/1024, n}')

.venv/bin/python - "$started" "$ready" "$rss" "$site_mix" "$site_answer" "$proxy_answer" \
  "$proxy_mix" "$static_answer" "$site_costly" "$proxy_costly" <<'PY'
import json, sys
started, ready, rss = sys.argv[1:4]
site_mix, site_answer, proxy_answer, proxy_mix, static = (json.loads(a) for a in sys.argv[4:9])
site_costly, proxy_costly = ([json.loads(line) for line in a.splitlines()] for a in sys.argv[9:11])
def line(name, r):
    text = (f"{name:<40} {r['rps']:9.1f} req/s  p50 {r['p50_ms']:6.2f} ms  p95 {r['p95_ms']:6.2f} ms  "
            f"p99 {r['p99_ms']:7.2f} ms  errors {r['errors']}")
    if "status_errors" in r and r["errors"]:
        text += f" ({r['status_errors']} not 2xx/3xx, {r['timeouts']} timeouts)"
    return text
print(line("(a) mix of pages, site", site_mix))
print(line("(a) answer page, site", site_answer))
print(line("(b) answer page, behind nginx", proxy_answer))
print(line("(b) mix of pages, behind nginx", proxy_mix))
print(line("(c) answer page, nginx static", static))
print(line("(d) answer page, site, during costly", site_costly[0]))
print(line("    costly requests to the site (4 conn.)", site_costly[1]))
print(line("(d) answer page, behind nginx, costly", proxy_costly[0]))
print(line("    costly requests via nginx (4 conn.)", proxy_costly[1]))
print(f"site / nginx static on the answer page:  {site_answer['rps'] / static['rps']:.2f}")
print(f"proxy / nginx static on the answer page: {proxy_answer['rps'] / static['rps']:.2f}")
print(f"answer page p99 during the costly requests: site {site_costly[0]['p99_ms']:.2f} ms, "
      f"behind nginx {proxy_costly[0]['p99_ms']:.2f} ms")
print(f"startup until the first answer is served: {float(ready) - float(started):.2f} s")
print(f"memory per worker: {rss}")
PY
