# Shared by the load benchmarks (sourced from the repository's root).

# A free TCP port on 127.0.0.1.
free_port() {
  .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# nginx serving the files under $1/www as static files on 127.0.0.1:$2, the yardstick the site is
# compared with. Like the site's workers (app/gunicorn_config.py), each nginx worker listens on a
# socket of its own (reuseport). Writes $1/nginx.conf; nginx's pid goes to $1/nginx.pid.
write_nginx_conf() {
  local work=$1 port=$2
  mkdir -p "$work/www" "$work/tmp"
  chmod -R a+rX "$work"  # nginx's workers run as an unprivileged user
  cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  default_type text/html;
  server { listen 127.0.0.1:$port reuseport; root $work/www; }
}
CONF
}
