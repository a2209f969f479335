"""What would change a result: for each route, the one or two answers that, if different, would
give it a better status, worked out by running the rules again, never written by hand. It is what
an advisor does at the table ("if you can work at most 15 hours a week, seniorpension fits")."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain import facts
from app.domain import questionnaire as flow
from app.domain.outcomes import Route, Status, YesNo
from app.domain.rules import assess

# From worst to best: a change counts when it moves a route to the right.
_ORDER = (Status.NO, Status.NOT_ON_ANSWERS, Status.NOT_YET, Status.UNKNOWN, Status.YES)
MAX_CHANGES = 2


@dataclass(frozen=True)
class Change:
    question: str
    value: str  # the canonical answer that would change the route's status
    status: Status  # the route's status with that answer


def _candidates(question: str, answers: Mapping[str, str], today: date) -> list[str]:
    """The answers worth trying for one question: the thresholds the rules use."""
    if question == "residence":
        return [YesNo.YES.value]
    if question == "self_supporting":
        return [YesNo.NO.value]
    if question == "weekly_hours":
        return [flow.canonical_number(facts.SENIORPENSION_MAX_WEEKLY_HOURS.value)]
    if question == "work_years":
        born = date.fromisoformat(answers["birth_date"])
        values = {
            float(facts.SENIORPENSION_MIN_WORK_YEARS.value),
            float(facts.SENIORPENSION_FULL_WORK_YEARS.value),
        }
        band = facts.tidlig_pension_band(born)
        if band is not None and band.seniority_years is not None:
            # Years since the cut-off (negative before it): with that many more or fewer years in
            # all, the range of seniority (app/domain/seniority.py) reaches each figure of § 26 h.
            since = (today - band.cutoff(born)).days / 365.25
            values |= {math.ceil((required + since) * 10) / 10 for required in band.seniority_years}
        limit = flow.BY_ID["work_years"].limit(born, today)
        return [flow.canonical_number(value) for value in sorted(values) if value <= limit]
    return []  # the birth date and what one receives are facts, not answers to weigh


def what_would_change(answers: Mapping[str, str], today: date) -> dict[Route, list[Change]]:
    """Per route, up to MAX_CHANGES single-answer changes that would improve its status, best
    first; nothing for a route that already fits."""
    base = {route.route: route.status for route in assess(flow.to_answers(answers), today).routes}
    found: dict[Route, list[Change]] = {route: [] for route in base}
    for question in flow.applicable(answers, today):
        for value in _candidates(question, answers, today):
            if answers.get(question) == value:
                continue
            changed = flow.prune({**answers, question: value}, today)
            if flow.next_question(changed, today) is not None:
                continue
            for outcome in assess(flow.to_answers(changed), today).routes:
                if _ORDER.index(outcome.status) > _ORDER.index(base[outcome.route]):
                    found[outcome.route].append(Change(question, value, outcome.status))
    return {
        route: _best(changes) for route, changes in found.items() if base[route] is not Status.YES
    }


def _best(changes: list[Change]) -> list[Change]:
    """The best change for each question (the smallest that gives that status), best first."""
    per_question: dict[str, Change] = {}
    for change in changes:
        kept = per_question.get(change.question)
        if kept is None or _ORDER.index(change.status) > _ORDER.index(kept.status):
            per_question[change.question] = change
    ranked = sorted(per_question.values(), key=lambda change: -_ORDER.index(change.status))
    return ranked[:MAX_CHANGES]
