"""Every path through the questionnaire over a grid of birth dates, and the decision table a legal
reviewer can diff in a pull request (docs/decisions.csv, written by `flask questionnaire
decisions`; a test fails when it is out of date)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

from app.domain import facts
from app.domain import questionnaire as flow
from app.domain.outcomes import Outcome, Route
from app.domain.rules import assess

# The day the committed table describes: every decision depends on "today".
AS_OF = date(2026, 12, 1)

# Candidate answers per question for the walk: each choice, and the numbers at the rules' edges.
WALK_ANSWERS: dict[str, tuple[str, ...]] = {
    "receives": flow.RECEIVES,
    "residence": flow.YES_NO_UNKNOWN,
    "self_supporting": flow.YES_NO_UNKNOWN,
    "work_years": ("unknown", "10", "19.9", "20", "24.9", "25", "42", "44", "46.5"),
    "weekly_hours": ("unknown", "0", "15", "15.5", "37"),
}


def walk_birth_dates() -> list[date]:
    """Every band edge of folkepensionsalder and tidlig pension, 29 February births, month ends,
    the cases reported by citizens, and the very young and old."""
    found: set[date] = set()
    for band in facts.FOLKEPENSIONSALDER_BANDS:
        found |= {day for day in (band.born_from, band.born_to) if day is not None}
    for tidlig in facts.TIDLIG_PENSION_BANDS:
        found |= {day for day in (tidlig.born_from, tidlig.born_to) if day is not None}
    found |= {date(1956, 2, 29), date(1964, 2, 29), date(1968, 2, 29), date(2008, 2, 29)}
    found |= {date(1965, 8, 31), date(1966, 1, 31), date(1961, 10, 31), date(1954, 3, 31)}
    found |= {date(1965, 3, 12), date(1962, 6, 15), date(1955, 8, 1), date(2009, 6, 1)}
    found |= {date(1930, 1, 1), date(1986, 5, 20), date(2026, 11, 30)}
    return sorted(day for day in found if day <= AS_OF)


def paths(born: date, today: date) -> Iterator[dict[str, str]]:
    """Every complete set of answers the questionnaire can collect for one birth date."""
    stack = [{"birth_date": born.isoformat()}]
    while stack:
        answers = stack.pop()
        question = flow.next_question(answers, today)
        if question is None:
            yield answers
            continue
        for value in WALK_ANSWERS[question]:
            limit = flow.BY_ID[question].limit(born, today)
            if flow.BY_ID[question].kind is flow.Kind.NUMBER and value != flow.UNKNOWN:
                if float(value) > limit:
                    continue
            stack.append(flow.prune({**answers, question: value}, today))


# The personas of the decision table: a few answer profiles a reviewer recognises.
PERSONAS: dict[str, dict[str, str]] = {
    "worn out, long working life": {
        "receives": "none",
        "residence": "yes",
        "self_supporting": "no",
        "work_years": "30",
        "weekly_hours": "10",
    },
    "short working life, little capacity": {
        "receives": "none",
        "residence": "yes",
        "self_supporting": "no",
        "work_years": "15",
        "weekly_hours": "5",
    },
    "very long working life, healthy": {
        "receives": "none",
        "residence": "yes",
        "self_supporting": "yes",
        "work_years": "47",
        "weekly_hours": "37",
    },
    "does not know": {
        "receives": "none",
        "residence": "unknown",
        "self_supporting": "unknown",
        "work_years": "unknown",
        "weekly_hours": "unknown",
    },
    "on efterløn": {
        "receives": "efterloen",
        "residence": "yes",
        "self_supporting": "no",
        "work_years": "40",
        "weekly_hours": "10",
    },
    "on førtidspension": {"receives": "foertidspension", "residence": "yes"},
}
ROUTES = (Route.SENIORPENSION, Route.FOERTIDSPENSION, Route.TIDLIG_PENSION, Route.FOLKEPENSION)
COLUMNS = (
    "persona",
    "birth_date",
    "folkepension_date",
    "folkepension_first_payment",
    "seniorpension_apply_from",
    "seniorpension_first_payment",
    *(f"{route}_{part}" for route in ROUTES for part in ("status", "earliest_payment")),
    "recommended",
)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def table_row(persona: str, born: date, outcome: Outcome) -> dict[str, str]:
    row = {
        "persona": persona,
        "birth_date": born.isoformat(),
        "folkepension_date": _iso(outcome.folkepension_date),
        "folkepension_first_payment": _iso(outcome.folkepension_first_payment),
        "seniorpension_apply_from": _iso(outcome.seniorpension_apply_from),
        "seniorpension_first_payment": _iso(outcome.seniorpension_first_payment),
        "recommended": outcome.recommended.value if outcome.recommended else "",
    }
    for route in ROUTES:
        found = outcome.route(route)
        row[f"{route}_status"] = found.status.value
        row[f"{route}_earliest_payment"] = _iso(found.earliest_payment)
    return row


def decision_table(today: date = AS_OF) -> str:
    """The decision table as CSV: one row per persona and birth date."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for born in walk_birth_dates():
        for persona, profile in PERSONAS.items():
            answers = flow.prune({"birth_date": born.isoformat(), **profile}, today)
            if not flow.is_complete(answers, today):
                continue  # this profile's questions do not apply at this age
            writer.writerow(table_row(persona, born, assess(flow.to_answers(answers), today)))
    return output.getvalue()
