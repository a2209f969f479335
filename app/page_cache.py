"""A cache of whole rendered pages in front of the app (no Flask): pages that are the same for
everyone, such as the answers, are rendered once per worker and then served from memory, with an
ETag so browsers and CDNs can ask "has it changed?" and get a 304.

The WSGI wrapper fills the cache; app/asgi.py also answers from it on the event loop, so a cached
page never waits for a Flask thread."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

MAX_ENTRIES = 4_000
Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]
CacheKey = tuple[str, str, str]
Response = tuple[str, list[tuple[str, str]], bytes]


@dataclass(frozen=True)
class CachedPage:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    not_modified_headers: list[tuple[str, str]] = field(init=False)

    def __post_init__(self) -> None:
        kept = [(name, value) for name, value in self.headers if name in ("ETag", "Cache-Control")]
        object.__setattr__(self, "not_modified_headers", kept)

    def response(self, method: str, if_none_match: str) -> Response:
        """Status, headers and body for this request: a 304 when the client already has this
        version, no body for HEAD."""
        if self.etag in _etags(if_none_match):
            return "304 Not Modified", self.not_modified_headers, b""
        return self.status, self.headers, b"" if method == "HEAD" else self.body


class PageCache:
    def __init__(self, app: WsgiApp, cacheable: Callable[[str], bool], max_age: int = 300) -> None:
        self.app = app
        self.cacheable = cacheable
        self.cache_control = f"public, max-age={max_age}"
        self._pages: dict[CacheKey, CachedPage] = {}
        self._lock = threading.Lock()

    def applies(self, method: str, path: str, query: str | bytes) -> bool:
        """Only plain GET and HEAD requests for pages that are the same for everyone."""
        return method in ("GET", "HEAD") and not query and self.cacheable(path)

    def get(self, key: CacheKey) -> CachedPage | None:
        return self._pages.get(key)

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "")
        if not self.applies(method, environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")):
            return self.app(environ, start_response)
        page = self._pages.get(cache_key(environ)) or self._render(environ)
        if page is None:
            return self.app(environ, start_response)
        status, headers, body = page.response(method, environ.get("HTTP_IF_NONE_MATCH", ""))
        start_response(status, headers)
        return [body]

    def _render(self, environ: Environ) -> CachedPage | None:
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
        page = CachedPage(captured["status"], headers, body, etag)
        with self._lock:
            if len(self._pages) < MAX_ENTRIES:
                self._pages[cache_key(environ)] = page
        return page


def cache_key(environ: Environ) -> CacheKey:
    # Scheme and host are part of the key: pages carry their own absolute address (canonical
    # link), and HSTS is only sent over HTTPS.
    return (
        environ.get("wsgi.url_scheme", "http"),
        environ.get("HTTP_HOST", ""),
        environ.get("PATH_INFO", ""),
    )


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
