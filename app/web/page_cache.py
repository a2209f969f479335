"""A cache of whole rendered pages in front of the app (no Flask): pages that are the same for
everyone, such as the answers, are rendered once per worker and then served from memory, with an
ETag so browsers and CDNs can ask "has it changed?" and get a 304.

Search pages are cached too, per query: after a news story many people make the same search, and
its page is the same for each of them. A page the app marks `Cache-Control: no-store` (a search
that found nothing, which is counted for the editors) is never kept.

It wraps the Flask app as WSGI middleware: the one path by which cached pages are kept and
served. In production nginx keeps the same pages too (deploy/nginx.conf), by their Cache-Control."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.search.cache import BoundedMemory

MAX_ENTRIES = 4_000
Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]
CacheKey = tuple[str, str, str, str]
Response = tuple[str, list[tuple[str, str]], bytes]


@dataclass(frozen=True)
class CachedPage:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str

    def response(self, method: str, if_none_match: str) -> Response:
        """Status, headers and body for this request: a 304 when the client already has this
        version, no body for HEAD."""
        if self.etag in _etags(if_none_match):
            kept = [
                (name, value) for name, value in self.headers if name in ("ETag", "Cache-Control")
            ]
            return "304 Not Modified", kept, b""
        return self.status, self.headers, b"" if method == "HEAD" else self.body


class PageCache:
    def __init__(
        self,
        app: WsgiApp,
        cacheable: Callable[[str], bool],
        search_paths: frozenset[str],
        recent_searches: int,
        max_age: int = 300,
    ) -> None:
        self.app = app
        self.cacheable = cacheable
        self.search_paths = search_paths
        self.cache_control = f"public, max-age={max_age}"
        self._pages: dict[CacheKey, CachedPage] = {}
        self._searches: BoundedMemory[CacheKey, CachedPage] = BoundedMemory(recent_searches)
        self._lock = threading.Lock()

    def applies(self, method: str, path: str, query: str | bytes) -> bool:
        """Only GET and HEAD requests for pages that are the same for everyone: plain pages, and
        search pages, which depend on nothing but their query."""
        if method not in ("GET", "HEAD"):
            return False
        return path in self.search_paths if query else self.cacheable(path)

    def get(self, key: CacheKey) -> CachedPage | None:
        return self._searches.get(key) if key[3] else self._pages.get(key)

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "")
        if not self.applies(method, environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")):
            return self.app(environ, start_response)
        page = self.get(cache_key(environ)) or self._render(environ)
        status, headers, body = page.response(method, environ.get("HTTP_IF_NONE_MATCH", ""))
        start_response(status, headers)
        return [body]

    def _render(self, environ: Environ) -> CachedPage:
        """The page from the app, kept when it is a 200 that may be kept (served either way)."""
        status, headers, body = call_wsgi(self.app, {**environ, "REQUEST_METHOD": "GET"})
        if not status.startswith("200") or any(
            name.lower() == "set-cookie"
            or (name.lower() == "cache-control" and "no-store" in value)
            for name, value in headers
        ):
            return CachedPage(status, headers, body, etag="")
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers += [
            ("Content-Length", str(len(body))),
            ("ETag", etag),
            ("Cache-Control", self.cache_control),
        ]
        page = CachedPage(status, headers, body, etag)
        key = cache_key(environ)
        with self._lock:
            if key[3]:
                self._searches.put(key, page)
            elif len(self._pages) < MAX_ENTRIES:
                self._pages[key] = page
        return page


def call_wsgi(app: WsgiApp, environ: Environ) -> Response:
    """Status, headers and the whole body of a WSGI app's response."""
    response: dict[str, Any] = {}

    def start_response(
        status: str, headers: list[tuple[str, str]], exc_info: Any = None
    ) -> Callable[[bytes], None]:
        response["status"], response["headers"] = status, headers
        return lambda _data: None

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close:
            close()
    return response["status"], response["headers"], body


def cache_key(environ: Environ) -> CacheKey:
    # Scheme and host are part of the key: pages carry their own absolute address (canonical
    # link), and HSTS is only sent over HTTPS.
    return (
        environ.get("wsgi.url_scheme", "http"),
        environ.get("HTTP_HOST", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    )


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
