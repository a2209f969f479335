"""The only request-aware module: each view parses the request, asks the domain, renders a template."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from markupsafe import Markup
from werkzeug.exceptions import HTTPException
from werkzeug.security import check_password_hash

from app import BABEL_LOCALES, page_language, wording
from app import chat as chat_domain
from app import questionnaire as questionnaire_flow
from app.chat import ChatRanker
from app.content import CATEGORIES, LANGUAGES
from app.content_check import REVIEW_WARNING_DAYS, reviews_due
from app.facts import FOLKEPENSIONSALDER_BANDS, TIDLIG_PENSION_BANDS
from app.feedback import MAX_COMMENT_CHARS, FeedbackStore, holds_personal_details
from app.library import Library
from app.rules import Answers, assess, full_time_years
from app.sealing import BrokenLink, seal, unseal
from app.search import MAX_LIMIT, MAX_QUERY_CHARS, SearchIndex, clean_query

bp = Blueprint("site", __name__)
RATE_LIMITED_ENDPOINTS = ("site.api_search", "site.api_eligibility", "site.api_chat")


def limit_api_rate(app: Any) -> None:
    """A rate limit on the JSON APIs (429 with Retry-After), one limiter per app."""
    limiter = Limiter(get_remote_address, app=app)
    app.extensions["api_limiter"] = limiter  # Flask-Limiter itself keeps only a weak reference
    # Flask-Limiter looks at every request; pages have no limit, so it can stop at once for them.
    limiter.request_filter(lambda: request.endpoint not in RATE_LIMITED_ENDPOINTS)
    for endpoint in RATE_LIMITED_ENDPOINTS:
        limited = limiter.limit(lambda: app.config["API_RATE_LIMIT"])(app.view_functions[endpoint])
        app.view_functions[endpoint] = limited


# Every public page has one endpoint and one path per language; url_for(endpoint, lang=...) picks it.
PAGE_PATHS: dict[str, dict[str, str]] = {
    "home": {"da": "/", "en": "/en/"},
    "category": {"da": "/kategori/<category>", "en": "/en/category/<category>"},
    "a_to_z": {"da": "/a-z", "en": "/en/a-z"},
    "answer": {"da": "/faq/<slug>", "en": "/en/faq/<slug>"},
    "accessibility": {"da": "/tilgaengelighed", "en": "/en/accessibility"},
    "search": {"da": "/search", "en": "/en/search"},
    "questionnaire": {"da": "/tjek", "en": "/en/check"},
    "result_link": {"da": "/tjek/resultat/<token>", "en": "/en/check/result/<token>"},
    "chat": {"da": "/chat", "en": "/en/chat"},
    "feedback": {"da": "/faq/<slug>/feedback", "en": "/en/faq/<slug>/feedback"},
}

CATEGORY_LABELS = {
    "foertidspension": _l("Førtidspension (disability pension)"),
    "seniorpension": _l("Seniorpension (for the worn out)"),
    "andre-veje": _l("Other routes: folkepension and tidlig pension"),
    "din-sag": _l("Your case: money, deadlines and rights"),
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
    "din-sag": _l(
        "What you get, how long it takes, your rights, and what to write when you apply or complain."
    ),
    "om-siden": _l("Where to get advice and who runs this site."),
}
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}
# The table shows only the cohorts whose seniority the law's text states.
CONFIRMED_TIDLIG_PENSION_BANDS = tuple(
    band for band in TIDLIG_PENSION_BANDS if band.seniority_years is not None
)


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


def shared_fragment(template: str) -> Markup:
    """A part of every page that depends on nothing but the language (the menu, the footer):
    rendered once per worker and language rather than on every page."""
    key = (template, page_language())
    fragments = current_app.extensions["shared_fragments"]
    if key not in fragments:
        fragments[key] = Markup(render_template(template))
    return fragments[key]


@bp.app_context_processor
def page_globals() -> dict[str, Any]:
    lang = page_language()
    config = current_app.config
    return {
        "lang": lang,
        "other_lang": "en" if lang == "da" else "da",
        "language_names": LANGUAGE_NAMES,
        "other_language_url": other_language_url,
        "category_labels": CATEGORY_LABELS,
        "site_name": config["SITE_NAME"],
        "contact": current_app.extensions["contact"],
        "asset_url": asset_url,
        "dkfds_url": dkfds_url,
        "shared_fragment": shared_fragment,
        **current_app.extensions["page_translators"][lang],
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
        tidlig_pension_bands=CONFIRMED_TIDLIG_PENSION_BANDS,
        canonical_url=url_for("site.answer", lang=lang, slug=slug, _external=True),
    )


def feedback_store() -> FeedbackStore:
    return current_app.extensions["feedback"]


@page("feedback", methods=["POST"])
def feedback(lang: str, slug: str) -> Any:
    """Yes is stored at once; no asks for an optional comment first, then stores both together.
    Works without JavaScript and without a cookie: the vote travels in the form."""
    found = library().get(lang, slug)
    if found is None:
        abort(404)
    helpful = request.form.get("helpful")
    if helpful not in ("yes", "no"):
        abort(400)
    if helpful == "no" and request.form.get("step") != "comment":
        return render_template("feedback.html", answer=found, step="comment")
    comment = (
        request.form.get("comment", "") if helpful == "no" and "skip" not in request.form else ""
    )
    if len(comment) > MAX_COMMENT_CHARS:
        error = _l("Please keep the comment to %(max)s characters.", max=MAX_COMMENT_CHARS)
        return render_template(
            "feedback.html", answer=found, step="comment", error=error, draft=comment
        ), 400
    feedback_store().record_vote(slug, lang, helpful == "yes", comment or None, date.today())
    return render_template("feedback.html", answer=found, step="thanks")


@bp.route("/redaktion")
def editors() -> Any:
    denied = editor_login_problem()
    if denied is not None:
        return denied
    store = feedback_store()
    titles = {
        (lang, slug): answer.entry.title
        for lang, answers in library().answers.items()
        for slug, answer in answers.items()
    }
    return render_template(
        "editors.html",
        answers=store.answers(),
        failed=store.failed_searches(),
        titles=titles,
        reviews=reviews_due(library().content, date.today()),
        review_warning_days=REVIEW_WARNING_DAYS,
    )


@bp.route("/redaktion/eksport.csv")
def editors_export() -> Any:
    denied = editor_login_problem()
    if denied is not None:
        return denied
    return Response(
        feedback_store().export_csv(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=pensionsguiden-feedback.csv"},
    )


def editor_login_problem() -> Any | None:
    """HTTP basic auth against a hashed password from the settings; None when the editor may pass."""
    expected_hash = current_app.config["EDITOR_PASSWORD_HASH"]
    if not expected_hash:
        return Response(
            "The editors' page is closed: set PENSIONSGUIDEN_EDITOR_PASSWORD_HASH.\n",
            503,
            mimetype="text/plain",
        )
    auth = request.authorization
    if (
        auth is None
        or auth.type != "basic"
        or not hmac.compare_digest(auth.username or "", current_app.config["EDITOR_USERNAME"])
        or not check_password_hash(expected_hash, auth.password or "")
    ):
        return Response(
            "Log in as editor.\n",
            401,
            {"WWW-Authenticate": 'Basic realm="Redaktion", charset="UTF-8"'},
            mimetype="text/plain",
        )
    return None


@bp.before_app_request
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
    page = render_template(
        "search.html",
        search_query=query,
        results=results,
        error=None,
        categories=library().categories(lang),
        intros=CATEGORY_INTROS,
    )
    found_nothing = results is not None and not results.hits
    if found_nothing:
        feedback_store().record_failed_search(query, lang)
    if found_nothing or holds_personal_details(query):
        # No cache keeps these: a search that found nothing must reach this view to be counted,
        # and a search with a CPR number, phone number or e-mail address in it must not be kept.
        return page, 200, {"Cache-Control": "no-store"}
    return page


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
    complete = request.args.get("complete") == "1"
    results = search_index(lang).search(query, limit=limit, complete=complete)
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


def render_step(step: str, answers: dict[str, str], status: int = 200, **context: Any) -> Any:
    """One page of the questionnaire; every page carries the answers so far in hidden fields."""
    return (
        render_template(
            "questionnaire.html", step=step, answers=answers, wording=wording.current(), **context
        ),
        status,
    )


def render_question(question: str, answers: dict[str, str], **context: Any) -> Any:
    return render_step("question", answers, question=question, **context)


def render_check(answers: dict[str, str], today: date) -> Any:
    return render_step("check", answers, questions=questionnaire_flow.applicable(answers, today))


def render_result(answers: dict[str, str], today: date, lang: str) -> Any:
    outcome = assess(questionnaire_flow.to_answers(answers), today)
    token = seal(answers, current_app.config["SECRET_KEY"])
    link = url_for("site.result_link", lang=lang, token=token, _external=True)
    return render_step("result", answers, outcome=outcome, result_link=link, today=today)


@page("questionnaire", methods=["GET", "POST"])
def questionnaire(lang: str) -> Any:
    today = date.today()
    if request.method == "GET":
        if "start" in request.args:
            return start_with_sealed_answers(request.args["start"], today)
        return render_step("start", {})
    stored = {key[2:]: value for key, value in request.form.items() if key.startswith("a_")}
    try:
        answers = questionnaire_flow.read_stored(stored, today)
    except questionnaire_flow.InvalidAnswers:
        return render_step("start", {}, status=400, problem="tampered")
    action = request.form.get("action", "")
    current = request.form.get("question", "")
    applicable = questionnaire_flow.applicable(answers, today)
    if action == "back":
        previous = questionnaire_flow.previous_question(current, answers, today)
        return render_question(previous, answers) if previous else render_step("start", answers)
    if action.startswith("change:") and action[7:] in applicable:
        return render_question(action[7:], answers)
    if action == "convert" and current == "work_years":
        return convert_part_time(answers, today)
    if action == "answer" and current in applicable:
        answer = questionnaire_flow.read_answer(current, request.form, answers, today)
        if isinstance(answer, questionnaire_flow.FieldError):
            return render_question(
                current, answers, error=answer, submitted=request.form, status=400
            )
        answers = questionnaire_flow.prune({**answers, current: answer}, today)
    following = questionnaire_flow.next_question(answers, today)
    if following is not None:
        return render_question(following, answers)
    if action == "result":
        return render_result(answers, today, lang)
    return render_check(answers, today)


def start_with_sealed_answers(token: str, today: date) -> Any:
    """The chat's hand-off: what it understood (a birth date) arrives sealed, never readable."""
    try:
        answers = questionnaire_flow.read_stored(
            unseal(token, current_app.config["SECRET_KEY"]), today
        )
    except (BrokenLink, questionnaire_flow.InvalidAnswers):
        return render_step("start", {})
    following = questionnaire_flow.next_question(answers, today)
    return render_question(following, answers) if following else render_check(answers, today)


