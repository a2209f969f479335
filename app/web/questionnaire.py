"""The questionnaire ("Hvilken pension kan jeg søge?"): one question per page, the answers so far
in hidden fields (never on the server, never in the URL), and the result with a sealed link."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for

from app.domain import questionnaire as flow
from app.domain import steps
from app.domain.changes import what_would_change
from app.domain.rules import assess
from app.domain.sealing import BrokenLink, seal, unseal
from app.web import wording
from app.web.site import page, page_language

bp = Blueprint("questionnaire", __name__)
QUESTION_KINDS = {question.id: question.kind.value for question in flow.QUESTIONS_TABLE}
QUESTION_UNITS = {question.id: question.unit for question in flow.QUESTIONS_TABLE}


def render_step(step: steps.Step, today: date, lang: str) -> Any:
    """One page of the questionnaire; every page carries the answers so far in hidden fields."""
    context: dict[str, Any] = {}
    if step.page is steps.Page.CHECK:
        context["questions"] = flow.applicable(step.answers, today)
    if step.page is steps.Page.RESULT:
        outcome = assess(flow.to_answers(step.answers), today)
        token = seal(step.answers, current_app.config["SECRET_KEY"])
        context |= {
            "outcome": outcome,
            "changes": what_would_change(step.answers, today),
            "result_link": url_for(
                "questionnaire.result_link", lang=lang, token=token, _external=True
            ),
        }
    failed = step.error is not None or step.problem is not None
    html = render_template(
        "questionnaire/questionnaire.html",
        step=step.page.value,
        answers=step.answers,
        question=step.question,
        error=step.error,
        problem=step.problem,
        submitted=step.submitted,
        converted=step.converted,
        converted_from=step.converted_from,
        step_number=step.number,
        step_total=step.total,
        question_kinds=QUESTION_KINDS,
        question_units=QUESTION_UNITS,
        today=today,
        wording=wording.for_language(page_language()),
        **context,
    )
    return html, 400 if failed else 200


@page(bp, "questionnaire", methods=["GET", "POST"])
def questionnaire(lang: str) -> Any:
    today = date.today()
    if request.method == "GET":
        if "start" in request.args:
            return start_with_sealed_answers(request.args["start"], today, lang)
        return render_step(steps.Step(steps.Page.START, {}), today, lang)
    return render_step(steps.step(request.form, today), today, lang)


def start_with_sealed_answers(token: str, today: date, lang: str) -> Any:
    """The chat's hand-off: what it understood (a birth date) arrives sealed, never readable."""
    try:
        answers = flow.read_stored(unseal(token, current_app.config["SECRET_KEY"]), today)
    except (BrokenLink, flow.InvalidAnswers):
        return render_step(steps.Step(steps.Page.START, {}), today, lang)
    return render_step(steps.resume(answers, today), today, lang)


@page(bp, "result_link")
def result_link(lang: str, token: str) -> Any:
    today = date.today()
    try:
        answers = flow.read_stored(unseal(token, current_app.config["SECRET_KEY"]), today)
        if not flow.is_complete(answers, today):
            raise flow.InvalidAnswers("incomplete")
    except BrokenLink as broken:
        html, _status = render_step(
            steps.Step(steps.Page.START, {}, problem=broken.problem.value), today, lang
        )
        return html, 410 if broken.problem.value == "expired" else 400
    except flow.InvalidAnswers:
        return render_step(steps.Step(steps.Page.START, {}, problem="invalid"), today, lang)
    return render_step(steps.Step(steps.Page.RESULT, answers), today, lang)
