"""The cases found when the questionnaire was tried as a citizen and an advisor would, each with
the law's own dates typed in (lov om social pension §§ 26 a, 26 b, 26 r, 33; facts sheet 9.3, 9.4)."""

from __future__ import annotations

from datetime import date

from app.domain import questionnaire as flow
from app.domain.changes import what_would_change
from app.domain.outcomes import Answers, Receives, Route, Status, YesNo
from app.domain.rules import assess

DEC_1_2026 = date(2026, 12, 1)


def route(answers: Answers, today: date, which: Route):
    return assess(answers, today).route(which)


def test_born_12_march_1965_may_apply_now_because_of_the_early_application_rule() -> None:
    # Folkepensionsalder 68 on 12 March 2033; 6 years left on 12 March 2027; may apply from
    # 12 September 2026 (§ 26 b): on 1 December 2026 she has 6 years and 3 months left.
    answers = Answers(date(1965, 3, 12), work_years=30, weekly_hours=10, residence=YesNo.YES)
    senior = route(answers, DEC_1_2026, Route.SENIORPENSION)
    reasons = {finding.rule: finding.legal_ref for finding in senior.findings}
    assert reasons["apply_early"] == "Lov om social pension § 26 b"
    assert "window" not in reasons  # not "at most 6 years left (§ 26 a, stk. 1)"
    assert senior.status is Status.YES


def test_seniorpension_is_paid_from_the_1st_of_the_month_after_the_window_opens() -> None:
    answers = Answers(date(1965, 3, 12), work_years=30, weekly_hours=10, residence=YesNo.YES)
    outcome = assess(answers, DEC_1_2026)
    assert outcome.seniorpension_window_opens == date(2027, 3, 12)
    assert outcome.seniorpension_first_payment == date(2027, 4, 1)
    assert outcome.route(Route.SENIORPENSION).earliest_payment == date(2027, 4, 1)


def test_tidlig_pension_never_starts_in_the_past() -> None:
    # Born 15 June 1962, folkepensionsalder 67 on 15 June 2029: 3 years early would be 15 June
    # 2026, already past on 1 December 2026. With seniority enough for 3 years (44 counted until
    # 15 June 2023, so 47.5 in all), the earliest start is the 1st of a month at least 2 months ahead.
    answers = Answers(date(1962, 6, 15), work_years=47.5, residence=YesNo.YES)
    tidlig = route(answers, DEC_1_2026, Route.TIDLIG_PENSION)
    assert tidlig.status is Status.YES
    assert tidlig.earliest_payment == date(2027, 2, 1)
    finding = next(f for f in tidlig.findings if f.key == "tidlig_seniority_enough")
    assert finding.values["earliest_start"] == date(2027, 2, 1)


def test_tidlig_pension_never_starts_before_it_was_first_paid() -> None:
    # Born 1 August 1955, folkepensionsalder 67 on 1 August 2022; asked in June 2019, 3 years early
    # would be August 2019, but the scheme was first paid on 1 January 2022.
    answers = Answers(date(1955, 8, 1), work_years=50, residence=YesNo.YES)
    tidlig = route(answers, date(2019, 6, 1), Route.TIDLIG_PENSION)
    assert tidlig.earliest_payment is None or tidlig.earliest_payment >= date(2022, 1, 1)
    outcome = assess(answers, date(2021, 9, 1)).route(Route.TIDLIG_PENSION)
    assert outcome.earliest_payment == date(2022, 1, 1)


def test_too_few_years_for_tidlig_pension_is_not_on_your_answers_not_not_yet() -> None:
    answers = Answers(date(1965, 3, 12), work_years=30, residence=YesNo.YES)
    assert route(answers, DEC_1_2026, Route.TIDLIG_PENSION).status is Status.NOT_ON_ANSWERS


def test_efterloen_says_it_stops_when_a_pension_starts() -> None:
    answers = Answers(
        date(1962, 6, 15),
        work_years=40,
        weekly_hours=10,
        residence=YesNo.YES,
        receives=Receives.EFTERLOEN,
    )
    for which in (Route.SENIORPENSION, Route.FOERTIDSPENSION, Route.TIDLIG_PENSION):
        assert "efterloen_stops" in {f.key for f in route(answers, DEC_1_2026, which).findings}


def test_a_17_year_old_is_sent_to_the_nearest_route_not_one_decades_ahead() -> None:
    outcome = assess(Answers(date(2009, 6, 1), residence=YesNo.YES), DEC_1_2026)
    assert outcome.recommended is Route.FOERTIDSPENSION  # from age 18 (exception), not 2073


def test_born_29_february_turns_18_on_28_february_everywhere() -> None:
    answers = Answers(date(2008, 2, 29), residence=YesNo.YES)
    before = route(answers, date(2026, 2, 27), Route.FOERTIDSPENSION)
    on_the_day = route(answers, date(2026, 2, 28), Route.FOERTIDSPENSION)
    assert before.status is Status.NOT_YET
    assert on_the_day.status is not Status.NOT_YET
    finding = next(f for f in before.findings if f.key == "foertid_under_18")
    assert finding.values["date"] == date(2026, 2, 28)


def test_stored_numbers_with_a_comma_or_a_unit_are_read_not_refused() -> None:
    stored = {
        "birth_date": "1962-06-15",
        "receives": "none",
        "residence": "yes",
        "self_supporting": "no",
        "work_years": "40,5",
        "weekly_hours": "10,5",
    }
    answers = flow.read_stored(stored, DEC_1_2026)
    assert answers["work_years"] == "40.5" and answers["weekly_hours"] == "10.5"
    assert flow.to_answers(answers).work_years == 40.5
    for written, value in (("30 år", 30.0), ("10 timer", 10.0), ("12.5", 12.5), ("12,5", 12.5)):
        assert flow.parse_number("work_years", written, 60) == value


def stored_answers(**fields: str) -> dict[str, str]:
    """A citizen who lives in Denmark and receives no pension, with the given answers, read as
    the questionnaire reads its hidden fields."""
    return flow.read_stored({"receives": "none", "residence": "yes", **fields}, DEC_1_2026)


def test_what_would_change_names_the_answer_that_changes_a_route() -> None:
    answers = stored_answers(
        birth_date="1962-06-15", self_supporting="no", work_years="30", weekly_hours="20"
    )
    changes = what_would_change(answers, DEC_1_2026)[Route.SENIORPENSION]
    assert changes[0].question == "weekly_hours" and changes[0].value == "15"
    assert changes[0].status is Status.YES  # with 30 years of work, 15 hours is all that is missing


def test_what_would_change_tidlig_pension_before_the_cut_off_counts_the_years_until_it() -> None:
    # Born 10 June 1966: seniority counts until 10 June 2028, about 1.5 years after 1 December
    # 2026, and 43 years give 1 year early (§ 26 h). 41.5 years now, worked full time until then,
    # reach 43: the change to try is 41.5, not 43.
    answers = stored_answers(
        birth_date="1966-06-10", self_supporting="yes", work_years="40", weekly_hours="30"
    )
    changes = what_would_change(answers, DEC_1_2026)[Route.TIDLIG_PENSION]
    assert (changes[0].question, changes[0].value) == ("work_years", "41.5")
    assert changes[0].status is Status.NOT_YET
