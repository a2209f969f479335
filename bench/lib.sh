# Shared by the load benchmarks (sourced from the repository's root).

# wrk and nginx from Debian when missing; sets NGINX to nginx's path.
need_wrk_and_nginx() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# A free TCP port on 127.0.0.1.
free_port() {
  .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits (at most 20 s) until URL $1 answers 2xx; otherwise prints the logs under $2 and fails.
wait_for() {
  local url=$1 logs=$2
  for _ in $(seq 1 400); do curl -sf -o /dev/null "$url" && return 0; sleep 0.05; done
  echo "no answer from $url" >&2
  cat "$logs"/*.log "$logs"/*/logs/error.log >&2 2>/dev/null || true
  return 1
}

# nginx serving the files under $1/www as static files on 127.0.0.1:$2, the yardstick the site is
# compared with: access log off, each worker with a listening socket of its own (reuseport, as in
# deploy/nginx.conf). Writes $1/nginx.conf; start it with start_nginx $1, its pid goes to
# $1/nginx.pid.
write_nginx_conf() {
  local dir=$1 port=$2
  mkdir -p "$dir/www" "$dir/temp" "$dir/logs"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid nginx.pid;
error_log logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path temp; proxy_temp_path temp; fastcgi_temp_path temp;
  uwsgi_temp_path temp; scgi_temp_path temp;
  default_type text/html;
  sendfile on;
  server { listen 127.0.0.1:$port reuseport; root www; }
}
CONF
}

# deploy/nginx.conf in front of the app on 127.0.0.1:$2, listening on 127.0.0.1:$3, in folder $1,
# with what a benchmark from one address needs: the request limits per client lifted (all load
# comes from 127.0.0.1) and the access log off, as for the site and the static nginx. Each replaced
# text must occur exactly once, so a changed deploy/nginx.conf fails here instead of measuring
# something else.
write_proxy_conf() {
  local dir=$1 app_port=$2 port=$3
  mkdir -p "$dir/temp" "$dir/logs" "$dir/cache"
  .venv/bin/python - deploy/nginx.conf "$dir/nginx.conf" "$app_port" "$port" <<'PY'
import sys
source, target, app_port, port = sys.argv[1:]
text = open(source).read()
for old, new in (
    ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
    ("listen 127.0.0.1:8080 ", f"listen 127.0.0.1:{port} "),
    ("rate=10r/s;", "rate=1000000r/s;"),
    ("burst=50 nodelay", "burst=1000000 nodelay"),  # nginx counts in milliseconds
    ("limit_conn per_client_connections 20;", "limit_conn per_client_connections 60000;"),
    ("access_log logs/access.log site buffer=32k flush=5s;", "access_log off;"),
):
    if text.count(old) != 1:
        sys.exit(f"bench/lib.sh: expected {old!r} once in {source}")
    text = text.replace(old, new)
open(target, "w").write(text)
PY
}

# Starts nginx (daemonised) with $1/nginx.conf and $1 as its prefix; stop it with stop_nginx $1.
start_nginx() {
  chmod -R a+rX "$1"  # nginx's workers run as an unprivileged user
  "$NGINX" -p "$1/" -c "$1/nginx.conf" -e "$1/logs/error.log"
}

stop_nginx() {
  [ -f "$1/nginx.pid" ] && kill -QUIT "$(cat "$1/nginx.pid")" 2>/dev/null || true
}

# Seconds in a wrk duration such as 30s, 2m or 10.
seconds() {
  case $1 in
    *s) echo "${1%s}" ;;
    *m) echo $((${1%m} * 60)) ;;
    *h) echo $((${1%h} * 3600)) ;;
    *) echo "$1" ;;
  esac
}
