"""The only Flask package: a blueprint per feature (pages, questionnaire, chat, search, api,
editors, assets), what every page shares, the guards, error pages, the page cache and the CLI.

Request flow and where things live: docs/architecture.md."""

from __future__ import annotations

from datetime import date

from flask import Flask, url_for

from app.content.loader import CATEGORIES
from app.i18n import LANGUAGES
from app.web import (
    api,
    assets,
    chat,
    cli,
    deadlines,
    editors,
    errors,
    guards,
    pages,
    questionnaire,
    search,
)
from app.web.addresses import Addresses
from app.web.gate import RequestGate, allowed_hosts
from app.web.page_cache import PageCache
from app.web.site import install_translations, library

BLUEPRINTS = (pages.bp, questionnaire.bp, chat.bp, search.bp, api.bp, editors.bp, deadlines.bp)


def init_app(app: Flask) -> None:
    install_translations(app)
    app.jinja_env.filters["todate"] = date.fromisoformat
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    assets.init_app(app)
    guards.init_app(app)
    errors.init_app(app)
    if app.config["PAGE_CACHE"]:
        with app.test_request_context():
            search_paths = frozenset(url_for("search.search", lang=lang) for lang in LANGUAGES)
            cacheable = frozenset(all_public_paths()) - search_paths
        page_cache = PageCache(
            app.wsgi_app, cacheable.__contains__, search_paths, app.config["RECENT_SEARCHES"]
        )
        app.wsgi_app = app.extensions["page_cache"] = page_cache  # type: ignore[method-assign]
    proxies = guards.trusted_proxies(app.config["TRUSTED_PROXIES"])
    app.wsgi_app = guards.TrustedProxies(app.wsgi_app, proxies)  # type: ignore[method-assign]
    hosts = allowed_hosts(app.config["ALLOWED_HOSTS"], app.config.get("SERVER_NAME"))
    app.wsgi_app = RequestGate(app.wsgi_app, hosts, app.config["MAX_CONTENT_LENGTH"])  # type: ignore[method-assign]
    answers = app.extensions["library"]
    app.extensions["addresses"] = Addresses(
        app.url_map,
        {slug for by_slug in answers.answers.values() for slug in by_slug},
        answers.content.redirects,
    )
    cli.init_app(app)


def all_public_paths() -> list[str]:
    """Every public page's path in both languages, answers and categories included."""
    paths: list[str] = []
    for lang in LANGUAGES:
        for endpoint in (
            "pages.home",
            "pages.a_to_z",
            "pages.accessibility",
            "search.search",
            "questionnaire.questionnaire",
            "chat.chat",
            "deadlines.deadlines",
        ):
            paths.append(url_for(endpoint, lang=lang))
        for category_key in CATEGORIES:
            paths.append(url_for("pages.category", lang=lang, category=category_key))
        for slug in sorted(library().answers.get(lang, {})):
            paths.append(url_for("pages.answer", lang=lang, slug=slug))
    return paths
