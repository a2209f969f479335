"""The site as gunicorn serves it (app/asgi.py): cached pages come from memory on the event loop,
everything else reaches Flask, and the access log keeps no query string or client address."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from flask import Flask

from app.asgi import ACCESS_LOG, Site, Worker


def call(
    site: Any,
    path: str,
    method: str = "GET",
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
) -> tuple[int, dict[bytes, bytes], bytes]:
    """One HTTP request through an ASGI app, as uvicorn would make it."""
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

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(site(scope, receive, send))
    start = next(message for message in sent if message["type"] == "http.response.start")
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return start["status"], dict(start["headers"]), body


class FlaskMustNotBeCalled:
    def __init__(self) -> None:
        self.calls: list[str] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})


@pytest.fixture
def site(app: Flask) -> Site:
    return Site(app)


def test_a_cached_page_is_served_from_memory_without_flask(site: Site) -> None:
    status, headers, body = call(site, "/faq/folkepensionsalder")  # Flask renders and caches it
    assert status == 200 and b"<h1" in body
    site.flask = FlaskMustNotBeCalled()  # type: ignore[assignment]
    again_status, again_headers, again_body = call(site, "/faq/folkepensionsalder")
    assert (again_status, again_body) == (200, body)
    assert again_headers[b"etag"] == headers[b"etag"]
    assert again_headers[b"cache-control"].startswith(b"public")
    assert b"content-security-policy" in again_headers  # the security headers are kept too
    assert site.flask.calls == []


def test_a_browser_that_has_the_page_gets_304_from_memory(site: Site) -> None:
    _, headers, _ = call(site, "/en/faq/tidlig-pension")
    site.flask = FlaskMustNotBeCalled()  # type: ignore[assignment]
    status, not_modified_headers, body = call(
        site, "/en/faq/tidlig-pension", headers=[(b"if-none-match", headers[b"etag"])]
    )
    assert (status, body) == (304, b"")
    assert not_modified_headers[b"etag"] == headers[b"etag"]
    head_status, _, head_body = call(site, "/en/faq/tidlig-pension", method="HEAD")
    assert (head_status, head_body) == (200, b"")


@pytest.mark.parametrize(
    ("path", "method", "query"),
    [
        ("/search", "GET", b"q=seniorpension"),  # a query string: not the same for everyone
        ("/faq/folkepensionsalder", "GET", b"utm=x"),
        ("/tjek", "POST", b""),  # questionnaire answers
        ("/api/v1/chat", "POST", b""),
    ],
)
def test_searches_forms_and_apis_always_reach_flask(
    site: Site, path: str, method: str, query: bytes
) -> None:
    call(site, path)  # even when the plain page is cached
    site.flask = FlaskMustNotBeCalled()  # type: ignore[assignment]
    status, _, _ = call(site, path, method=method, query=query)
    assert status == 599 and site.flask.calls == [path]


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
