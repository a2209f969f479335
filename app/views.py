"""The only request-aware module: each view parses the request, asks the domain, renders a template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from app import page_language
from app.content import CATEGORIES, LANGUAGES
from app.facts import FOLKEPENSIONSALDER_BANDS
from app.library import Library
from app.search import MAX_LIMIT, MAX_QUERY_CHARS, SearchIndex, clean_query

bp = Blueprint("site", __name__)

# Every public page has one endpoint and one path per language; url_for(endpoint, lang=...) picks it.
PAGE_PATHS: dict[str, dict[str, str]] = {
    "home": {"da": "/", "en": "/en/"},
    "category": {"da": "/kategori/<category>", "en": "/en/category/<category>"},
    "a_to_z": {"da": "/a-z", "en": "/en/a-z"},
    "answer": {"da": "/faq/<slug>", "en": "/en/faq/<slug>"},
    "accessibility": {"da": "/tilgaengelighed", "en": "/en/accessibility"},
    "search": {"da": "/search", "en": "/en/search"},
    "questionnaire": {"da": "/tjek", "en": "/en/check"},
    "chat": {"da": "/chat", "en": "/en/chat"},
}

CATEGORY_LABELS = {
    "foertidspension": _l("Førtidspension (disability pension)"),
    "seniorpension": _l("Seniorpension (for the worn out)"),
    "andre-veje": _l("Other routes: folkepension and tidlig pension"),
    "om-siden": _l("About this site"),
}
CATEGORY_INTROS = {
    "foertidspension": _l(
        "For people aged 40 or more whose ability to work is permanently reduced."
    ),
    "seniorpension": _l(
        "For people with a long working life and at most 6 years to folkepensionsalder."
    ),
    "andre-veje": _l(
        "When you reach folkepensionsalder, or can retire early after many years of work."
    ),
    "om-siden": _l("Where to get advice and who runs this site."),
}
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


def page(endpoint: str, **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        for lang, path in PAGE_PATHS[endpoint].items():
            bp.add_url_rule(path, endpoint, view, defaults={"lang": lang}, **options)
        return view

    return register


def library() -> Library:
    return current_app.extensions["library"]


def other_language_url() -> str | None:
    if request.endpoint is None or request.url_rule is None or not request.view_args:
        return None
    other = "en" if page_language() == "da" else "da"
    return url_for(request.endpoint, **{**request.view_args, "lang": other})


@bp.app_context_processor
def page_globals() -> dict[str, Any]:
    lang = page_language()
    config = current_app.config
    contact = {
        key: config[f"CONTACT_{key.upper()}"]
        for key in ("name", "phone", "email", "address", "hours")
        if config.get(f"CONTACT_{key.upper()}")
    }
    return {
        "lang": lang,
        "other_lang": "en" if lang == "da" else "da",
        "language_names": LANGUAGE_NAMES,
        "other_language_url": other_language_url,
        "category_labels": CATEGORY_LABELS,
        "site_name": config["SITE_NAME"],
        "contact": contact,
    }


@page("home")
def home(lang: str) -> str:
    return render_template(
        "home.html", categories=library().categories(lang), intros=CATEGORY_INTROS
    )


@page("category")
def category(lang: str, category: str) -> str:
    if category not in CATEGORIES:
        abort(404)
    return render_template(
        "category.html",
        category=category,
        intro=CATEGORY_INTROS[category],
        answers=library().in_category(lang, category),
    )


@page("a_to_z")
def a_to_z(lang: str) -> str:
    return render_template("a_to_z.html", answers=library().a_to_z(lang))


@page("answer")
def answer(lang: str, slug: str) -> str:
    found = library().get(lang, slug)
    if found is None:
        abort(404)
    return render_template(
        "answer.html",
        answer=found,
        related=library().related(found),
        folkepensionsalder_bands=FOLKEPENSIONSALDER_BANDS,
        canonical_url=url_for("site.answer", lang=lang, slug=slug, _external=True),
    )


@page("accessibility")
def accessibility(lang: str) -> str:
    return render_template("accessibility.html")


def search_index(lang: str) -> SearchIndex:
    return current_app.extensions["search"][lang]


@page("search")
def search(lang: str) -> Any:
    query = clean_query(request.args.get("q", ""))
    if len(query) > MAX_QUERY_CHARS:
        message = _l(
            "Your search is too long. Please use at most %(max)s characters.", max=MAX_QUERY_CHARS
        )
        return render_template("search.html", search_query="", error=message, results=None), 400
    results = search_index(lang).search(query) if query else None
    return render_template(
        "search.html",
        search_query=query,
        results=results,
        error=None,
        categories=library().categories(lang),
        intros=CATEGORY_INTROS,
    )


def api_error(field: str, message: str, status: int = 400) -> tuple[Any, int]:
    return jsonify({"error": {"field": field, "message": message}}), status


@bp.route("/api/v1/search")
def api_search() -> Any:
    lang = request.args.get("lang", "da")
    if lang not in LANGUAGES:
        return api_error("lang", "lang must be 'da' or 'en'.")
    query = clean_query(request.args.get("q", ""))
    if not query:
        return api_error("q", "q is required: the words to search for.")
    if len(query) > MAX_QUERY_CHARS:
        return api_error("q", f"q is too long: at most {MAX_QUERY_CHARS} characters.")
    try:
        limit = int(request.args.get("limit", "10"))
    except ValueError:
        return api_error("limit", f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    if not 1 <= limit <= MAX_LIMIT:
        return api_error("limit", f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    results = search_index(lang).search(query, limit=limit)
    return jsonify(
        {
            "query": results.query,
            "results": [
                {
                    "slug": hit.slug,
                    "title": hit.title,
                    "url": url_for("site.answer", lang=lang, slug=hit.slug),
                    "snippet": hit.snippet_html,
                    "category": hit.category,
                    "score": hit.score,
                }
                for hit in results.hits
            ],
            "suggestion": results.suggestion,
        }
    )


@page("questionnaire")
def questionnaire(lang: str) -> str:
    return render_template("coming_soon.html", feature="questionnaire")


@page("chat")
def chat(lang: str) -> str:
    return render_template("coming_soon.html", feature="chat")


@bp.route("/static/dkfds/<path:filename>")
def dkfds_asset(filename: str) -> Any:
    return send_from_directory(current_app.config["DKFDS_DIR"], filename, max_age=86400)


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException) -> tuple[str, int]:
    return render_template("error.html", error=error), error.code or 500


@bp.app_errorhandler(Exception)
def unexpected_error(error: Exception) -> tuple[str, int]:
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    return render_template("error.html", error=None), 500


def all_public_paths() -> list[str]:
    """Every public page's path in both languages, answers and categories included."""
    paths: list[str] = []
    for lang in LANGUAGES:
        for endpoint in ("home", "a_to_z", "accessibility", "search", "questionnaire", "chat"):
            paths.append(url_for(f"site.{endpoint}", lang=lang))
        for category_key in CATEGORIES:
            paths.append(url_for("site.category", lang=lang, category=category_key))
        for slug in sorted(library().answers.get(lang, {})):
            paths.append(url_for("site.answer", lang=lang, slug=slug))
    return paths
