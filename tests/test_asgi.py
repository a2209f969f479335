"""The site as gunicorn serves it (app/asgi.py): cached pages come from memory on the event loop,
everything else reaches Flask, and the access log keeps no query string or client address."""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from flask import Flask

from app.asgi import ACCESS_LOG, Site, Worker


def run(coroutine: Any) -> None:
    # In a thread of its own: the browser tests leave an event loop running in this one.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, coroutine).result()


def call(
    site: Any,
    path: str,
    method: str = "GET",
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
) -> tuple[int, dict[bytes, bytes], bytes]:
    """One HTTP request through an ASGI app, as uvicorn would make it (the body in two parts)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"pensionsguiden.test"), *(headers or [])],
        "client": ("203.0.113.9", 50000),
        "server": ("127.0.0.1", 8000),
    }
    sent: list[dict[str, Any]] = []

    parts = [body[: len(body) // 2], body[len(body) // 2 :]]

    async def receive() -> dict[str, Any]:
        part = parts.pop(0) if parts else b""
        return {"type": "http.request", "body": part, "more_body": bool(parts)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run(site(scope, receive, send))
    start = next(message for message in sent if message["type"] == "http.response.start")
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return start["status"], dict(start["headers"]), body


class FlaskMustNotBeCalled:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        self.calls.append(environ["PATH_INFO"])
        start_response("599 Not Expected", [])
        return [b""]


@pytest.fixture
def site(app: Flask) -> Site:
    return Site(app)


def test_a_cached_page_is_served_from_memory_without_flask(site: Site) -> None:
    status, headers, body = call(site, "/faq/folkepensionsalder")  # Flask renders and caches it
    assert status == 200 and b"<h1" in body
    site.flask_app = FlaskMustNotBeCalled()
    again_status, again_headers, again_body = call(site, "/faq/folkepensionsalder")
    assert (again_status, again_body) == (200, body)
    assert again_headers[b"etag"] == headers[b"etag"]
    assert again_headers[b"cache-control"].startswith(b"public")
    assert b"content-security-policy" in again_headers  # the security headers are kept too
    assert site.flask_app.calls == []


def test_a_browser_that_has_the_page_gets_304_from_memory(site: Site) -> None:
    _, headers, _ = call(site, "/en/faq/tidlig-pension")
    site.flask_app = FlaskMustNotBeCalled()
    status, not_modified_headers, body = call(
        site, "/en/faq/tidlig-pension", headers=[(b"if-none-match", headers[b"etag"])]
    )
    assert (status, body) == (304, b"")
    assert not_modified_headers[b"etag"] == headers[b"etag"]
    head_status, _, head_body = call(site, "/en/faq/tidlig-pension", method="HEAD")
    assert (head_status, head_body) == (200, b"")


def test_a_search_page_is_served_from_memory_per_query(site: Site) -> None:
    _, _, body = call(site, "/search", query=b"q=seniorpension")
    assert call(site, "/search", query=b"q=zebrastriber")[0] == 200
    site.flask_app = FlaskMustNotBeCalled()
    assert call(site, "/search", query=b"q=seniorpension")[2] == body
    assert call(site, "/search", query=b"q=folkepension")[0] == 599  # another search: Flask
    assert call(site, "/search", query=b"q=zebrastriber")[0] == 599  # found nothing: counted


@pytest.mark.parametrize(
    ("path", "method", "query"),
    [
        ("/faq/folkepensionsalder", "GET", b"utm=x"),  # only search pages vary by query
        ("/api/v1/search", "GET", b"q=seniorpension"),  # rate limited per client
        ("/tjek", "POST", b""),  # questionnaire answers
        ("/api/v1/chat", "POST", b""),
    ],
)
def test_searches_forms_and_apis_always_reach_flask(
    site: Site, path: str, method: str, query: bytes
) -> None:
    call(site, path)  # even when the plain page is cached
    site.flask_app = FlaskMustNotBeCalled()
    status, _, _ = call(site, path, method=method, query=query)
    assert status == 599 and site.flask_app.calls == [path]


def test_the_access_log_has_the_path_but_no_query_or_address(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS_LOG.name):
        call(site, "/search", query=b"q=010203-1234+Hemmelig+Hansen")
        call(site, "/faq/folkepensionsalder")
    lines = [record.getMessage() for record in caplog.records if record.name == ACCESS_LOG.name]
    assert len(lines) == 2
    assert '"GET /search" 200' in lines[0] and '"GET /faq/folkepensionsalder" 200' in lines[1]
    logged = "\n".join(lines)
    for secret in ("010203-1234", "Hemmelig", "203.0.113.9"):
        assert secret not in logged


def test_uvicorn_writes_no_log_or_header_of_its_own() -> None:
    # uvicorn's access log writes the client address and the query string.
    assert Worker.CONFIG_KWARGS["access_log"] is False
    assert Worker.CONFIG_KWARGS["server_header"] is False


def test_flask_runs_on_the_event_loop_itself(site: Site) -> None:
    # Not in a thread beside the loop: the two took turns on the GIL, and uncached pages queued.
    threads: dict[str, str] = {}

    def flask_app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        threads["flask"] = threading.current_thread().name
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    async def loop_then_site(scope: Any, receive: Any, send: Any) -> None:
        threads["loop"] = threading.current_thread().name
        await site(scope, receive, send)

    site.flask_app = flask_app
    status, _, body = call(loop_then_site, "/tjek", method="POST")
    assert (status, body) == (200, b"ok")
    assert threads["flask"] == threads["loop"]


def test_the_worker_uses_asyncios_loop() -> None:
    # uvloop took on a burst of new connections one per turn of a busy loop (README, bench/).
    assert Worker.CONFIG_KWARGS["loop"] == "asyncio"


def post_form(site: Site, path: str, form: bytes) -> tuple[int, dict[bytes, bytes], bytes]:
    headers = [
        (b"content-type", b"application/x-www-form-urlencoded"),
        (b"content-length", str(len(form)).encode()),
    ]
    return call(site, path, method="POST", body=form, headers=headers)


def test_a_form_reaches_flask_whole(site: Site) -> None:
    form = b"a_birth_date=1966-05-03&a_receives=none&action=answer&question=residence&residence=yes"
    status, _, body = post_form(site, "/tjek", form)
    assert status == 200
    assert 'name="a_residence" value="yes"' in body.decode()  # the last field arrived too


def test_a_body_over_the_limit_gets_a_clear_413_in_the_page_language(site: Site) -> None:
    huge = b"message=" + b"x" * (site.max_body + 10)
    status, _, body = post_form(site, "/chat", huge)
    assert status == 413
    assert '<html lang="da"' in body.decode() and "for langt" in body.decode()


def test_startup_and_shutdown_are_acknowledged(site: Site) -> None:
    messages = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[str] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message["type"])

    run(site({"type": "lifespan"}, receive, send))
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
