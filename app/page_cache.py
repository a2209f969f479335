"""A cache of whole rendered pages in front of the app (plain WSGI, no Flask): pages that are the
same for everyone, such as the answers, are rendered once per worker and then served from memory,
with an ETag so browsers and CDNs can ask "has it changed?" and get a 304."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from typing import Any

MAX_ENTRIES = 4_000
Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]


class PageCache:
    def __init__(self, app: WsgiApp, cacheable: Callable[[str], bool], max_age: int = 300) -> None:
        self.app = app
        self.cacheable = cacheable
        self.cache_control = f"public, max-age={max_age}"
        self._pages: dict[tuple[str, str, str], tuple[str, list[tuple[str, str]], bytes, str]] = {}
        self._lock = threading.Lock()

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if (
            environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
            or environ.get("QUERY_STRING")
            or not self.cacheable(path)
        ):
            return self.app(environ, start_response)
        key = _key(environ)
        page = self._pages.get(key)
        if page is None:
            page = self._render(environ)
            if page is None:
                return self.app(environ, start_response)
        status, headers, body, etag = page
        if etag in _etags(environ.get("HTTP_IF_NONE_MATCH", "")):
            start_response(
                "304 Not Modified",
                [(name, value) for name, value in headers if name in ("ETag", "Cache-Control")],
            )
            return [b""]
        start_response(status, headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def _render(self, environ: Environ) -> tuple[str, list[tuple[str, str]], bytes, str] | None:
        captured: dict[str, Any] = {}

        def capture(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], None]:
            captured["status"], captured["headers"] = status, headers
            return lambda _data: None

        get_environ = {**environ, "REQUEST_METHOD": "GET"}
        result = self.app(get_environ, capture)
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close:
                close()
        headers = [
            (name, value) for name, value in captured["headers"] if name.lower() != "content-length"
        ]
        if not captured["status"].startswith("200") or any(
            name.lower() == "set-cookie" for name, _ in headers
        ):
            return None
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers += [
            ("Content-Length", str(len(body))),
            ("ETag", etag),
            ("Cache-Control", self.cache_control),
        ]
        page = (captured["status"], headers, body, etag)
        with self._lock:
            if len(self._pages) < MAX_ENTRIES:
                self._pages[_key(environ)] = page
        return page


def _key(environ: Environ) -> tuple[str, str, str]:
    # Scheme and host are part of the key: pages carry their own absolute address (canonical
    # link), and HSTS is only sent over HTTPS.
    return (
        environ.get("wsgi.url_scheme", "http"),
        environ.get("HTTP_HOST", ""),
        environ.get("PATH_INFO", ""),
    )


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
