"""Pensionsguiden: create_app() reads the settings, loads and renders the content once, opens the
search indexes and the feedback store, and hands the rest to the web package."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask

from app import settings, web
from app.chat.ranking import ChatRanker
from app.content.library import Library
from app.feedback.store import FeedbackStore
from app.i18n import LANGUAGES
from app.search.analysis import Vocabulary
from app.search.build import documents_from
from app.search.index import SearchIndex, ensure_index

log = logging.getLogger("pensionsguiden")


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, static_folder=None)  # assets are served under fingerprinted names
    settings.configure(app.config, test_config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # "førtidspension", not "f\u00f8rtidspension"

    library = Library.load(Path(app.config["CONTENT_DIR"]))
    if library.content.problems and not app.config.get("TESTING"):
        log.warning(
            "content has %d problems; run 'flask content check'", len(library.content.problems)
        )
    app.extensions["library"] = library
    app.extensions["contact"] = settings.contact_details(app.config)
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
    web.init_app(app)
    return app


def open_search_indexes(app: Flask, library: Library) -> dict[str, SearchIndex]:
    """One index per language. A missing or stale index is rebuilt here, atomically, and logged."""
    root = Path(app.config["SEARCH_INDEX_DIR"])
    vocabulary_path = Path(app.config["CONTENT_DIR"]) / "search-vocabulary.toml"
    indexes: dict[str, SearchIndex] = {}
    for lang in LANGUAGES:
        vocabulary = Vocabulary.load(vocabulary_path, lang)
        indexes[lang], rebuilt = ensure_index(
            documents_from(library, lang), root, lang, vocabulary, app.config["RECENT_SEARCHES"]
        )
        if rebuilt:
            log.warning("search index for '%s' was missing or stale: rebuilt it in %s", lang, root)
        indexes[lang].prepare()
    return indexes