def convert_part_time(answers: dict[str, str], today: date) -> Any:
    """The part-time helper on the years-of-work question: hours a week and years -> full-time years."""
    hours = questionnaire_flow.parse_number(
        "parttime_hours", request.form.get("parttime_hours", ""), 80
    )
    years = questionnaire_flow.parse_number(
        "parttime_years", request.form.get("parttime_years", ""), 80
    )
    if not isinstance(hours, float) or not isinstance(years, float):
        error = questionnaire_flow.FieldError("parttime", "parttime_invalid")
        return render_question(
            "work_years", answers, error=error, submitted=request.form, status=400
        )
    converted = full_time_years(hours, years)
    return render_question(
        "work_years",
        answers,
        submitted={"work_years": f"{converted:g}".replace(".", ",")},
        converted=converted,
        converted_from=(hours, years),
    )


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


@bp.route("/api/v1/eligibility")
def api_eligibility() -> Any:
    """The questionnaire's rules for advisors' tools: answers in the query string, outcome as JSON."""
    args = request.args
    unknown = sorted(set(args) - set(ELIGIBILITY_FIELDS))
    if unknown:
        return api_error(unknown[0], f"unknown parameter {unknown[0]!r}")
    lang = args.get("lang", "da")
    if lang not in LANGUAGES:
        return api_error("lang", "lang must be 'da' or 'en'.")
    try:
        today = date.fromisoformat(args["as_of"]) if "as_of" in args else date.today()
    except ValueError:
        return api_error("as_of", "as_of must be a real date written YYYY-MM-DD.")
    answers, problem = questionnaire_flow.answers_from_query(args, today)
    if problem is not None:
        return api_error(problem.field, API_ERRORS.get(problem.key, problem.key))
    texts = wording.in_language(BABEL_LOCALES[lang])
    outcome = assess(answers, today)
    routes = [
        {
            "route": route.route.value,
            "status": route.status.value,
            "date": route.date.isoformat() if route.date else None,
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
            },
            "seniorpension": {
                "window_opens": outcome.seniorpension_window_opens.isoformat(),
                "apply_from": outcome.seniorpension_apply_from.isoformat(),
            },
            "routes": routes,
            "recommended": outcome.recommended.value if outcome.recommended else None,
        }
    )


