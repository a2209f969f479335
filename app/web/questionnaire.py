"""The questionnaire ("Hvilken pension kan jeg søge?"): one question per page, the answers so far
in hidden fields (never on the server, never in the URL), and the result with a sealed link."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for

from app.domain import questionnaire as flow
from app.domain.rules import assess, full_time_years
from app.domain.sealing import BrokenLink, seal, unseal
from app.web import wording
from app.web.site import page, page_language

bp = Blueprint("questionnaire", __name__)


def render_step(step: str, answers: dict[str, str], status: int = 200, **context: Any) -> Any:
    """One page of the questionnaire; every page carries the answers so far in hidden fields."""
    texts = wording.for_language(page_language())
    return (
        render_template(
            "questionnaire/questionnaire.html",
            step=step,
            answers=answers,
            wording=texts,
            **context,
        ),
        status,
    )


def render_question(question: str, answers: dict[str, str], **context: Any) -> Any:
    return render_step("question", answers, question=question, **context)


def render_check(answers: dict[str, str], today: date) -> Any:
    return render_step("check", answers, questions=flow.applicable(answers, today))


def render_result(answers: dict[str, str], today: date, lang: str) -> Any:
    outcome = assess(flow.to_answers(answers), today)
    token = seal(answers, current_app.config["SECRET_KEY"])
    link = url_for("questionnaire.result_link", lang=lang, token=token, _external=True)
    return render_step("result", answers, outcome=outcome, result_link=link, today=today)


@page(bp, "questionnaire", methods=["GET", "POST"])
def questionnaire(lang: str) -> Any:
    today = date.today()
    if request.method == "GET":
        if "start" in request.args:
            return start_with_sealed_answers(request.args["start"], today)
        return render_step("start", {})
    stored = {key[2:]: value for key, value in request.form.items() if key.startswith("a_")}
    try:
        answers = flow.read_stored(stored, today)
    except flow.InvalidAnswers:
        return render_step("start", {}, status=400, problem="tampered")
    action = request.form.get("action", "")
    current = request.form.get("question", "")
    applicable = flow.applicable(answers, today)
    if action == "back":
        previous = flow.previous_question(current, answers, today)
        return render_question(previous, answers) if previous else render_step("start", answers)
    if action.startswith("change:") and action[7:] in applicable:
        return render_question(action[7:], answers)
    if action == "convert" and current == "work_years":
        return convert_part_time(answers)
    if action == "answer" and current in applicable:
        answer = flow.read_answer(current, request.form, answers, today)
        if isinstance(answer, flow.FieldError):
            return render_question(
                current, answers, error=answer, submitted=request.form, status=400
            )
        answers = flow.prune({**answers, current: answer}, today)
    following = flow.next_question(answers, today)
    if following is not None:
        return render_question(following, answers)
    if action == "result":
        return render_result(answers, today, lang)
    return render_check(answers, today)


def start_with_sealed_answers(token: str, today: date) -> Any:
    """The chat's hand-off: what it understood (a birth date) arrives sealed, never readable."""
    try:
        answers = flow.read_stored(unseal(token, current_app.config["SECRET_KEY"]), today)
    except (BrokenLink, flow.InvalidAnswers):
        return render_step("start", {})
    following = flow.next_question(answers, today)
    return render_question(following, answers) if following else render_check(answers, today)


def convert_part_time(answers: dict[str, str]) -> Any:
    """The part-time helper on the years-of-work question: hours a week and years -> full-time years."""
    hours = flow.parse_number("parttime_hours", request.form.get("parttime_hours", ""), 80)
    years = flow.parse_number("parttime_years", request.form.get("parttime_years", ""), 80)
    if not isinstance(hours, float) or not isinstance(years, float):
        error = flow.FieldError("parttime", "parttime_invalid")
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


@page(bp, "result_link")
def result_link(lang: str, token: str) -> Any:
    today = date.today()
    try:
        answers = flow.read_stored(unseal(token, current_app.config["SECRET_KEY"]), today)
        if not flow.is_complete(answers, today):
            raise flow.InvalidAnswers("incomplete")
    except BrokenLink as broken:
        return render_step(
            "start",
            {},
            status=410 if broken.problem.value == "expired" else 400,
            problem=broken.problem.value,
        )
    except flow.InvalidAnswers:
        return render_step("start", {}, status=400, problem="invalid")
    return render_result(answers, today, lang)
