"""Pensionsguiden: create_app() reads settings, loads and renders content once, and wires the site."""

from __future__ import annotations

import logging
import secrets
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask, request
from flask_babel import Babel, format_date, get_locale

from app.chat import ChatRanker
from app.content import DEFAULT_LANGUAGE, LANGUAGES
from app.library import Library
from app.search import SearchIndex, Vocabulary, ensure_index

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
    "BABEL_DEFAULT_LOCALE": "da",
    "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "app" / "translations"),
    "JSON_AS_ASCII": False,
}

log = logging.getLogger("pensionsguiden")


def page_language() -> str:
    """The site language of this request: from the URL only, never a cookie or header."""
    if request.view_args and request.view_args.get("lang") in LANGUAGES:
        return request.view_args["lang"]
    return "en" if request.path == "/en" or request.path.startswith("/en/") else DEFAULT_LANGUAGE


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("PENSIONSGUIDEN")
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        # Safe for local use: nothing signed with it outlives the process. Production sets
        # PENSIONSGUIDEN_SECRET_KEY so every worker and restart shares one key.
        app.config["SECRET_KEY"] = secrets.token_urlsafe(32)
        log.warning("PENSIONSGUIDEN_SECRET_KEY is not set; using a random key for this process")

    Babel(app, locale_selector=lambda: BABEL_LOCALES[page_language()])
    app.jinja_env.globals.update(get_locale=get_locale, format_date=format_date)
    app.jinja_env.filters["todate"] = date.fromisoformat
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    library = Library.load(Path(app.config["CONTENT_DIR"]))
    if library.content.problems and not app.config.get("TESTING"):
        log.warning(
            "content has %d problems; run 'flask content check'", len(library.content.problems)
        )
    app.extensions["library"] = library
    app.extensions["search"] = open_search_indexes(app, library)
    app.extensions["chat"] = {
        lang: ChatRanker(index) for lang, index in app.extensions["search"].items()
    }
    for ranker in app.extensions["chat"].values():
        ranker.prepare()

    from app import cli, views

    app.register_blueprint(views.bp)
    cli.init_app(app)
    return app


def open_search_indexes(app: Flask, library: Library) -> dict[str, SearchIndex]:
    """One index per language. A missing or stale index is rebuilt here, atomically, and logged."""
    root = Path(app.config["SEARCH_INDEX_DIR"])
    vocabulary_path = Path(app.config["CONTENT_DIR"]) / "search-vocabulary.toml"
    indexes: dict[str, SearchIndex] = {}
    for lang in LANGUAGES:
        vocabulary = Vocabulary.load(vocabulary_path, lang)
        indexes[lang], rebuilt = ensure_index(
            library.search_documents(lang), root, lang, vocabulary
        )
        if rebuilt:
            log.warning("search index for '%s' was missing or stale: rebuilt it in %s", lang, root)
        indexes[lang].prepare()
    return indexes
