#!/usr/bin/env bash
# What a server setup alone costs, without the site: the same constant 8 KB page from a WSGI app
# under gunicorn's sync workers and under its threaded (gthread) workers as the site runs them
# (deploy/gunicorn.conf.py: 8 threads, keep-alive), the gthread workers behind deploy/nginx.conf,
# and nginx serving the page as a static file, each driven by wrk on 127.0.0.1 with the same
# connections. The page carries no caching headers, so behind nginx every request goes through to
# gunicorn: with a different address each time (a query counter) that is what the proxy costs for
# what it cannot cache; with one address for all it also shows what nginx's cache lock costs when
# many ask at once for a page that may not be kept (deploy/nginx.conf, proxy_cache_lock_timeout).
#   bench/servers.sh [DURATION] [CONNECTIONS]      defaults: 10s 64
# The gthread line is the ceiling for the site alone in bench/load.sh: a page from the site's own
# page cache still goes through gunicorn's HTTP handling, so "site / nginx static" cannot be much
# above "gthread / nginx static" here.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=${1:-10s}
CONNECTIONS=${2:-64}
need_wrk_and_nginx
make -s setup >/dev/null

work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers run as an unprivileged user
cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
  stop_nginx "$work/static"
  stop_nginx "$work/proxy"
  rm -rf "$work"
}
trap cleanup EXIT
port=$(free_port)
proxy_port=$(free_port)

cat >"$work/constant.py" <<'PY'
PAGE = b"<!doctype html><title>x</title>" + b"x" * 8192
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(PAGE)))]


def wsgi(environ, start_response):
    start_response("200 OK", HEADERS)
    return [PAGE]
PY
.venv/bin/python -c "import sys; sys.path.insert(0, '$work'); import constant; open('$work/page', 'wb').write(constant.PAGE)"

cat >"$work/distinct.lua" <<'LUA'
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?n=" .. counter)
end
LUA
rate() {  # URL [wrk options...]: requests/s and p99 after a 2-second warm-up (every worker booted)
  local url=$1; shift
  for _ in $(seq 1 100); do curl -sf -o /dev/null "$url" && break; sleep 0.1; done
  wrk -t2 -c"$CONNECTIONS" -d2s "$@" "$url" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" |
    awk '/Requests\/sec/ {rps = $2} / 99%/ {p99 = $2} END {printf "%10s req/s  p99 %9s", rps, p99}'
}
gunicorn() {  # worker options...; starts gunicorn with 2 workers on $port in the background
  .venv/bin/gunicorn --chdir "$work" -b "127.0.0.1:$port" -w 2 "$@" constant:wsgi \
    >"$work/server.log" 2>&1 &
  SERVER_PID=$!
}
stop_gunicorn() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

echo "A constant 8 KB page, $CONNECTIONS connections, $DURATION each, 2 workers, on this $(nproc)-core machine"
gunicorn -k sync
printf '%-60s %s\n' "gunicorn sync workers" "$(rate "http://127.0.0.1:$port/page")"
stop_gunicorn

gunicorn -k gthread --threads 8 --keep-alive 5
printf '%-60s %s\n' "gunicorn gthread workers (8 threads)" "$(rate "http://127.0.0.1:$port/page")"
write_proxy_conf "$work/proxy" "$port" "$proxy_port"
start_nginx "$work/proxy"
printf '%-60s %s\n' "gthread behind deploy/nginx.conf, distinct addresses" \
  "$(rate "http://127.0.0.1:$proxy_port/page" -s "$work/distinct.lua")"
printf '%-60s %s\n' "gthread behind deploy/nginx.conf, one address (cache lock)" \
  "$(rate "http://127.0.0.1:$proxy_port/page")"
stop_nginx "$work/proxy"
stop_gunicorn

write_nginx_conf "$work/static" "$port"
cp "$work/page" "$work/static/www/page"
start_nginx "$work/static"
printf '%-60s %s\n' "nginx, static file" "$(rate "http://127.0.0.1:$port/page")"
