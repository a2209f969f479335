"""Deadlines against the law, typed in here from the statute and computed by hand (never imported
from the table under test)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import facts
from app.domain.deadlines import (
    DEADLINE_RULES,
    Event,
    Kind,
    Start,
    deadlines,
)

ACT = "Lov om social pension"


def due(event: Event, key: str, happened: date) -> date | None:
    return next(deadline.date for deadline in deadlines(event, happened) if deadline.key == key)


def every_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


DAYS_2026_TO_2028 = every_day(date(2026, 1, 1), date(2028, 12, 31))

# --- what the table holds -------------------------------------------------------------------

# (event, kind, key, legal reference, figure's value and unit, set by law), typed from the facts
# sheet: retssikkerhedsloven § 67; PL §§ 21, 26 d, 26 r, 33; the KL-Seniorpension agreement.
LAW = [
    (Event.DECISION_RECEIVED, Kind.APPEAL, "appeal", "Retssikkerhedsloven § 67", 4, "weeks", True),
    (
        Event.FOERTIDSPENSION_CASE_MOVED,
        Kind.DECISION,
        "decision",
        f"{ACT} § 21",
        3,
        "months",
        True,
    ),
    (
        Event.FOERTIDSPENSION_CASE_MOVED,
        Kind.PAYMENT,
        "payment_if_late",
        f"{ACT} § 33, stk. 2",
        3,
        "months",
        True,
    ),
    (
        Event.SENIORPENSION_APPLICATION_RECEIVED,
        Kind.REPLY,
        "municipality_reply",
        "Samarbejdsaftale mellem KL og Seniorpension",
        3,
        "months",
        False,
    ),
    (
        Event.SENIORPENSION_APPLICATION_RECEIVED,
        Kind.DECISION,
        "decision",
        f"{ACT} § 26 d, stk. 2",
        6,
        "months",
        True,
    ),
    (
        Event.SENIORPENSION_APPLICATION_RECEIVED,
        Kind.PAYMENT,
        "payment_if_late",
        f"{ACT} § 33, stk. 2",
        6,
        "months",
        True,
    ),
    (
        Event.TIDLIG_PENSION_APPLICATION_RECEIVED,
        Kind.DECISION,
        "decision",
        f"{ACT} § 26 r",
        6,
        "months",
        True,
    ),
]


def test_the_table_holds_exactly_the_deadlines_of_the_law() -> None:
    found = [
        (
            rule.event,
            rule.kind,
            rule.key,
            rule.legal_ref,
            rule.figure.value,
            rule.figure.unit,
            rule.set_by_law,
        )
        for rule in DEADLINE_RULES
    ]
    assert found == LAW


def test_the_events_and_kinds_are_the_ones_the_api_names() -> None:
    assert {str(event) for event in Event} == {
        "decision_received",
        "foertidspension_case_moved",
        "seniorpension_application_received",
        "tidlig_pension_application_received",
    }
    assert {str(kind) for kind in Kind} == {"appeal", "decision", "reply", "payment"}


def test_every_event_has_a_deadline_and_each_key_is_used_once_per_event() -> None:
    for event in Event:
        keys = [rule.key for rule in DEADLINE_RULES if rule.event is event]
        assert keys, event
        assert len(keys) == len(set(keys)), event


def test_every_rule_names_its_paragraph_or_the_agreement_that_sets_it() -> None:
    for rule in DEADLINE_RULES:
        assert rule.legal_ref.strip(), rule.key
        if rule.set_by_law:
            assert "§" in rule.legal_ref, rule
        else:
            # An agreed deadline names its source and never passes for a §.
            assert "§" not in rule.legal_ref, rule
            assert not rule.figure.set_by_law, rule


def test_every_figure_a_rule_uses_lives_in_the_facts_module() -> None:
    figures = list(facts.FIGURES.values())
    for rule in DEADLINE_RULES:
        assert any(rule.figure is figure for figure in figures), rule.key


def test_a_deadline_carries_its_rule() -> None:
    (appeal,) = deadlines(Event.DECISION_RECEIVED, date(2026, 3, 2))
    assert appeal.kind is Kind.APPEAL
    assert appeal.key == "appeal"
    assert appeal.date == date(2026, 3, 30)
    assert appeal.legal_ref == "Retssikkerhedsloven § 67"
    assert appeal.set_by_law is True
    assert (appeal.figure.value, appeal.figure.unit) == (4, "weeks")
    assert appeal.start is Start.EVENT


def test_deadlines_come_in_the_order_a_case_meets_them() -> None:
    found = [d.key for d in deadlines(Event.SENIORPENSION_APPLICATION_RECEIVED, date(2026, 1, 5))]
    assert found == ["municipality_reply", "decision", "payment_if_late"]
    found = [d.key for d in deadlines(Event.FOERTIDSPENSION_CASE_MOVED, date(2026, 1, 5))]
    assert found == ["decision", "payment_if_late"]


# --- the law's own examples -------------------------------------------------------------------


def test_complaint_within_four_weeks_of_receipt() -> None:
    # Retssikkerhedsloven § 67: 4 weeks = 28 days from the day the decision was received.
    assert due(Event.DECISION_RECEIVED, "appeal", date(2026, 1, 31)) == date(2026, 2, 28)
    assert due(Event.DECISION_RECEIVED, "appeal", date(2026, 6, 15)) == date(2026, 7, 13)


def test_foertidspension_decision_within_three_months_of_the_case_moving() -> None:
    # PL § 21, and the site's convention (facts sheet 9.4): 30 November + 3 months = 28 February.
    moved = date(2026, 11, 30)
    assert due(Event.FOERTIDSPENSION_CASE_MOVED, "decision", moved) == date(2027, 2, 28)
    # PL § 33, stk. 2: a late decision pays from the 1st of the month after the deadline.
    assert due(Event.FOERTIDSPENSION_CASE_MOVED, "payment_if_late", moved) == date(2027, 3, 1)


def test_seniorpension_decision_within_six_months_of_receipt() -> None:
    received = date(2026, 3, 12)
    assert due(Event.SENIORPENSION_APPLICATION_RECEIVED, "decision", received) == date(2026, 9, 12)
    assert due(Event.SENIORPENSION_APPLICATION_RECEIVED, "payment_if_late", received) == date(
        2026, 10, 1
    )


def test_the_municipality_reply_is_an_agreed_deadline_without_a_date_from_the_application() -> None:
    (reply,) = [
        d
        for d in deadlines(Event.SENIORPENSION_APPLICATION_RECEIVED, date(2026, 3, 12))
        if d.key == "municipality_reply"
    ]
    assert reply.kind is Kind.REPLY
    assert reply.date is None
    assert reply.set_by_law is False
    assert reply.start is Start.MUNICIPALITY_ASKED
    assert (reply.figure.value, reply.figure.unit) == (3, "months")


def test_tidlig_pension_right_within_six_months() -> None:
    received = date(2026, 8, 31)
    assert due(Event.TIDLIG_PENSION_APPLICATION_RECEIVED, "decision", received) == date(2027, 2, 28)


def test_a_case_moved_on_the_first_pays_from_the_month_after_the_deadline_day() -> None:
    # The deadline's last day is itself a 1st; the pay starts the month after it (§ 33, stk. 2).
    moved = date(2026, 1, 1)
    assert due(Event.FOERTIDSPENSION_CASE_MOVED, "decision", moved) == date(2026, 4, 1)
    assert due(Event.FOERTIDSPENSION_CASE_MOVED, "payment_if_late", moved) == date(2026, 5, 1)


# --- every month end of a year, computed by hand ---------------------------------------------

# happened: (appeal +4 weeks, førtidspension decision +3 months, its payment if late,
#            seniorpension and tidlig pension decision +6 months, seniorpension payment if late)
MONTH_ENDS = {
    date(2026, 1, 31): (
        date(2026, 2, 28),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 7, 31),
        date(2026, 8, 1),
    ),
    date(2026, 2, 28): (
        date(2026, 3, 28),
        date(2026, 5, 28),
        date(2026, 6, 1),
        date(2026, 8, 28),
        date(2026, 9, 1),
    ),
    date(2026, 3, 31): (
        date(2026, 4, 28),
        date(2026, 6, 30),
        date(2026, 7, 1),
        date(2026, 9, 30),
        date(2026, 10, 1),
    ),
    date(2026, 4, 30): (
        date(2026, 5, 28),
        date(2026, 7, 30),
        date(2026, 8, 1),
        date(2026, 10, 30),
        date(2026, 11, 1),
    ),
    date(2026, 5, 31): (
        date(2026, 6, 28),
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 11, 30),
        date(2026, 12, 1),
    ),
    date(2026, 6, 30): (
        date(2026, 7, 28),
        date(2026, 9, 30),
        date(2026, 10, 1),
        date(2026, 12, 30),
        date(2027, 1, 1),
    ),
    date(2026, 7, 31): (
        date(2026, 8, 28),
        date(2026, 10, 31),
        date(2026, 11, 1),
        date(2027, 1, 31),
        date(2027, 2, 1),
    ),
    date(2026, 8, 31): (
        date(2026, 9, 28),
        date(2026, 11, 30),
        date(2026, 12, 1),
        date(2027, 2, 28),
        date(2027, 3, 1),
    ),
    date(2026, 9, 30): (
        date(2026, 10, 28),
        date(2026, 12, 30),
        date(2027, 1, 1),
        date(2027, 3, 30),
        date(2027, 4, 1),
    ),
    date(2026, 10, 31): (
        date(2026, 11, 28),
        date(2027, 1, 31),
        date(2027, 2, 1),
        date(2027, 4, 30),
        date(2027, 5, 1),
    ),
    date(2026, 11, 30): (
        date(2026, 12, 28),
        date(2027, 2, 28),
        date(2027, 3, 1),
        date(2027, 5, 30),
        date(2027, 6, 1),
    ),
    date(2026, 12, 31): (
        date(2027, 1, 28),
        date(2027, 3, 31),
        date(2027, 4, 1),
        date(2027, 6, 30),
        date(2027, 7, 1),
    ),
    # A leap year: the 29th exists, and a deadline can land on it.
    date(2028, 2, 29): (
        date(2028, 3, 28),
        date(2028, 5, 29),
        date(2028, 6, 1),
        date(2028, 8, 29),
        date(2028, 9, 1),
    ),
    date(2027, 11, 30): (
        date(2027, 12, 28),
        date(2028, 2, 29),
        date(2028, 3, 1),
        date(2028, 5, 30),
        date(2028, 6, 1),
    ),
    date(2027, 8, 31): (
        date(2027, 9, 28),
        date(2027, 11, 30),
        date(2027, 12, 1),
        date(2028, 2, 29),
        date(2028, 3, 1),
    ),
    date(2028, 2, 1): (
        date(2028, 2, 29),
        date(2028, 5, 1),
        date(2028, 6, 1),
        date(2028, 8, 1),
        date(2028, 9, 1),
    ),
}


@pytest.mark.parametrize(
    ("happened", "expected"),
    [pytest.param(day, dates, id=day.isoformat()) for day, dates in MONTH_ENDS.items()],
)
def test_every_deadline_at_month_ends_and_on_29_february(
    happened: date, expected: tuple[date, date, date, date, date]
) -> None:
    appeal, foertid, foertid_paid, senior, senior_paid = expected
    assert due(Event.DECISION_RECEIVED, "appeal", happened) == appeal
    assert due(Event.FOERTIDSPENSION_CASE_MOVED, "decision", happened) == foertid
    assert due(Event.FOERTIDSPENSION_CASE_MOVED, "payment_if_late", happened) == foertid_paid
    assert due(Event.SENIORPENSION_APPLICATION_RECEIVED, "decision", happened) == senior
    assert due(Event.SENIORPENSION_APPLICATION_RECEIVED, "payment_if_late", happened) == senior_paid
    assert due(Event.TIDLIG_PENSION_APPLICATION_RECEIVED, "decision", happened) == senior


# --- properties over every day of three years -----------------------------------------------


def test_every_payment_date_is_a_first_of_a_month_after_the_deadline() -> None:
    for happened in DAYS_2026_TO_2028:
        for event in Event:
            found = {d.key: d for d in deadlines(event, happened)}
            for deadline in found.values():
                if deadline.kind is not Kind.PAYMENT:
                    continue
                assert deadline.date is not None and deadline.date.day == 1, (event, happened)
                decided_by = found["decision"].date
                assert decided_by is not None
                # The month after the decision's last day, never that month itself.
                assert 0 < (deadline.date - decided_by).days <= 31, (event, happened)


def test_four_weeks_are_always_twenty_eight_days() -> None:
    for happened in DAYS_2026_TO_2028:
        appeal = due(Event.DECISION_RECEIVED, "appeal", happened)
        assert appeal is not None and (appeal - happened).days == 28, happened


@pytest.mark.parametrize(
    ("event", "months"),
    [
        (Event.FOERTIDSPENSION_CASE_MOVED, 3),
        (Event.SENIORPENSION_APPLICATION_RECEIVED, 6),
        (Event.TIDLIG_PENSION_APPLICATION_RECEIVED, 6),
    ],
)
def test_a_decision_deadline_is_in_the_right_month_and_never_moves_back(
    event: Event, months: int
) -> None:
    previous = None
    for happened in DAYS_2026_TO_2028:
        decided_by = due(event, "decision", happened)
        assert decided_by is not None
        month_count = (decided_by.year - happened.year) * 12 + decided_by.month - happened.month
        assert month_count == months, happened
        # The same day of the month, or the month's last day when it has no such day.
        next_day = decided_by + timedelta(days=1)
        assert decided_by.day == happened.day or next_day.month != decided_by.month, happened
        if previous is not None:
            assert decided_by >= previous, happened
        previous = decided_by


def test_a_day_past_the_calendar_is_a_value_error() -> None:
    for event in Event:
        with pytest.raises(ValueError):
            deadlines(event, date(9999, 12, 31))


# --- when a decision counts as received (Ankestyrelsen's practice, stated on the date question) --


def test_the_receipt_figures_are_ankestyrelsens_practice_not_law() -> None:
    # Facts sheet 9.5: a letter counts as received 6 weekdays after it was sent, Quickpost 2 days.
    assert (facts.POST_RECEIPT_WEEKDAYS.value, facts.POST_RECEIPT_WEEKDAYS.unit) == (6, "weekdays")
    assert (facts.QUICKPOST_RECEIPT_DAYS.value, facts.QUICKPOST_RECEIPT_DAYS.unit) == (2, "days")
    for figure in (facts.POST_RECEIPT_WEEKDAYS, facts.QUICKPOST_RECEIPT_DAYS):
        assert not figure.set_by_law and figure.legal_ref.startswith("Ankestyrelsen")
        assert "§" not in figure.legal_ref


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (("30", "11", "2026"), date(2026, 11, 30)),
        ((" 1", "2", "2026 "), date(2026, 2, 1)),
        (("29", "2", "2028"), "date_in_future"),
        (("29", "2", "2027"), "date_does_not_exist"),
        (("", "2", "2026"), "date_missing"),
        (("1.", "2", "2026"), "date_not_numbers"),
        (("1", "2", "1999"), "date_too_old"),
        (("2", "12", "2026"), "date_in_future"),
    ],
)
def test_the_day_it_happened_is_read_from_the_form(fields, expected) -> None:
    from app.domain.deadlines import parse_event_date

    assert parse_event_date(*fields, today=date(2026, 12, 1)) == expected