API_ERRORS = {
    "date_missing": "birth_date is required, written YYYY-MM-DD.",
    "date_does_not_exist": "birth_date must be a real date written YYYY-MM-DD.",
    "date_in_future": "birth_date cannot be after as_of.",
    "date_too_old": "birth_date must be 1900-01-01 or later.",
    "choice_unknown": "not one of the allowed values; see the API documentation in the README.",
    "number_invalid": "must be a number such as 12 or 12.5.",
    "number_negative": "cannot be below zero.",
    "number_too_big": "is too big.",
}


@page("result_link")
def result_link(lang: str, token: str) -> Any:
    today = date.today()
    try:
        answers = questionnaire_flow.read_stored(
            unseal(token, current_app.config["SECRET_KEY"]), today
        )
        if not questionnaire_flow.is_complete(answers, today):
            raise questionnaire_flow.InvalidAnswers("incomplete")
    except BrokenLink as broken:
        return render_step(
            "start",
            {},
            status=410 if broken.problem.value == "expired" else 400,
            problem=broken.problem.value,
        )
    except questionnaire_flow.InvalidAnswers:
        return render_step("start", {}, status=400, problem="invalid")
    return render_result(answers, today, lang)


MAX_CHAT_HISTORY = 10


def chat_ranker(lang: str) -> ChatRanker:
    return current_app.extensions["chat"][lang]


