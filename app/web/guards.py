"""What protects every request: no cross-site form posts, limits per client, proxy headers only
from trusted proxies, personal pages kept by no cache, security headers, and no session or
cookie."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, abort, request
from flask.sessions import SessionInterface
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

from app.settings import setting_list

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
    if cross_site or (origin and origin != "null" and origin_host(origin) != request.host):
        abort(403)
    return None


def origin_host(origin: str) -> str | None:
    """The host (and port) of an Origin header; None when it is not a well-formed address."""
    try:
        return urlsplit(origin).netloc
    except ValueError:  # "http://[::1" and the like
        return None


# What a stranger can make the site do, bounded per client: (setting, endpoints, whether a request
# to them costs work). Each group shares one count, so a client cannot spread over endpoints.
LIMITED = (
    ("API_RATE_LIMIT", ("api.search", "api.eligibility", "api.chat", "api.deadlines"), lambda: True),
    (
        "FORM_RATE_LIMIT",
        ("chat.chat", "questionnaire.questionnaire", "questionnaire.result_link", "pages.feedback",
         "search.search", "deadlines.deadlines", "deadlines.result_link"),
        lambda: request.method == "POST" or bool(request.args),
    ),
    ("EDITOR_RATE_LIMIT", ("editors.editors", "editors.export"), lambda: True),
)  # fmt: skip


def limit_rates(app: Flask) -> None:
    """Per-client limits (429 with Retry-After) on the APIs, the forms and searches, and the
    editors' login, one limiter per app. Counted in memory per worker process."""
    limiter = Limiter(get_remote_address, app=app)
    app.extensions["limiter"] = limiter  # Flask-Limiter itself keeps only a weak reference
    limited = {endpoint for _setting, endpoints, _costs in LIMITED for endpoint in endpoints}
    # Flask-Limiter looks at every request; for the other pages it can stop at once.
    limiter.request_filter(lambda: request.endpoint not in limited)
    for setting, endpoints, costs in LIMITED:
        shared = limiter.shared_limit(
            lambda setting=setting: app.config[setting],
            scope=setting.lower(),
            exempt_when=lambda costs=costs: not costs(),
        )
        for endpoint in endpoints:
            app.view_functions[endpoint] = shared(app.view_functions[endpoint])


class TrustedProxies:
    """X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in the
    settings (PENSIONSGUIDEN_TRUSTED_PROXIES, none by default): from anyone else they would let a
    client choose the address its limits are counted under."""

    def __init__(self, app: Any, proxies: frozenset[str]) -> None:
        self.app = app
        self.proxies = proxies
        self.behind_proxy = ProxyFix(app, x_for=1, x_proto=1)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("REMOTE_ADDR") in self.proxies:
            return self.behind_proxy(environ, start_response)
        return self.app(environ, start_response)


def trusted_proxies(setting: str | list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(setting_list(setting))


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


# Pages that hold what one visitor wrote or answered: kept by no cache, shared or the browser's.
PERSONAL_ENDPOINTS = frozenset(
    {"questionnaire.result_link", "deadlines.result_link", "editors.editors", "editors.export"}
)


def is_personal() -> bool:
    """A form's answer (the questionnaire's steps and result, the chat after a post, a vote), an
    API reply (it repeats what was sent), a result link, the questionnaire started from the chat
    (a birth date in a hidden field), and the editors' pages."""
    return (
        request.method == "POST"
        or request.path.startswith("/api/")
        or request.endpoint in PERSONAL_ENDPOINTS
        or (request.endpoint == "questionnaire.questionnaire" and bool(request.args))
    )


def keep_personal_pages_private(response: Any) -> Any:
    if is_personal():
        response.headers["Cache-Control"] = "no-store, private"
        response.headers.pop("ETag", None)
    return response


def init_app(app: Flask) -> None:
    app.session_interface = NoSessions()
    app.before_request(refuse_cross_site_forms)
    app.after_request(keep_personal_pages_private)
    limit_rates(app)
    secure_headers(app)
