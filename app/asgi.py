"""The site as gunicorn serves it (app/gunicorn_config.py): uvicorn's worker with uvloop and
httptools in front of the Flask app.

Why not a plain WSGI worker: measured on a 2-core machine, gunicorn's own HTTP handling caps any
WSGI app at about 4,000 requests/s with sync workers and 6,000 with threads, even one that only
returns a constant (bench/load.sh). Pages in the page cache (answers, lists, start pages) are
therefore answered here, on the event loop, from memory; every other request (search,
questionnaire, chat, feedback) runs in Flask on a worker thread through a2wsgi, unchanged.

The access log is written here, in the same privacy-preserving form as before: method, path without
query string, status, size and time; never the query string, the client address or a body."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from a2wsgi import WSGIMiddleware
from uvicorn_worker import UvicornWorker

from app import create_app

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

ACCESS_LOG = logging.getLogger("pensionsguiden.access")
# Flask's work is Python under one GIL per process: more threads than this only interleave the
# same CPU and stretch every request's time (measured with bench/load.sh).
FLASK_THREADS = 2


class Site:
    """ASGI app: cached pages from memory, everything else to Flask."""

    def __init__(self, flask_app: Any, flask_threads: int = FLASK_THREADS) -> None:
        self.pages = flask_app.extensions.get("page_cache")
        self.flask = WSGIMiddleware(flask_app, workers=flask_threads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.flask(scope, receive, send)  # lifespan; websockets are closed
            return
        started = time.perf_counter()
        if ACCESS_LOG.isEnabledFor(logging.INFO):
            send = _logging_send(scope, send, started)
        if not await self._send_cached(scope, send):
            await self.flask(scope, receive, send)

    async def _send_cached(self, scope: Scope, send: Send) -> bool:
        method, path = scope["method"], scope["path"]
        if self.pages is None or not self.pages.applies(method, path, scope["query_string"]):
            return False
        host = if_none_match = b""
        for name, value in scope["headers"]:
            if name == b"host":
                host = value
            elif name == b"if-none-match":
                if_none_match = value
        page = self.pages.get((scope["scheme"], host.decode("latin-1"), path))
        if page is None:
            return False  # Flask renders it, and the page cache keeps it for next time
        status, response_headers, body = page.response(method, if_none_match.decode("latin-1"))
        await send(
            {
                "type": "http.response.start",
                "status": int(status[:3]),
                "headers": [
                    (name.lower().encode("latin-1"), value.encode("latin-1"))
                    for name, value in response_headers
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
        return True


def _logging_send(scope: Scope, send: Send, started: float) -> Send:
    status = 0
    size = 0

    async def send_and_log(message: Message) -> None:
        nonlocal status, size
        await send(message)
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            size += len(message.get("body", b""))
            if not message.get("more_body"):
                ACCESS_LOG.info(
                    '%s "%s %s" %d %d %dms',
                    time.strftime("[%d/%b/%Y:%H:%M:%S %z]"),
                    scope["method"],
                    scope["path"],
                    status,
                    size,
                    (time.perf_counter() - started) * 1000,
                )

    return send_and_log


def create_asgi_app() -> Site:
    return Site(create_app())


class Worker(UvicornWorker):
    """gunicorn's uvicorn worker with the fast event loop and HTTP parser, without uvicorn's own
    access log (it would write client addresses and query strings) and without a Server header."""

    CONFIG_KWARGS = {
        "loop": "uvloop",
        "http": "httptools",
        "ws": "none",
        "access_log": False,
        "server_header": False,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ACCESS_LOG.handlers = self.log.access_log.handlers
        ACCESS_LOG.setLevel(self.log.access_log.level)
        ACCESS_LOG.propagate = False
        ACCESS_LOG.disabled = not ACCESS_LOG.handlers  # no access log configured: skip the work
