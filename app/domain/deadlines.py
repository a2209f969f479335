"""The deadlines that follow what happened in a pension case: one table of rules, each naming its
§, and the dates they give for the day it happened.

Pure: no Flask, no clock, no translated text. A deadline carries its kind, key, date and §; the
templates and catalogues say what it means and what the citizen can do once it has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.domain import facts
from app.domain.facts import Figure, add_months, first_of_month_after


class Event(StrEnum):
    DECISION_RECEIVED = "decision_received"  # the day the citizen got it
    FOERTIDSPENSION_CASE_MOVED = "foertidspension_case_moved"  # to treatment under pension rules
    SENIORPENSION_APPLICATION_RECEIVED = "seniorpension_application_received"  # by Seniorpension
    TIDLIG_PENSION_APPLICATION_RECEIVED = "tidlig_pension_application_received"  # for the right


class Kind(StrEnum):
    APPEAL = "appeal"  # the citizen's last day to complain
    DECISION = "decision"  # the deciding authority's last day
    REPLY = "reply"  # the last day for another authority to answer the deciding one
    PAYMENT = "payment"  # a 1st of a month a pension is paid from


class Start(StrEnum):
    """The day a rule's period is counted from."""

    EVENT = "event"
    # Seniorpension asks the municipality only after its own first check of age and working years:
    # the day of the application does not tell when, so this deadline gets no date.
    MUNICIPALITY_ASKED = "municipality_asked"


class End(StrEnum):
    """What the date is, once the period is counted."""

    LAST_DAY = "last_day"
    # Pensions are paid from a 1st of a month (§ 33): the one after the period's last day.
    FIRST_OF_MONTH_AFTER = "first_of_month_after"


@dataclass(frozen=True)
class DeadlineRule:
    event: Event
    kind: Kind
    key: str  # stable within the event: the web layer's message keys and the API use it
    figure: Figure  # the period, from facts.FIGURES, with its § (or the agreement that sets it)
    start: Start = Start.EVENT
    end: End = End.LAST_DAY
    # The § when it is another than the figure's: the payment rule that uses a decision's period.
    other_legal_ref: str | None = None

    @property
    def legal_ref(self) -> str:
        return self.other_legal_ref or self.figure.legal_ref

    @property
    def set_by_law(self) -> bool:
        return self.figure.set_by_law

    def due(self, happened: date) -> date | None:
        """None where the period starts on a day `happened` does not tell."""
        if self.start is not Start.EVENT:
            return None
        last_day = _after(happened, self.figure)
        return first_of_month_after(last_day) if self.end is End.FIRST_OF_MONTH_AFTER else last_day


def _after(day: date, period: Figure) -> date:
    """Weeks are whole days; months follow the site's one convention (facts sheet 9.4): a day the
    target month lacks becomes its last day."""
    try:
        if period.unit == "weeks":
            return day + timedelta(weeks=period.value)
        if period.unit == "months":
            return add_months(day, period.value)
    except OverflowError as error:  # past the calendar's last year
        raise ValueError(f"a deadline from {day} falls outside the calendar") from error
    raise ValueError(f"a period in {period.unit!r} is not a deadline")


DEADLINE_RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule(
        Event.DECISION_RECEIVED,
        Kind.APPEAL,
        "appeal",
        facts.APPEAL_WEEKS,
    ),
    DeadlineRule(
        Event.FOERTIDSPENSION_CASE_MOVED,
        Kind.DECISION,
        "decision",
        facts.FOERTIDSPENSION_DECISION_MONTHS,
    ),
    # Only if the pension is granted, and never before the conditions are met (which the event's
    # date does not tell): the web layer says both.
    DeadlineRule(
        Event.FOERTIDSPENSION_CASE_MOVED,
        Kind.PAYMENT,
        "payment_if_late",
        facts.FOERTIDSPENSION_DECISION_MONTHS,
        end=End.FIRST_OF_MONTH_AFTER,
        other_legal_ref=facts.LATE_DECISION_PAYMENT,
    ),
    DeadlineRule(
        Event.SENIORPENSION_APPLICATION_RECEIVED,
        Kind.REPLY,
        "municipality_reply",
        facts.SENIORPENSION_MUNICIPALITY_REPLY_MONTHS,
        start=Start.MUNICIPALITY_ASKED,
    ),
    DeadlineRule(
        Event.SENIORPENSION_APPLICATION_RECEIVED,
        Kind.DECISION,
        "decision",
        facts.SENIORPENSION_DECISION_MONTHS,
    ),
    # As for førtidspension; the earliest payment otherwise depends on the birth date (the
    # seniorpension window) and the day of the decision, neither of which the event tells.
    DeadlineRule(
        Event.SENIORPENSION_APPLICATION_RECEIVED,
        Kind.PAYMENT,
        "payment_if_late",
        facts.SENIORPENSION_DECISION_MONTHS,
        end=End.FIRST_OF_MONTH_AFTER,
        other_legal_ref=facts.LATE_DECISION_PAYMENT,
    ),
    # The right only: the start is a second application with its own notice, and the payment rule
    # for tidlig pension has none for a late decision.
    DeadlineRule(
        Event.TIDLIG_PENSION_APPLICATION_RECEIVED,
        Kind.DECISION,
        "decision",
        facts.TIDLIG_PENSION_DECISION_MONTHS,
    ),
)


@dataclass(frozen=True)
class Deadline:
    kind: Kind
    key: str
    date: date | None  # None where the period starts on a day the event does not tell
    legal_ref: str
    set_by_law: bool
    figure: Figure  # the period, for the page to state in words
    start: Start


def deadlines(event: Event, happened: date) -> tuple[Deadline, ...]:
    """Every deadline that follows `event` on the day `happened`, in the table's order. A day so
    late that a deadline falls past the calendar raises ValueError."""
    return tuple(
        Deadline(
            rule.kind,
            rule.key,
            rule.due(happened),
            rule.legal_ref,
            rule.set_by_law,
            rule.figure,
            rule.start,
        )
        for rule in DEADLINE_RULES
        if rule.event is event
    )


# A case this old has no deadline still running that the tool could help with.
EARLIEST_EVENT_YEAR = 2000


def parse_event_date(day: str, month: str, year: str, today: date) -> date | str:
    """The day the event happened, from a form's three fields, or the key of what is wrong."""
    parts = [part.strip() for part in (day, month, year)]
    if not all(parts):
        return "date_missing"
    if not all(part.isdigit() and len(part) <= 4 for part in parts):
        return "date_not_numbers"
    try:
        happened = date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return "date_does_not_exist"
    if happened > today:
        return "date_in_future"
    if happened.year < EARLIEST_EVENT_YEAR:
        return "date_too_old"
    return happened
