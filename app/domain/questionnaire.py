"""The questionnaire as data: one table of questions (kind, choices or limits, unit, when it
applies), one parser per kind shared by the form, the hidden fields, the sealed link and the API, and
which questions apply. The step machine that walks it is app/domain/steps.py. Answers are canonical strings keyed
by question id, as the form carries them; errors are message keys. The web layer renders; the
rules (app/domain/rules.py) decide."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.facts import folkepensionsalder_date
from app.domain.outcomes import Answers, Receives, YesNo
from app.domain.rules import age_on

UNKNOWN = "unknown"
OLDEST_BIRTH_YEAR = 1900
MAX_WEEKLY_HOURS = 80
MAX_PART_TIME_YEARS = 80
MIN_WORKING_AGE = 14
ADULT_AGE = 18
# A number as citizens write it: "12", "12,5", "12.5", with or without a unit ("30 år", "10 timer").
_NUMBER = re.compile(
    r"^(?P<number>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:år|aar|years?|yrs?|timer|time|t|hours?|h)?\.?$",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Kind(StrEnum):
    DATE = "date"
    CHOICE = "choice"
    NUMBER = "number"


@dataclass(frozen=True)
class FieldError:
    field: str
    key: str


class InvalidAnswers(ValueError):
    """Stored answers that do not parse: the form was tampered with or is from an older version."""


Applies = Callable[[Mapping[str, str], date, date], bool]  # answers so far, birth date, today


@dataclass(frozen=True)
class Question:
    id: str
    kind: Kind
    applies: Applies
    choices: tuple[str, ...] = ()
    unit: str = ""  # "years" or "hours" for numbers
    dont_know: bool = False  # a "Ved ikke" checkbox
    maximum: Callable[[date, date], float] | None = None  # (birth date, today) -> the largest

    def limit(self, born: date | None, today: date) -> float:
        if self.maximum is None or born is None:
            return float(MAX_WEEKLY_HOURS if self.unit == "hours" else 100)
        return self.maximum(born, today)


def max_work_years(birth_date: date, today: date) -> float:
    return float(max(age_on(birth_date, today) - MIN_WORKING_AGE, 0))


def _always(_answers: Mapping[str, str], _born: date, _today: date) -> bool:
    return True


def _not_on_folkepension(answers: Mapping[str, str], _born: date, _today: date) -> bool:
    return answers.get("receives") != Receives.FOLKEPENSION


def _before_folkepension(answers: Mapping[str, str], born: date, today: date) -> bool:
    return (
        _not_on_folkepension(answers, born, today)
        and "receives" in answers
        and today < folkepensionsalder_date(born)
        and age_on(born, today) >= ADULT_AGE
    )


def _may_seek_foertidspension(answers: Mapping[str, str], born: date, today: date) -> bool:
    return _before_folkepension(answers, born, today) and answers.get("receives") not in (
        Receives.FOERTIDSPENSION,
        Receives.TIDLIG_PENSION,
    )


def _counts_working_life(answers: Mapping[str, str], born: date, today: date) -> bool:
    return _before_folkepension(answers, born, today) and answers.get("receives") in (
        Receives.NONE,
        Receives.EFTERLOEN,
    )


YES_NO_UNKNOWN = tuple(choice.value for choice in YesNo)
RECEIVES = tuple(choice.value for choice in Receives)

# The questions in the order they are asked; each applies when its predicate says so.
QUESTIONS_TABLE: tuple[Question, ...] = (
    Question("birth_date", Kind.DATE, _always),
    Question("receives", Kind.CHOICE, _always, choices=RECEIVES),
    Question("residence", Kind.CHOICE, _not_on_folkepension, choices=YES_NO_UNKNOWN),
    Question("self_supporting", Kind.CHOICE, _may_seek_foertidspension, choices=YES_NO_UNKNOWN),
    Question(
        "work_years",
        Kind.NUMBER,
        _counts_working_life,
        unit="years",
        dont_know=True,
        maximum=max_work_years,
    ),
    Question(
        "weekly_hours",
        Kind.NUMBER,
        _counts_working_life,
        unit="hours",
        dont_know=True,
        maximum=lambda _born, _today: float(MAX_WEEKLY_HOURS),
    ),
)
BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS_TABLE}
QUESTIONS: tuple[str, ...] = tuple(BY_ID)


# --- one parser per kind -------------------------------------------------------------------------


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


def parse_choice(field_name: str, value: str, choices: tuple[str, ...]) -> str | FieldError:
    value = value.strip()
    if not value:
        return FieldError(field_name, "choose_one")
    if value not in choices:
        return FieldError(field_name, "choice_unknown")
    return value


def parse_number(field_name: str, value: str, maximum: float) -> float | None | FieldError:
    """A number as citizens write it ("12", "12,5", "12.5", "30 år", "10 timer"); "unknown" for
    "don't know" (None)."""
    value = " ".join(value.split())
    if value == UNKNOWN:
        return None
    if not value:
        return FieldError(field_name, "number_missing")
    if value.startswith("-"):
        return FieldError(field_name, "number_negative")
    match = _NUMBER.match(value)
    if not match:
        return FieldError(field_name, "number_invalid")
    number = float(match["number"].replace(",", "."))
    if number > maximum:
        return FieldError(field_name, "number_too_big")
    return number


def canonical_number(number: float) -> str:
    return f"{number:g}"


def parse_stored(question: Question, value: str, born: date | None, today: date) -> str:
    """One stored answer (hidden field, sealed link or API) as its canonical string."""
    if question.kind is Kind.DATE:
        parsed_date = _iso_date(value)
        if parsed_date is None or parsed_date > today or parsed_date.year < OLDEST_BIRTH_YEAR:
            raise InvalidAnswers(question.id)
        return parsed_date.isoformat()
    if question.kind is Kind.CHOICE:
        choice = parse_choice(question.id, value, question.choices)
        if isinstance(choice, FieldError):
            raise InvalidAnswers(question.id)
        return choice
    number = parse_number(question.id, value, question.limit(born, today))
    if isinstance(number, FieldError):
        raise InvalidAnswers(question.id)
    return UNKNOWN if number is None else canonical_number(number)


def _iso_date(value: str) -> date | None:
    if not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# --- which questions apply ------------------------------------------------------------------------


def applicable(answers: Mapping[str, str], today: date) -> list[str]:
    """The questions that matter for this citizen, given the answers so far, in order."""
    born = _iso_date(answers.get("birth_date", ""))
    if born is None:
        return ["birth_date"]
    return [question.id for question in QUESTIONS_TABLE if question.applies(answers, born, today)]


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


def is_complete(answers: Mapping[str, str], today: date) -> bool:
    return next_question(answers, today) is None


# --- reading answers ------------------------------------------------------------------------------


def read_stored(raw: Mapping[str, str], today: date) -> dict[str, str]:
    """Answers carried in hidden fields or a sealed link, checked as strictly as new ones and
    written canonically ("40,5" -> "40.5"): anything that does not parse is refused."""
    answers = {key: value for key, value in raw.items() if key in BY_ID}
    born = None
    if "birth_date" in answers:
        answers["birth_date"] = parse_stored(
            BY_ID["birth_date"], answers["birth_date"], None, today
        )
        born = date.fromisoformat(answers["birth_date"])
    for key in list(answers):
        if key != "birth_date":
            answers[key] = parse_stored(BY_ID[key], answers[key], born, today)
    return prune(answers, today)


def read_answer(
    question: str, form: Mapping[str, str], answers: Mapping[str, str], today: date
) -> str | FieldError:
    """The submitted answer to one question as its canonical string, or the error to show."""
    asked = BY_ID[question]
    if asked.kind is Kind.DATE:
        parsed = parse_birth_date(
            form.get("birth_day", ""),
            form.get("birth_month", ""),
            form.get("birth_year", ""),
            today,
        )
        return parsed if isinstance(parsed, FieldError) else parsed.isoformat()
    if asked.kind is Kind.CHOICE:
        return parse_choice(question, form.get(question, ""), asked.choices)
    if asked.dont_know and form.get(f"{question}_unknown") == UNKNOWN:
        return UNKNOWN
    born = _iso_date(answers.get("birth_date", ""))
    parsed_number = parse_number(question, form.get(question, ""), asked.limit(born, today))
    if isinstance(parsed_number, FieldError):
        return parsed_number
    return UNKNOWN if parsed_number is None else canonical_number(parsed_number)


def to_answers(answers: Mapping[str, str]) -> Answers:
    """Checked answers (see read_stored) as the typed Answers the rules take."""
    born = _iso_date(answers.get("birth_date", ""))
    if born is None:
        raise InvalidAnswers("birth_date")

    def number(key: str) -> float | None:
        value = answers.get(key, UNKNOWN)
        parsed = parse_number(key, value, float("inf"))
        if isinstance(parsed, FieldError):
            raise InvalidAnswers(key)
        return parsed

    return Answers(
        birth_date=born,
        work_years=number("work_years"),
        weekly_hours=number("weekly_hours"),
        self_supporting=YesNo(answers.get("self_supporting", YesNo.UNKNOWN)),
        residence=YesNo(answers.get("residence", YesNo.UNKNOWN)),
        receives=Receives(answers.get("receives", Receives.NONE)),
    )


def answers_from_query(query: Mapping[str, str], today: date) -> tuple[Answers, FieldError | None]:
    """The eligibility API's parameters, read by the questionnaire's own parsers."""
    raw_birth = query.get("birth_date", "").strip()
    if not raw_birth:
        return _EMPTY, FieldError("birth_date", "date_missing")
    if not _ISO_DATE.match(raw_birth):
        return _EMPTY, FieldError("birth_date", "date_does_not_exist")
    year, month, day = raw_birth.split("-")
    born = parse_birth_date(day, month, year, today)
    if isinstance(born, FieldError):
        return _EMPTY, born
    answers: dict[str, str] = {"birth_date": born.isoformat()}
    for question in QUESTIONS_TABLE[1:]:
        if question.id not in query:
            continue
        value = query[question.id]
        if question.kind is Kind.CHOICE:
            choice = parse_choice(question.id, value, question.choices)
            if isinstance(choice, FieldError):
                return _EMPTY, FieldError(question.id, "choice_unknown")
            answers[question.id] = choice
            continue
        number = parse_number(question.id, value, question.limit(born, today))
        if isinstance(number, FieldError):
            key = "number_invalid" if number.key == "number_missing" else number.key
            return _EMPTY, FieldError(question.id, key)
        answers[question.id] = UNKNOWN if number is None else canonical_number(number)
    return to_answers(answers), None


_EMPTY = Answers(date(1970, 1, 1))
