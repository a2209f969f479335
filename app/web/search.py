"""The search page: results for the citizen's words, or a clear message when there are none."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template, request

from app.privacy import holds_personal_details
from app.search.analysis import clean_query
from app.search.index import MAX_QUERY_CHARS, SearchIndex
from app.web.pages import feedback_store
from app.web.site import _, category_intros, library, page

bp = Blueprint("search", __name__)


def search_index(lang: str) -> SearchIndex:
    return current_app.extensions["search"][lang]


@page(bp, "search")
def search(lang: str) -> Any:
    query = clean_query(request.args.get("q", ""))
    if len(query) > MAX_QUERY_CHARS:
        message = _(
            "Your search is too long. Please use at most %(max)s characters.", max=MAX_QUERY_CHARS
        )
        return render_template(
            "search/search.html", search_query="", error=message, results=None
        ), 400
    results = search_index(lang).search(query) if query else None
    page_html = render_template(
        "search/search.html",
        search_query=query,
        results=results,
        error=None,
        categories=library().categories(lang),
        intros=category_intros(lang),
    )
    found_nothing = results is not None and not results.hits
    if found_nothing:
        feedback_store().record_failed_search(query, lang)
    if (
        found_nothing
        or holds_personal_details(query)
        or not search_index(lang).uses_only_the_answers_words(query)
    ):
        # No cache keeps these: a search that found nothing must reach this view to be counted,
        # and a search with personal details in it, or words the answers do not use (a name, a
        # typo, a story), must not be kept or shared.
        return page_html, 200, {"Cache-Control": "no-store, private"}
    return page_html
