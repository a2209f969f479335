"""Pensionsguiden: create_app() reads settings, loads and renders content once, and wires the site."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from babel.support import Translations
from flask import Flask, request, url_for
from flask.sessions import SessionInterface
from flask_babel import Babel, Domain
from flask_babel import _get_current_context as babel_request_state
from flask_talisman import Talisman
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from app import wording
from app.chat import ChatRanker
from app.content import DEFAULT_LANGUAGE, LANGUAGES
from app.feedback import FeedbackStore
from app.library import Library
from app.page_cache import PageCache
from app.rate_limit_storage import SweepingMemoryStorage
from app.search import RECENT_SEARCHES, SearchIndex, Vocabulary, ensure_index

ROOT = Path(__file__).resolve().parent.parent
# Babel locales per site language: British English writes dates as "1 May 2026".
BABEL_LOCALES = {"da": "da", "en": "en_GB"}

DEFAULTS: dict[str, Any] = {
    "CONTENT_DIR": str(ROOT / "content"),
    "DKFDS_DIR": str(ROOT / "node_modules" / "dkfds" / "dist"),
    "SITE_NAME": "Pensionsguiden",
    # Contact details of the organisation running the site; empty means "not configured".
    "CONTACT_NAME": "",
    "CONTACT_PHONE": "",
    "CONTACT_EMAIL": "",
    "CONTACT_ADDRESS": "",
    "CONTACT_HOURS": "",
    "SEARCH_INDEX_DIR": str(ROOT / "search_index"),
    "DATABASE_URL": "sqlite:///" + str(ROOT / "instance" / "pensionsguiden.sqlite3"),
    # The editors' page /redaktion: user name and a werkzeug password hash; unset = page closed.
    "EDITOR_USERNAME": "redaktion",
    "EDITOR_PASSWORD_HASH": "",
    # Requests per client to the JSON APIs; counted in memory per worker, never logged.
    "API_RATE_LIMIT": "120 per minute",
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": SweepingMemoryStorage.STORAGE_SCHEME[0] + "://",
    "RATELIMIT_HEADERS_ENABLED": True,
    # Serve pages that are the same for everyone (answers, categories, ...) from memory.
    "PAGE_CACHE": True,
    # Recent search results and search pages kept per worker and language (0: none, as the search
    # benchmark measures).
    "RECENT_SEARCHES": RECENT_SEARCHES,
    "BABEL_DEFAULT_LOCALE": "da",
    "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "app" / "translations"),
    "JSON_AS_ASCII": False,
    # The largest request body read: forms and chat messages are a few kilobytes at most.
    "MAX_CONTENT_LENGTH": 64 * 1024,
}

log = logging.getLogger("pensionsguiden")


def page_language() -> str:
    """The site language of this request: from the URL only, never a cookie or header."""
    if request.view_args and request.view_args.get("lang") in LANGUAGES:
        return request.view_args["lang"]
    return "en" if request.path == "/en" or request.path.startswith("/en/") else DEFAULT_LANGUAGE


class RequestCachedDomain(Domain):
    """Flask-Babel finds the request's catalogue again for every text it translates (about 20 µs,
    and a questionnaire page translates dozens); this keeps it for the rest of the request.
    force_locale() and refresh() still work: they clear the kept catalogue (Flask-Babel's own
    `babel_translations` slot, which it no longer fills itself)."""

    def get_translations(self) -> Any:
        state = babel_request_state()
        if state is None:
            return super().get_translations()
        translations = getattr(state, "babel_translations", None)
        if translations is None:
            translations = state.babel_translations = super().get_translations()
        return translations


def page_translators(translations: Translations) -> dict[str, Callable[..., str]]:
    """Jinja's new-style gettext and ngettext (escaped, with %(name)s filled in) for one catalogue."""

    @pass_context
    def gettext(context: Context, text: str, **variables: Any) -> str:
        translated = translations.ugettext(text)
        return (Markup(translated) if context.eval_ctx.autoescape else translated) % variables

    @pass_context
    def ngettext(context: Context, one: str, many: str, n: int, **variables: Any) -> str:
        variables.setdefault("num", n)
        translated = translations.ungettext(one, many, n)
        return (Markup(translated) if context.eval_ctx.autoescape else translated) % variables

    return {"gettext": gettext, "ngettext": ngettext}