def questionnaire_start_url(lang: str, born: date | None) -> str:
    """The questionnaire, with a birth date the chat understood sealed in (never readable)."""
    if born is None:
        return url_for("site.questionnaire", lang=lang)
    token = seal({"birth_date": born.isoformat()}, current_app.config["SECRET_KEY"])
    return url_for("site.questionnaire", lang=lang, start=token)


def chat_view(answer: chat_domain.ChatReply, lang: str) -> wording.ChatView:
    language = wording.in_language(BABEL_LOCALES[lang])
    texts = language.CHAT_TEXTS
    kinds = chat_domain.ReplyKind

    def link(slug: str) -> tuple[str, str]:
        found = library().get(lang, slug)
        return (found.entry.title if found else slug), url_for("site.answer", lang=lang, slug=slug)

    advice = (
        texts["advice"],
        url_for("site.answer", lang=lang, slug="kontakt-og-raadgivning"),
    )
    action = None
    if answer.offer_questionnaire or answer.kind is kinds.SENIORPENSION_DATE:
        action = (texts["questionnaire"], questionnaire_start_url(lang, answer.birth_date))
    if answer.kind is kinds.ANSWER:
        best = library().get(lang, answer.sources[0])
        return wording.ChatView(
            (best.summary if best else "",),
            link(answer.sources[0]),
            texts["also"],
            tuple(link(slug) for slug in answer.sources[1:3]),
            action,
        )
    if answer.kind is kinds.NOT_SURE:
        others = (*(link(slug) for slug in answer.sources[:3]), advice)
        return wording.ChatView((texts["not_sure"],), None, None, others, action)
    if answer.kind is kinds.NO_MATCH:
        return wording.ChatView((texts["no_match"],), None, None, (advice,), action)
    if answer.kind in (kinds.FOLKEPENSION_DATE, kinds.SENIORPENSION_DATE):
        return wording.ChatView(
            (date_paragraph(answer, language),), link(answer.sources[0]), action=action
        )
    return wording.ChatView((texts[answer.kind.value],), action=action)


def date_paragraph(answer: chat_domain.ChatReply, language: wording.Wording) -> str:
    texts = language.CHAT_TEXTS
    if answer.birth_date is None and answer.age_now is not None:
        first, second = chat_domain.birth_years_for_age(answer.age_now, date.today())
        years, months, _reached = chat_domain.folkepension_for(date(second, 1, 1))
        values = {
            "now": answer.age_now,
            "age": wording.age_text(years, months),
            "first": first + years,
            "second": second + years,
        }
        return texts["folkepension_age"] % values
    if answer.birth_date is None:
        assert answer.birth_year is not None
        years, months, reached = chat_domain.folkepension_for(date(answer.birth_year, 1, 1))
        values = {
            "year": answer.birth_year,
            "age": wording.age_text(years, months),
            "reach_year": reached.year,
        }
        return texts["folkepension_year"] % values
    outcome = assess(Answers(answer.birth_date), max(date.today(), answer.birth_date))
    values = {
        "born": language.date_text(answer.birth_date),
        "age": wording.age_text(
            outcome.folkepensionsalder_months // 12, outcome.folkepensionsalder_months % 12
        ),
        "date": language.date_text(outcome.folkepension_date),
        "opens": language.date_text(outcome.seniorpension_window_opens),
        "apply": language.date_text(outcome.seniorpension_apply_from),
    }
    key = (
        "seniorpension_date"
        if answer.kind is chat_domain.ReplyKind.SENIORPENSION_DATE
        else "folkepension_date"
    )
    return texts[key] % values


