"""The JSON APIs for advisors' tools and the site's own scripts: search, eligibility, chat."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, jsonify, request, url_for

from app.chat.ranking import MAX_MESSAGE_CHARS
from app.domain import deadlines as deadline_rules
from app.domain import questionnaire as flow
from app.domain.rules import assess
from app.i18n import LANGUAGES, N_, language
from app.search.analysis import clean_query
from app.search.index import MAX_LIMIT, MAX_QUERY_CHARS
from app.web import deadlines as deadline_pages
from app.web import wording
from app.web.presenters import answer_chat
from app.web.search import search_index
from app.web.site import library

bp = Blueprint("api", __name__, url_prefix="/api/v1")

ELIGIBILITY_FIELDS = (
    "birth_date",
    "as_of",
    "work_years",
    "weekly_hours",
    "self_supporting",
    "residence",
    "receives",
    "lang",
)
API_ERRORS = {
    "date_missing": N_("birth_date is required, written YYYY-MM-DD."),
    "date_does_not_exist": N_("birth_date must be a real date written YYYY-MM-DD."),
    "date_in_future": N_("birth_date cannot be after as_of."),
    "date_too_old": N_("birth_date must be 1900-01-01 or later."),
    "choice_unknown": N_("not one of the allowed values; see docs/api.md."),
    "number_invalid": N_("must be a number such as 12 or 12.5."),
    "number_negative": N_("cannot be below zero."),
    "number_too_big": N_("is too big."),
}


EARLIEST_AS_OF, LATEST_AS_OF = date(1900, 1, 1), date(2199, 12, 31)


def api_error(field: str, message: str, lang: str = "da", **values: object) -> tuple[Any, int]:
    """A 400 naming the field, in the language asked for (Danish when that is what is wrong)."""
    text = language(lang if lang in LANGUAGES else "da").gettext(message, **values)
    return jsonify({"error": {"field": field, "message": text}}), 400


@bp.route("/search")
def search() -> Any:
    lang = request.args.get("lang", "da")
    if lang not in LANGUAGES:
        return api_error("lang", N_("lang must be 'da' or 'en'."))
    query = clean_query(request.args.get("q", ""))
    if not query:
        return api_error("q", N_("q is required: the words to search for."), lang)
    if len(query) > MAX_QUERY_CHARS:
        return api_error(
            "q", N_("q is too long: at most %(max)s characters."), lang, max=MAX_QUERY_CHARS
        )
    limit_text = N_("limit must be a whole number from 1 to %(max)s.")
    try:
        limit = int(request.args.get("limit", "10"))
    except ValueError:
        return api_error("limit", limit_text, lang, max=MAX_LIMIT)
    if not 1 <= limit <= MAX_LIMIT:
        return api_error("limit", limit_text, lang, max=MAX_LIMIT)
    complete = request.args.get("complete") == "1"
    results = search_index(lang).search(query, limit=limit, complete=complete)
    return jsonify(
        {
            "query": results.query,
            "results": [
                {
                    "slug": hit.slug,
                    "title": hit.title,
                    "url": url_for("pages.answer", lang=lang, slug=hit.slug),
                    "snippet": hit.snippet_html,
                    "category": hit.category,
                    "score": hit.score,
                    "section": {
                        "anchor": hit.section,
                        "heading": hit.section_heading,
                        "url": url_for(
                            "pages.answer", lang=lang, slug=hit.slug, _anchor=hit.section
                        ),
                    }
                    if hit.section
                    else None,
                }
                for hit in results.hits
            ],
            "suggestion": results.suggestion,
        }
    )


@bp.route("/eligibility")
def eligibility() -> Any:
    """The questionnaire's rules for advisors' tools: answers in the query string, outcome as JSON."""
    args = request.args
    lang = args.get("lang", "da")
    if lang not in LANGUAGES:
        return api_error("lang", N_("lang must be 'da' or 'en'."))
    unknown = sorted(set(args) - set(ELIGIBILITY_FIELDS))
    if unknown:
        return api_error(unknown[0], N_("unknown parameter %(name)s"), lang, name=repr(unknown[0]))
    try:
        today = date.fromisoformat(args["as_of"]) if "as_of" in args else date.today()
    except ValueError:
        return api_error("as_of", N_("as_of must be a real date written YYYY-MM-DD."), lang)
    if not EARLIEST_AS_OF <= today <= LATEST_AS_OF:
        # The rules add up to 70 years and some months to a date: far-off years cannot be worked out.
        return api_error(
            "as_of",
            N_("as_of must be a date from %(first)s to %(last)s."),
            lang,
            first=EARLIEST_AS_OF.isoformat(),
            last=LATEST_AS_OF.isoformat(),
        )
    answers, problem = flow.answers_from_query(args, today)
    if problem is not None:
        return api_error(problem.field, API_ERRORS.get(problem.key, problem.key), lang)
    texts = wording.for_language(lang)
    outcome = assess(answers, today)
    routes = [
        {
            "route": route.route.value,
            "status": route.status.value,
            "date": route.date.isoformat() if route.date else None,
            "earliest_payment": route.earliest_payment.isoformat()
            if route.earliest_payment
            else None,
            "apply_to": route.apply_to.value,
            "reasons": [
                {
                    "rule": finding.rule,
                    "legal_ref": finding.legal_ref,
                    "text": texts.finding_text(finding),
                }
                for finding in route.findings
            ],
        }
        for route in outcome.routes
    ]
    return jsonify(
        {
            "as_of": today.isoformat(),
            "folkepension": {
                "age_years": outcome.folkepensionsalder_months // 12,
                "age_months": outcome.folkepensionsalder_months % 12,
                "date": outcome.folkepension_date.isoformat(),
                "first_payment": outcome.folkepension_first_payment.isoformat(),
            },
            "seniorpension": {
                "window_opens": outcome.seniorpension_window_opens.isoformat(),
                "apply_from": outcome.seniorpension_apply_from.isoformat(),
                "first_payment": outcome.seniorpension_first_payment.isoformat(),
            },
            "routes": routes,
            "recommended": outcome.recommended.value if outcome.recommended else None,
        }
    )


@bp.route("/chat", methods=["POST"])
def chat() -> Any:
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # JSON nested thousands deep
        data = None
    if not isinstance(data, dict):
        return api_error("body", N_('Send JSON like {"message": "...", "lang": "da"}.'))
    message, lang = data.get("message"), data.get("lang", "da")
    if lang not in LANGUAGES:
        return api_error("lang", N_("lang must be 'da' or 'en'."))
    if not isinstance(message, str):
        return api_error("message", N_("message must be text."), lang)
    if len(message) > MAX_MESSAGE_CHARS:
        return api_error(
            "message",
            N_("message is too long: at most %(max)s characters."),
            lang,
            max=MAX_MESSAGE_CHARS,
        )
    previous = data.get("previous")
    if previous is not None and not isinstance(previous, str):
        return api_error(
            "previous", N_("previous must be text: the message before this one."), lang
        )
    found, view = answer_chat(message, lang, previous[:MAX_MESSAGE_CHARS] if previous else None)
    return jsonify(
        {
            "reply": view.as_text(wording.for_language(lang)),
            "sources": [
                {
                    "slug": slug,
                    "title": library().get(lang, slug).entry.title,
                    "url": url_for("pages.answer", lang=lang, slug=slug),
                }
                for slug in found.sources
                if library().get(lang, slug)
            ],
            "confidence": found.confidence.value,
            "action": {"type": "questionnaire", "url": view.action[1]} if view.action else None,
            "view": {
                "paragraphs": list(view.paragraphs),
                "primary": {"title": view.primary[0], "url": view.primary[1]}
                if view.primary
                else None,
                "others_intro": view.others_intro,
                "others": [{"title": title, "url": url} for title, url in view.others],
                "quote": view.quote,
                "legal_ref": view.legal_ref,
                "action_label": view.action[0] if view.action else None,
            },
        }
    )


@bp.route("/deadlines")
def deadlines() -> Any:
    """The deadlines that follow an event (app/domain/deadlines.py), for advisors' tools."""
    args = request.args
    lang = args.get("lang", "da")
    if lang not in LANGUAGES:
        return api_error("lang", N_("lang must be 'da' or 'en'."))
    event = deadline_pages.event_from(args.get("event", ""))
    if event is None:
        return api_error(
            "event",
            N_("event must be one of: %(events)s."),
            lang,
            events=", ".join(item.value for item in deadline_rules.Event),
        )
    try:
        happened = date.fromisoformat(args.get("date", ""))
    except ValueError:
        return api_error("date", N_("date must be a real date written YYYY-MM-DD."), lang)
    if not EARLIEST_AS_OF <= happened <= LATEST_AS_OF:
        return api_error(
            "date",
            N_("date must be a date from %(first)s to %(last)s."),
            lang,
            first=EARLIEST_AS_OF.isoformat(),
            last=LATEST_AS_OF.isoformat(),
        )
    texts = language(lang)
    found = [
        deadline_pages.deadline_view(deadline, event, texts)
        for deadline in deadline_rules.deadlines(event, happened)
    ]
    return jsonify(
        {
            "event": event.value,
            "date": happened.isoformat(),
            "deadlines": [
                {
                    "kind": view["kind"],
                    "key": view["key"],
                    "date": view["date"].isoformat() if view["date"] else None,
                    "legal_ref": view["legal_ref"],
                    "title": view["title"],
                    "text": view["text"],
                    "if_passed": view["passed"],
                }
                for view in found
            ],
        }
    )
