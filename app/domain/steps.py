"""The questionnaire's step machine: from the posted form alone (back, change, convert, answer,
result) to what the questionnaire shows next, following the table in app/domain/questionnaire.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.outcomes import Receives, YesNo
from app.domain.questionnaire import (
    MAX_PART_TIME_YEARS,
    QUESTIONS,
    FieldError,
    InvalidAnswers,
    applicable,
    canonical_number,
    next_question,
    parse_number,
    previous_question,
    prune,
    read_answer,
    read_stored,
)
from app.domain.rules import full_time_years


class Page(StrEnum):
    START = "start"
    QUESTION = "question"
    CHECK = "check"
    RESULT = "result"


@dataclass(frozen=True)
class Step:
    """What the questionnaire shows next, worked out from the posted form alone."""

    page: Page
    answers: dict[str, str]
    question: str | None = None
    error: FieldError | None = None
    problem: str | None = None  # why it starts again: "tampered" answers
    submitted: Mapping[str, str] | None = None  # what to show in the fields again
    converted: float | None = None  # the part-time helper's result, put in the field
    converted_from: tuple[float, float] | None = None
    number: int = 0  # this question's place among the questions that apply (1-based)
    total: int = 0


# For counting the questions ahead: the answers that keep the most questions coming.
_LONGEST_PATH = {"receives": Receives.NONE.value, "residence": YesNo.YES.value}


def asking(question: str, answers: dict[str, str], today: date, **details: object) -> Step:
    """A question page, with its place among the questions that apply to this citizen (those not
    yet answered counted as if the answers keep the most questions coming)."""
    questions = applicable({**_LONGEST_PATH, **answers}, today) if answers else list(QUESTIONS)
    place = questions.index(question) + 1 if question in questions else 0
    return Step(Page.QUESTION, answers, question, number=place, total=len(questions), **details)  # type: ignore[arg-type]


def step(form: Mapping[str, str], today: date) -> Step:
    """The next step from a posted form: the answers so far in `a_*` fields, the `action`, the
    `question` on the page and its fields."""
    stored = {key[2:]: value for key, value in form.items() if key.startswith("a_")}
    try:
        answers = read_stored(stored, today)
    except InvalidAnswers:
        return Step(Page.START, {}, problem="tampered")
    action, current = form.get("action", ""), form.get("question", "")
    questions = applicable(answers, today)
    if action == "back":
        previous = previous_question(current, answers, today)
        return asking(previous, answers, today) if previous else Step(Page.START, answers)
    if action.startswith("change:") and action[7:] in questions:
        return asking(action[7:], answers, today)
    if action == "convert" and current == "work_years":
        return _convert_part_time(form, answers, today)
    if action == "answer" and current in questions:
        answer = read_answer(current, form, answers, today)
        if isinstance(answer, FieldError):
            return asking(current, answers, today, error=answer, submitted=form)
        answers = prune({**answers, current: answer}, today)
    following = next_question(answers, today)
    if following is not None:
        return asking(following, answers, today)
    if action == "result":
        return Step(Page.RESULT, answers)
    return Step(Page.CHECK, answers)


def resume(answers: dict[str, str], today: date) -> Step:
    """Where answers that arrive whole (the chat's hand-off) continue."""
    following = next_question(answers, today)
    return asking(following, answers, today) if following else Step(Page.CHECK, answers)


def _convert_part_time(form: Mapping[str, str], answers: dict[str, str], today: date) -> Step:
    """The part-time helper on the years-of-work question: hours a week and years -> full-time years."""
    hours = parse_number("parttime_hours", form.get("parttime_hours", ""), MAX_PART_TIME_YEARS)
    years = parse_number("parttime_years", form.get("parttime_years", ""), MAX_PART_TIME_YEARS)
    if not isinstance(hours, float) or not isinstance(years, float):
        error = FieldError("parttime", "parttime_invalid")
        return asking("work_years", answers, today, error=error, submitted=form)
    converted = full_time_years(hours, years)
    return asking(
        "work_years",
        answers,
        today,
        submitted={"work_years": canonical_number(converted).replace(".", ",")},
        converted=converted,
        converted_from=(hours, years),
    )