def answer_chat(message: str, lang: str) -> tuple[chat_domain.ChatReply, wording.ChatView]:
    found = chat_domain.reply(message, chat_ranker(lang), date.today())
    return found, chat_view(found, lang)


def render_chat(
    exchanges: list[tuple[str, wording.ChatView]], status: int = 200, **context: Any
) -> Any:
    return render_template(
        "chat.html", exchanges=exchanges, wording=wording.current(), **context
    ), status


@page("chat", methods=["GET", "POST"])
def chat(lang: str) -> Any:
    if request.method == "GET":
        return render_chat([], message_error=None)
    message = request.form.get("message", "")
    history = [text for text in request.form.getlist("history") if text.strip()][-MAX_CHAT_HISTORY:]
    if len(message) > chat_domain.MAX_MESSAGE_CHARS:
        exchanges = [
            (text, answer_chat(text, lang)[1])
            for text in history
            if len(text) <= chat_domain.MAX_MESSAGE_CHARS
        ]
        error = _l(
            "Your message is too long. Please use at most %(max)s characters.",
            max=chat_domain.MAX_MESSAGE_CHARS,
        )
        return render_chat(exchanges, 400, message_error=error, draft=message)
    messages = [text[: chat_domain.MAX_MESSAGE_CHARS] for text in history] + [message]
    return render_chat(
        [(text, answer_chat(text, lang)[1]) for text in messages], message_error=None
    )


@bp.route("/api/v1/chat", methods=["POST"])
def api_chat() -> Any:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return api_error("body", 'Send JSON like {"message": "...", "lang": "da"}.')
    message, lang = data.get("message"), data.get("lang", "da")
    if not isinstance(message, str):
        return api_error("message", "message must be text.")
    if len(message) > chat_domain.MAX_MESSAGE_CHARS:
        return api_error(
            "message", f"message is too long: at most {chat_domain.MAX_MESSAGE_CHARS} characters."
        )
    if lang not in LANGUAGES:
        return api_error("lang", "lang must be 'da' or 'en'.")
    found, view = answer_chat(message, lang)
    return jsonify(
        {
            "reply": view.as_text(wording.in_language(BABEL_LOCALES[lang])),
            "sources": [
                {
                    "slug": slug,
                    "title": library().get(lang, slug).entry.title,
                    "url": url_for("site.answer", lang=lang, slug=slug),
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
                "action_label": view.action[0] if view.action else None,
            },
        }
    )


ASSET_MAX_AGE = 365 * 24 * 60 * 60


@bp.route("/static/<fingerprint>/<path:filename>")
def asset(fingerprint: str, filename: str) -> Any:
    """The site's own CSS and JavaScript under a name that changes with their content, so browsers
    and CDNs may keep them for a year."""
    current = current_app.extensions["asset_fingerprints"].get(filename)
    return send_asset(Path(current_app.root_path) / "static", filename, fingerprint == current)


@bp.route("/static/dkfds/<version>/<path:filename>")
def dkfds_asset(version: str, filename: str) -> Any:
    """Det Fælles Designsystem straight from node_modules, under its version number."""
    current = current_app.extensions["dkfds_version"]
    return send_asset(Path(current_app.config["DKFDS_DIR"]), filename, version == current)


def send_asset(folder: Path, filename: str, name_is_current: bool) -> Any:
    """A year and "immutable" under the current name; an old name still works, cached briefly."""
    response = send_from_directory(
        folder, filename, max_age=ASSET_MAX_AGE if name_is_current else 300
    )
    if name_is_current:
        response.headers["Cache-Control"] += ", immutable"
    return response


def asset_url(filename: str) -> str:
    fingerprint = current_app.extensions["asset_fingerprints"].get(filename, "0")
    return url_for("site.asset", fingerprint=fingerprint, filename=filename)


def dkfds_url(filename: str) -> str:
    return url_for(
        "site.dkfds_asset", version=current_app.extensions["dkfds_version"], filename=filename
    )


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException) -> Any:
    if request.path.startswith("/api/"):
        message = "Too many requests: please wait a little." if error.code == 429 else error.name
        response = jsonify({"error": {"field": None, "message": message}})
        response.status_code = error.code or 500
        return response
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
