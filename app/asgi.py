"""The site as gunicorn serves it (app/gunicorn_config.py): uvicorn's worker, with Python's own
asyncio event loop and the httptools parser, in front of the Flask app.

Why not a plain WSGI worker: measured on a 2-core machine, gunicorn's own HTTP handling caps any
WSGI app at about 4,000 requests/s with sync workers and 6,000 with threads, even one that only
returns a constant (bench/servers.sh and the README). Here, pages in the page cache (answers,
lists, start pages) are answered from memory, with keep-alive; every other request (search,
questionnaire, chat, feedback) goes to Flask, unchanged.

Flask runs on the event loop itself, one request at a time, as a sync worker would: its work is
Python under one GIL per process, so it cannot run beside the loop anyway. Measured under load
(bench/load.sh, the README), handing Flask's requests to a thread instead cost throughput in GIL
hand-overs, and it let cached pages overtake the rest, so every connection ended up queueing for
Flask behind the questionnaire steps and chat replies of the others. On the loop, requests are
served roughly in the order they came, and all wait about the same.
A slow request holds up the other requests of its worker, as in any sync worker.

Why asyncio's loop and not uvloop: uvloop answered cached pages about a third faster, but when
many connections arrived at once while Flask was busy, it took them on one per turn of the loop,
so the last citizens of a burst waited several turns for their first page (bench/load.sh 8s 64:
p99 114-128 ms with uvloop, 57-72 ms with asyncio's loop, which takes on every waiting connection
at once; with a socket per worker, see the README, uvloop's tail is still the longer). A burst
of new visitors is exactly what a news story brings. Because asyncio's loop takes every waiting
connection at once, each worker listens on a socket of its own (app/gunicorn_config.py), so one
worker cannot take a whole burst while the other idles.

The access log is written here: method, path without query string, status, size and time; never
the query string, the client address or a body."""

from __future__ import annotations

import gc
import io
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from a2wsgi.wsgi import build_environ
from uvicorn_worker import UvicornWorker

from app import create_app
from app.page_cache import call_wsgi

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

ACCESS_LOG = logging.getLogger("pensionsguiden.access")


class Site:
    """ASGI app: cached pages from memory, everything else through Flask."""

    def __init__(self, flask_app: Any) -> None:
        self.flask_app = flask_app
        self.pages = flask_app.extensions.get("page_cache")
        # Bodies beyond Flask's limit are not read: Flask answers 413 from the Content-Length.
        self.max_body = flask_app.config["MAX_CONTENT_LENGTH"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # uvicorn is started without websockets
        started = time.perf_counter()
        if ACCESS_LOG.isEnabledFor(logging.INFO):
            send = _logging_send(scope, send, started)
        if not await self._send_cached(scope, send):
            await self._send_from_flask(scope, receive, send)

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
        key = (
            scope["scheme"],
            host.decode("latin-1"),
            path,
            scope["query_string"].decode("latin-1"),
        )
        page = self.pages.get(key)
        if page is None:
            return False  # Flask renders it, and the page cache keeps it for next time
        status, headers, body = page.response(method, if_none_match.decode("latin-1"))
        await _send_response(send, status, headers, body)
        return True

    async def _send_from_flask(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body") or len(body) > self.max_body:
                break
        environ = build_environ(scope, io.BytesIO(body))  # type: ignore[arg-type]
        status, headers, content = call_wsgi(self.flask_app, environ)
        await _send_response(send, status, headers, content)


async def _send_response(
    send: Send, status: str, headers: list[tuple[str, str]], body: bytes
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": int(status[:3]),
            "headers": [
                (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send) -> None:
    # Everything is loaded before the workers start (gunicorn --preload): nothing to do here.
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


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
    site = Site(create_app())
    # What startup built (content, index, caches) lives as long as the process: keep it out of
    # the garbage collector's full passes, which otherwise pause every request now and then, and
    # out of copy-on-write page faults after the fork.
    gc.collect()
    gc.freeze()
    return site


class Worker(UvicornWorker):
    """gunicorn's uvicorn worker with asyncio's loop and the fast HTTP parser, without uvicorn's
    own access log (it would write client addresses and query strings) and without a Server
    header."""

    CONFIG_KWARGS = {
        "loop": "asyncio",
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
