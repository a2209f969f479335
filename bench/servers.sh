#!/usr/bin/env bash
# What a server setup alone costs: the same constant 8 KB page from a WSGI app under gunicorn's sync
# and threaded workers, and from an ASGI app under the uvicorn worker the site uses, next to nginx
# serving it as a static file, each driven by wrk on 127.0.0.1 with the same connections.
#   bench/servers.sh [DURATION] [CONNECTIONS]      defaults: 10s 64
# This is why app/asgi.py exists: no WSGI worker class reaches 15 % of nginx even for a constant.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=${1:-10s}
CONNECTIONS=${2:-64}
command -v wrk >/dev/null && { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
make -s setup >/dev/null

work=$(mktemp -d)
cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
port=$(free_port)

cat >"$work/constant.py" <<'PY'
PAGE = b"<!doctype html><title>x</title>" + b"x" * 8192
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(PAGE)))]


def wsgi(environ, start_response):
    start_response("200 OK", HEADERS)
    return [PAGE]


async def asgi(scope, receive, send):
    if scope["type"] != "http":
        return
    headers = [(name.lower().encode(), value.encode()) for name, value in HEADERS]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": PAGE})
PY
.venv/bin/python -c "import sys; sys.path.insert(0, '$work'); import constant; open('$work/page', 'wb').write(constant.PAGE)"

measure() {  # name, then the server command; prints requests/s
  local name=$1; shift
  "$@" >"$work/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/page" && break; sleep 0.1; done
  wrk -t2 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$port/page" >/dev/null  # warm-up: every worker booted
  printf '%-50s %10s req/s\n' "$name" "$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$port/page" | awk '/Requests\/sec/ {print $2}')"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}
gunicorn=(.venv/bin/gunicorn --chdir "$work" -b "127.0.0.1:$port" -w 2 --reuse-port)  # as the site runs
echo "A constant 8 KB page, $CONNECTIONS connections, $DURATION each, 2 workers, on this $(nproc)-core machine"
measure "gunicorn sync workers, WSGI" "${gunicorn[@]}" -k sync constant:wsgi
measure "gunicorn gthread workers (4 threads), WSGI" "${gunicorn[@]}" -k gthread --threads 4 constant:wsgi
measure "gunicorn uvicorn workers (app.asgi.Worker), ASGI" "${gunicorn[@]}" -k app.asgi.Worker --pythonpath "$PWD" constant:asgi

mkdir -p "$work/www" && cp "$work/page" "$work/www/page"
write_nginx_conf "$work" "$port"
measure "nginx, static file" "$NGINX" -c "$work/nginx.conf" -g "daemon off;"
