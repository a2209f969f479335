"""gunicorn settings for Pensionsguiden (`gunicorn -c python:app.gunicorn_config`).

The workers are uvicorn's, in front of Flask: see app/asgi.py for why and how. The access log
(written by app/asgi.py) keeps method, path, status, size and time only: no query string (searches
can hold personal details), no client address, no user agent or referrer.

Each worker listens on a socket of its own (SO_REUSEPORT), so the kernel spreads new connections
over the workers. With one shared socket, as gunicorn has by default, the worker that wakes first
takes every connection that is waiting (asyncio's loop accepts them all at once). One worker then
often held 63 or all 64 of the 64 connections while the other idled (counted with ss by hand, and
in two runs of bench/load.sh, which now prints the count), which halved throughput and doubled
latency for the whole run (README, "Speed under load")."""

import os

from gunicorn.arbiter import Arbiter

wsgi_app = "app.asgi:create_asgi_app()"
worker_class = "app.asgi.Worker"
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
reuse_port = True  # gunicorn then opens the sockets in each worker, not in the master
preload_app = True  # content, index and caches are built once, then shared by the workers
accesslog = None if os.environ.get("ACCESS_LOG") == "off" else "-"  # off only when measuring
errorlog = "-"


def when_ready(server: Arbiter) -> None:
    # The master holds no socket (reuse_port), so gunicorn's own "Listening at" names none.
    server.log.info("Listening at: http://%s (a socket per worker)", bind)
