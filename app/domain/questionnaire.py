"""The questionnaire's flow, pure: which questions apply, how answers are read and checked, and
which question comes next. Answers are raw strings keyed by question id, as the form carries them;
errors are message keys. Views render; rules decide."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.facts import folkepensionsalder_date
from app.domain.rules import Answers, Receives, YesNo, age_on

QUESTIONS: tuple[str, ...] = (
    "birth_date",
    "receives",
    "residence",
    "self_supporting",
    "work_years",
    "weekly_hours",
)
YES_NO_UNKNOWN = tuple(choice.value for choice in YesNo)
RECEIVES = tuple(choice.value for choice in Receives)
UNKNOWN = "unknown"
OLDEST_BIRTH_YEAR = 1900
MAX_WEEKLY_HOURS = 80
MIN_WORKING_AGE = 14
_NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class FieldError:
    field: str
    key: str


class InvalidAnswers(ValueError):
    """Stored answers that do not parse: the form was tampered with or is from an older version."""


def parse_birth_date(day: str, month: str, year: str, today: date) -> date | FieldError:
    parts = [part.strip() for part in (day, month, year)]
    if not all(parts):
        return FieldError("birth_date", "date_missing")
    if not all(part.isdigit() and len(part) <= 4 for part in parts):
        return FieldError("birth_date", "date_not_numbers")
    try:
        born = date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return FieldError("birth_date", "date_does_not_exist")
    if born > today:
        return FieldError("birth_date", "date_in_future")
    if born.year < OLDEST_BIRTH_YEAR:
        return FieldError("birth_date", "date_too_old")
    return born


def parse_choice(field: str, value: str, choices: tuple[str, ...]) -> str | FieldError:
    value = value.strip()
    if not value:
        return FieldError(field, "choose_one")
    if value not in choices:
        return FieldError(field, "choice_unknown")
    return value


def parse_number(field: str, value: str, maximum: float) -> float | None | FieldError:
    """A number such as "12" or "12,5"; "unknown" for "don't know" (None)."""
    value = value.strip().replace(" ", "")
    if value == UNKNOWN:
        return None
    if not value:
        return FieldError(field, "number_missing")
    if value.startswith("-"):
        return FieldError(field, "number_negative")
    if not _NUMBER.match(value):
        return FieldError(field, "number_invalid")
    number = float(value.replace(",", "."))
    if number > maximum:
        return FieldError(field, "number_too_big")
    return number


def max_work_years(birth_date: date, today: date) -> float:
    return float(max(age_on(birth_date, today) - MIN_WORKING_AGE, 0))


def applicable(answers: Mapping[str, str], today: date) -> list[str]:
    """The questions that matter for this citizen, given the answers so far, in order."""
    questions = ["birth_date"]
    born = _stored_birth_date(answers)
    if born is None:
        return questions
    questions.append("receives")
    receives = answers.get("receives")
    if receives == Receives.FOLKEPENSION:
        return questions
    questions.append("residence")
    if today >= folkepensionsalder_date(born) or receives is None:
        return questions
    adult = age_on(born, today) >= 18
    if adult and receives not in (Receives.FOERTIDSPENSION, Receives.TIDLIG_PENSION):
        questions.append("self_supporting")
    if adult and receives in (Receives.NONE, Receives.EFTERLOEN):
        questions.extend(["work_years", "weekly_hours"])
    return questions


def prune(answers: Mapping[str, str], today: date) -> dict[str, str]:
    """Drop answers to questions that no longer apply, so they cannot sway the result."""
    kept = dict(answers)
    while True:
        wanted = set(applicable(kept, today))
        pruned = {key: value for key, value in kept.items() if key in wanted}
        if pruned == kept:
            return pruned
        kept = pruned


def next_question(answers: Mapping[str, str], today: date) -> str | None:
    """The first applicable question without an answer; None when all are answered."""
    return next((q for q in applicable(answers, today) if q not in answers), None)


def previous_question(current: str, answers: Mapping[str, str], today: date) -> str | None:
    questions = applicable(answers, today)
    if current not in questions:
        return questions[-1] if questions else None
    index = questions.index(current)
    return questions[index - 1] if index > 0 else None


def _stored_birth_date(answers: Mapping[str, str]) -> date | None:
    value = answers.get("birth_date", "")
    if not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def read_stored(raw: Mapping[str, str], today: date) -> dict[str, str]:
    """Answers carried in hidden fields, checked as strictly as new ones: a tampered form is refused."""
    answers = {key: value for key, value in raw.items() if key in QUESTIONS}
    if "birth_date" in answers:
        born = _stored_birth_date(answers)
        if born is None or born > today or born.year < OLDEST_BIRTH_YEAR:
            raise InvalidAnswers("birth_date")
    checks = {
        "receives": lambda v: parse_choice("receives", v, RECEIVES),
        "residence": lambda v: parse_choice("residence", v, YES_NO_UNKNOWN),
        "self_supporting": lambda v: parse_choice("self_supporting", v, YES_NO_UNKNOWN),
        "work_years": lambda v: parse_number("work_years", v, 100),
        "weekly_hours": lambda v: parse_number("weekly_hours", v, MAX_WEEKLY_HOURS),
    }
    for key, check in checks.items():
        if key in answers and isinstance(check(answers[key]), FieldError):
            raise InvalidAnswers(key)
    return prune(answers, today)


def read_answer(
    question: str, form: Mapping[str, str], answers: Mapping[str, str], today: date
) -> str | FieldError:
    """The submitted answer to one question as its canonical string, or the error to show."""
    if question == "birth_date":
        parsed = parse_birth_date(
            form.get("birth_day", ""),
            form.get("birth_month", ""),
            form.get("birth_year", ""),
            today,
        )
        return parsed if isinstance(parsed, FieldError) else parsed.isoformat()
    if question == "receives":
        return parse_choice(question, form.get(question, ""), RECEIVES)
    if question in ("residence", "self_supporting"):
        return parse_choice(question, form.get(question, ""), YES_NO_UNKNOWN)
    if question in ("work_years", "weekly_hours"):
        if form.get(f"{question}_unknown") == UNKNOWN:
            return UNKNOWN
        born = _stored_birth_date(answers)
        maximum = (
            MAX_WEEKLY_HOURS
            if question == "weekly_hours"
            else max_work_years(born, today)
            if born
            else 100.0
        )
        parsed = parse_number(question, form.get(question, ""), maximum)
        if isinstance(parsed, FieldError):
            return parsed
        return UNKNOWN if parsed is None else _canonical_number(parsed)
    raise KeyError(question)


def _canonical_number(number: float) -> str:
    return f"{number:g}"


def to_answers(answers: Mapping[str, str]) -> Answers:
    """Checked raw answers (see read_stored) as the typed Answers the rules take."""
    born = _stored_birth_date(answers)
    if born is None:
        raise InvalidAnswers("birth_date")

    def number(key: str) -> float | None:
        value = answers.get(key, UNKNOWN)
        return None if value == UNKNOWN else float(value)

    return Answers(
        birth_date=born,
        work_years=number("work_years"),
        weekly_hours=number("weekly_hours"),
        self_supporting=YesNo(answers.get("self_supporting", YesNo.UNKNOWN)),
        residence=YesNo(answers.get("residence", YesNo.UNKNOWN)),
        receives=Receives(answers.get("receives", Receives.NONE)),
    )


def is_complete(answers: Mapping[str, str], today: date) -> bool:
    return next_question(answers, today) is None


def answers_from_query(query: Mapping[str, str], today: date) -> tuple[Answers, FieldError | None]:
    """The eligibility API's parameters, checked with the questionnaire's own rules."""
    raw_birth = query.get("birth_date", "").strip()
    if not raw_birth:
        return _EMPTY, FieldError("birth_date", "date_missing")
    if not _ISO_DATE.match(raw_birth):
        return _EMPTY, FieldError("birth_date", "date_does_not_exist")
    parts = raw_birth.split("-")
    born = parse_birth_date(parts[2], parts[1], parts[0], today)
    if isinstance(born, FieldError):
        return _EMPTY, born
    answers: dict[str, str] = {"birth_date": born.isoformat()}
    choices = {"receives": RECEIVES, "residence": YES_NO_UNKNOWN, "self_supporting": YES_NO_UNKNOWN}
    for key, allowed in choices.items():
        if key in query:
            parsed = parse_choice(key, query[key], allowed)
            if isinstance(parsed, FieldError):
                return _EMPTY, FieldError(key, "choice_unknown")
            answers[key] = parsed
    limits = {"work_years": max_work_years(born, today), "weekly_hours": float(MAX_WEEKLY_HOURS)}
    for key, maximum in limits.items():
        if key in query:
            parsed_number = parse_number(key, query[key].replace(",", "."), maximum)
            if isinstance(parsed_number, FieldError):
                key_error = (
                    "number_invalid" if parsed_number.key == "number_missing" else parsed_number.key
                )
                return _EMPTY, FieldError(key, key_error)
            answers[key] = UNKNOWN if parsed_number is None else _canonical_number(parsed_number)
    return to_answers(answers), None


_EMPTY = Answers(date(1970, 1, 1))
