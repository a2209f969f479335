"""gunicorn settings for Pensionsguiden: `gunicorn -c deploy/gunicorn.conf.py` (what `make run` does).

A standard worker: gunicorn's threaded worker (gthread). Each worker process answers several
requests at once in its threads, so one slow request (a long chat form) never holds up the pages
of others. Production puts nginx in front (deploy/nginx.conf): it buffers slow clients, caches the
public pages and limits requests per client; see docs/operations.md.

The access log keeps time, method, path without the query string (searches can hold personal
details), status, size and duration: no client address, user agent or referrer."""

import os
import sys

from gunicorn.glogging import Logger

from app.privacy import path_for_log

wsgi_app = "app.wsgi:application"
worker_class = "gthread"
workers = int(os.environ.get("WORKERS", "2"))
threads = int(os.environ.get("THREADS", "8"))
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
# A listening socket per worker (SO_REUSEPORT): the kernel spreads new connections over the
# workers. With one shared socket, the worker that wakes first takes every waiting connection,
# and under load one worker often served all of them while the other idled (bench/load.sh).
reuse_port = True
preload_app = True  # content, index and caches are built once, then shared by the workers
keepalive = 5
# Proxy headers are the app's business (PENSIONSGUIDEN_TRUSTED_PROXIES, app/web/guards.py):
# gunicorn itself believes them from no one.
forwarded_allow_ips = ""
timeout = 30
graceful_timeout = 10
accesslog = None if os.environ.get("ACCESS_LOG") == "off" else "-"  # off only when measuring
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


class PrivateAccessLog(Logger):
    """The access log's path without a result link's token or personal details, escaped so a
    path with an encoded newline cannot write a second, forged line."""

    def atoms(self, resp, req, environ, request_time):  # noqa: ANN001, ANN201 - gunicorn's hook
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = path_for_log(environ.get("PATH_INFO", ""))
        return atoms


logger_class = PrivateAccessLog


def post_fork(server, worker) -> None:  # noqa: ANN001, ARG001 - gunicorn's hook
    """Hand the interpreter lock between threads more often than Python's default: a thread
    answering a quick page then waits less behind one computing a long chat reply, at a small cost
    in peak throughput (both measured by bench/load.sh, docs/performance.md)."""
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


SWITCH_INTERVAL_SECONDS = 0.001
errorlog = "-"
# gunicorn's control socket lives at one path per user: two copies of the site (tests, a second
# `make run`) would take it from each other. Restarts go through signals instead (docs/operations.md).
control_socket_disable = True
