"""The first thing every request meets, before the page cache and Flask (WSGI middleware): a Host
that is not one of the site's own gets a 400, and a chunked request body is read, within the size
limit, so that Flask sees it (or the client gets a 413). Its own answers are short pages in the
language of the address, with the same security headers as every page."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from typing import Any

from app.settings import setting_list

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]

# A host name (labels of letters, digits and hyphens, at most 63 characters each) or an IPv6
# address in brackets, and an optional port.
_HOST = re.compile(
    r"(?P<name>(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)*(?!-)[a-z0-9-]{1,63}(?<!-)\.?|\[[0-9a-f:.]+\])"
    r"(?::\d{1,5})?"
)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")

_MESSAGES = {
    400: (
        ("da", "Forkert forespørgsel", "Adressen kunne ikke bruges. Gå til forsiden og prøv igen."),
        ("en", "Bad request", "The address could not be used. Go to the front page and try again."),
    ),
    413: (
        (
            "da",
            "For meget tekst",
            "Det, du sendte, er for langt. Gør teksten kortere, og prøv igen.",
        ),
        (
            "en",
            "Too much text",
            "What you sent is too long. Please shorten the text and try again.",
        ),
    ),
}
STATUS_LINES = {400: "400 Bad Request", 413: "413 Content Too Large"}
# The same promises as every page's headers (app/web/guards.py), for a page with nothing to load.
SECURITY_HEADERS = [
    ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Cache-Control", "no-store"),
]


def allowed_hosts(setting: str | list[str] | tuple[str, ...], server_name: str | None) -> set[str]:
    """The host names the site answers to, in lower case and without a port: the setting (a list,
    or names separated by commas), the server name, and the machine itself."""
    names = (*setting_list(setting), *([server_name] if server_name else []), *LOCAL_HOSTS)
    return {name for name in map(host_name, names) if name}


def host_name(host: str) -> str | None:
    """The name part of a Host header, or None when the header is not a well-formed host."""
    match = _HOST.fullmatch(host.strip().lower())
    return match["name"].rstrip(".") if match else None


def error_page(status: int, path: str) -> tuple[str, list[tuple[str, str]], bytes]:
    lang, title, text = _MESSAGES[status][1 if path.startswith("/en/") or path == "/en" else 0]
    home = "/en/" if lang == "en" else "/"
    body = (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} – Pensionsguiden</title></head>"
        f'<body><main><h1>{title}</h1><p>{text}</p><p><a href="{home}">Pensionsguiden</a></p>'
        "</main></body></html>\n"
    ).encode()
    headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Content-Language", lang),
        *SECURITY_HEADERS,
    ]
    return STATUS_LINES[status], headers, body


class RequestGate:
    def __init__(self, app: WsgiApp, hosts: set[str], max_body: int) -> None:
        self.app = app
        self.hosts = hosts
        self.max_body = max_body

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        status = self.refusal(environ)
        if status is not None:
            line, headers, body = error_page(status, environ.get("PATH_INFO", ""))
            start_response(line, headers)
            return [body]
        return self.app(environ, start_response)

    def refusal(self, environ: Environ) -> int | None:
        """The status to refuse the request with, or None to let it through. Reads a chunked body
        into memory (at most max_body bytes), as Flask reads no body without a length."""
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        if host_name(host) not in self.hosts:
            return 400
        if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            body = environ["wsgi.input"].read(self.max_body + 1)
            if len(body) > self.max_body:
                return 413
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            del environ["HTTP_TRANSFER_ENCODING"]
        return None
