"""What protects every request: no cross-site form posts, a rate limit on the JSON APIs, security
headers, and no session or cookie."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, abort, request
from flask.sessions import SessionInterface
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman

RATE_LIMITED_ENDPOINTS = ("api.search", "api.eligibility", "api.chat")

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": ["'self'", "data:"],
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


class NoSessions(SessionInterface):
    """The site keeps nothing about a visitor between requests: no session and no session cookie
    (so nothing that needs consent), and no cookie to read and check on every request."""

    def open_session(self, app: Flask, request: Any) -> Any:
        return self.make_null_session(app)

    def save_session(self, app: Flask, session: Any, response: Any) -> None:
        return None


def refuse_cross_site_forms() -> Any | None:
    """Posts from other sites are refused. The JSON API is safe without this check: a cross-site
    JSON post needs a CORS preflight, which this site never grants."""
    if request.method != "POST" or request.path.startswith("/api/"):
        return None
    origin = request.headers.get("Origin")
    cross_site = request.headers.get("Sec-Fetch-Site") == "cross-site"
    if cross_site or (origin and origin != "null" and urlsplit(origin).netloc != request.host):
        abort(403)
    return None


def limit_api_rate(app: Flask) -> None:
    """A rate limit on the JSON APIs (429 with Retry-After), one limiter per app."""
    limiter = Limiter(get_remote_address, app=app)
    app.extensions["api_limiter"] = limiter  # Flask-Limiter itself keeps only a weak reference
    # Flask-Limiter looks at every request; pages have no limit, so it can stop at once for them.
    limiter.request_filter(lambda: request.endpoint not in RATE_LIMITED_ENDPOINTS)
    for endpoint in RATE_LIMITED_ENDPOINTS:
        limited = limiter.limit(lambda: app.config["API_RATE_LIMIT"])(app.view_functions[endpoint])
        app.view_functions[endpoint] = limited


def secure_headers(app: Flask) -> None:
    """Security headers on every response (Flask-Talisman): a strict CSP with no inline script or
    style, no framing, no sniffing, a same-origin referrer, no powerful features, and HSTS when the
    request came over HTTPS. HTTPS itself is the proxy's job, so Talisman does not redirect."""
    Talisman(
        app,
        force_https=False,
        strict_transport_security=True,
        strict_transport_security_max_age=31_536_000,
        content_security_policy=CONTENT_SECURITY_POLICY,
        frame_options="DENY",
        referrer_policy="same-origin",
        permissions_policy={
            "camera": "()",
            "microphone": "()",
            "geolocation": "()",
            "payment": "()",
            "usb": "()",
            "interest-cohort": "()",
            "clipboard-write": "(self)",
        },
    )


def init_app(app: Flask) -> None:
    app.session_interface = NoSessions()
    app.before_request(refuse_cross_site_forms)
    limit_api_rate(app)
    secure_headers(app)