class NoSessions(SessionInterface):
    """The site keeps nothing about a visitor between requests: no session and no session cookie
    (so nothing that needs consent), and no cookie to read and check on every request."""

    def open_session(self, app: Flask, request: Any) -> Any:
        return self.make_null_session(app)

    def save_session(self, app: Flask, session: Any, response: Any) -> None:
        return None


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, static_folder=None)  # assets are served under fingerprinted names
    app.session_interface = NoSessions()
    app.config.from_mapping(DEFAULTS)
    if os.environ.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    app.config.from_prefixed_env("PENSIONSGUIDEN")
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        # Safe for local use: nothing signed with it outlives the process. Production sets
        # PENSIONSGUIDEN_SECRET_KEY so every worker and restart shares one key.
        app.config["SECRET_KEY"] = secrets.token_urlsafe(32)
        log.warning("PENSIONSGUIDEN_SECRET_KEY is not set; using a random key for this process")

    babel = Babel(app, locale_selector=lambda: BABEL_LOCALES[page_language()])
    babel.domain_instance = RequestCachedDomain()  # type: ignore[misc]
    # Templates are always in the page's language, so each render gets that language's _() and
    # ngettext() (app/views.py's context processor) instead of looking the catalogue up per text.
    app.extensions["page_translators"] = {
        lang: page_translators(
            Translations.load(app.config["BABEL_TRANSLATION_DIRECTORIES"], [BABEL_LOCALES[lang]])
        )
        for lang in LANGUAGES
    }
    app.jinja_env.filters["long_date"] = lambda value: wording.current().date_text(value)
    app.jinja_env.filters["todate"] = date.fromisoformat
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    library = Library.load(Path(app.config["CONTENT_DIR"]))
    if library.content.problems and not app.config.get("TESTING"):
        log.warning(
            "content has %d problems; run 'flask content check'", len(library.content.problems)
        )
    app.extensions["library"] = library
    app.extensions["contact"] = {
        key: app.config[f"CONTACT_{key.upper()}"]
        for key in ("name", "phone", "email", "address", "hours")
        if app.config.get(f"CONTACT_{key.upper()}")
    }
    app.extensions["shared_fragments"] = {}
    app.extensions["search"] = open_search_indexes(app, library)
    app.extensions["chat"] = {
        lang: ChatRanker(index) for lang, index in app.extensions["search"].items()
    }
    for ranker in app.extensions["chat"].values():
        ranker.prepare()

    if app.config["DATABASE_URL"].startswith("sqlite:///"):
        Path(app.config["DATABASE_URL"].removeprefix("sqlite:///")).parent.mkdir(
            parents=True, exist_ok=True
        )
    app.extensions["feedback"] = FeedbackStore(app.config["DATABASE_URL"])
    secure_headers(app)

    from app import cli, views

    app.register_blueprint(views.bp)
    views.limit_api_rate(app)
    app.extensions["asset_fingerprints"] = fingerprint_assets(Path(app.root_path) / "static")
    app.extensions["dkfds_version"] = dkfds_version(Path(app.config["DKFDS_DIR"]))
    if app.config["PAGE_CACHE"]:
        with app.test_request_context():
            search_paths = frozenset(url_for("site.search", lang=lang) for lang in LANGUAGES)
            cacheable = frozenset(views.all_public_paths()) - search_paths
        page_cache = PageCache(
            app.wsgi_app, cacheable.__contains__, search_paths, app.config["RECENT_SEARCHES"]
        )
        app.wsgi_app = app.extensions["page_cache"] = page_cache  # type: ignore[method-assign]
    cli.init_app(app)
    return app


def fingerprint_assets(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in folder.iterdir()
        if path.is_file()
    }


def dkfds_version(dist: Path) -> str:
    package = dist.parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "0"


def open_search_indexes(app: Flask, library: Library) -> dict[str, SearchIndex]:
    """One index per language. A missing or stale index is rebuilt here, atomically, and logged."""
    root = Path(app.config["SEARCH_INDEX_DIR"])
    vocabulary_path = Path(app.config["CONTENT_DIR"]) / "search-vocabulary.toml"
    indexes: dict[str, SearchIndex] = {}
    for lang in LANGUAGES:
        vocabulary = Vocabulary.load(vocabulary_path, lang)
        indexes[lang], rebuilt = ensure_index(
            library.search_documents(lang), root, lang, vocabulary, app.config["RECENT_SEARCHES"]
        )
        if rebuilt:
            log.warning("search index for '%s' was missing or stale: rebuilt it in %s", lang, root)
        indexes[lang].prepare()
    return indexes


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
