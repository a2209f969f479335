"""Eligibility rules against the law, typed in here (never imported from the tables under test)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import facts
from app.domain.outcomes import Answers, Authority, Receives, Route, Status, YesNo
from app.domain.rules import age_on, assess, full_time_years

DAY = timedelta(days=1)

# Someone who fits seniorpension on every answer: born 3 May 1966, folkepensionsalder 68 (§ 1 a nr. 6).
BORN = date(1966, 5, 3)
FPA = date(2034, 5, 3)
WINDOW_OPENS = date(2028, 5, 3)  # at most 6 years before folkepensionsalder (§ 26 a, stk. 1)
APPLY_FROM = date(2027, 11, 3)  # 6 months before that (§ 26 b)
FITS = Answers(BORN, work_years=30, weekly_hours=10, self_supporting=YesNo.NO, residence=YesNo.YES)


def status(answers: Answers, today: date, route: Route) -> Status:
    return assess(answers, today).route(route).status


def keys(answers: Answers, today: date, route: Route) -> list[str]:
    return [finding.key for finding in assess(answers, today).route(route).findings]


# --- seniorpension, § 26 a-b -----------------------------------------------------------------

# (birth date, folkepensionsalder reached, seniorpension from, may apply from), typed from § 1 a, § 26 a-b.
SENIOR_WINDOWS = [
    (date(1962, 12, 31), date(2029, 12, 31), date(2023, 12, 31), date(2023, 6, 30)),
    (date(1963, 1, 1), date(2031, 1, 1), date(2025, 1, 1), date(2024, 7, 1)),
    (date(1966, 12, 31), date(2034, 12, 31), date(2028, 12, 31), date(2028, 6, 30)),
    (date(1967, 1, 1), date(2036, 1, 1), date(2030, 1, 1), date(2029, 7, 1)),
    (date(1970, 12, 31), date(2039, 12, 31), date(2033, 12, 31), date(2033, 6, 30)),
    (date(1971, 1, 1), date(2041, 1, 1), date(2035, 1, 1), date(2034, 7, 1)),
    (date(1975, 8, 31), date(2045, 8, 31), date(2039, 8, 31), date(2039, 2, 28)),
]


@pytest.mark.parametrize(("born", "fpa", "opens", "apply_from"), SENIOR_WINDOWS)
def test_seniorpension_window_and_first_application_day(born, fpa, opens, apply_from) -> None:
    outcome = assess(Answers(born), date(2020, 1, 1) if born.year < 1963 else born + 40 * 365 * DAY)
    assert outcome.folkepension_date == fpa
    assert outcome.seniorpension_window_opens == opens
    assert outcome.seniorpension_apply_from == apply_from


def test_seniorpension_opens_on_the_first_day_one_may_apply() -> None:
    assert status(FITS, APPLY_FROM - DAY, Route.SENIORPENSION) is Status.NOT_YET
    assert assess(FITS, APPLY_FROM - DAY).route(Route.SENIORPENSION).date == APPLY_FROM
    assert status(FITS, APPLY_FROM, Route.SENIORPENSION) is Status.YES
    assert status(FITS, FPA - DAY, Route.SENIORPENSION) is Status.YES
    assert status(FITS, FPA, Route.SENIORPENSION) is Status.NO


@pytest.mark.parametrize(
    ("work_years", "expected", "key"),
    [
        (None, Status.UNKNOWN, "senior_work_unknown"),
        # Fewer than 20 years as the citizen counts them is "ask Seniorpension", not a firm no.
        (0, Status.NOT_ON_ANSWERS, "senior_work_too_few"),
        (19.99, Status.NOT_ON_ANSWERS, "senior_work_too_few"),
        (20, Status.UNKNOWN, "senior_work_assessed"),
        (24.99, Status.UNKNOWN, "senior_work_assessed"),
        (25, Status.YES, "senior_work_enough"),
        (45, Status.YES, "senior_work_enough"),
    ],
)
def test_seniorpension_years_of_work_20_to_25(work_years, expected, key) -> None:
    answers = Answers(BORN, work_years=work_years, weekly_hours=10, residence=YesNo.YES)
    assert status(answers, WINDOW_OPENS, Route.SENIORPENSION) is expected
    assert key in keys(answers, WINDOW_OPENS, Route.SENIORPENSION)


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (0, Status.YES),
        (15, Status.YES),
        (15.01, Status.NOT_ON_ANSWERS),
        (37, Status.NOT_ON_ANSWERS),
        (None, Status.UNKNOWN),
    ],
)
def test_seniorpension_at_most_15_hours_in_the_latest_job(hours, expected) -> None:
    answers = Answers(BORN, work_years=30, weekly_hours=hours, residence=YesNo.YES)
    assert status(answers, WINDOW_OPENS, Route.SENIORPENSION) is expected


@pytest.mark.parametrize(
    ("receives", "expected"),
    [
        (Receives.FOERTIDSPENSION, Status.NO),
        (Receives.FOLKEPENSION, Status.NO),
        (Receives.TIDLIG_PENSION, Status.NO),
        (Receives.SENIORPENSION, Status.YES),
        (Receives.EFTERLOEN, Status.YES),
        (Receives.NONE, Status.YES),
    ],
)
def test_seniorpension_and_other_pensions(receives, expected) -> None:
    answers = Answers(BORN, work_years=30, weekly_hours=10, residence=YesNo.YES, receives=receives)
    assert status(answers, WINDOW_OPENS, Route.SENIORPENSION) is expected


@pytest.mark.parametrize("residence", [YesNo.NO, YesNo.UNKNOWN])
def test_residence_not_confirmed_sends_to_the_authority(residence) -> None:
    answers = Answers(BORN, work_years=30, weekly_hours=10, residence=residence)
    assert status(answers, WINDOW_OPENS, Route.SENIORPENSION) is Status.UNKNOWN


# --- førtidspension, § 16 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age_today", "expected"),
    [
        (17, Status.NOT_YET),
        (18, Status.UNKNOWN),
        (39, Status.UNKNOWN),
        (40, Status.YES),
        (60, Status.YES),
    ],
)
def test_foertidspension_from_40_and_18_to_39_only_exceptionally(age_today, expected) -> None:
    born = date(1980, 6, 15)
    answers = Answers(born, self_supporting=YesNo.NO, residence=YesNo.YES)
    today = date(born.year + age_today, 6, 15)
    assert status(answers, today, Route.FOERTIDSPENSION) is expected


def test_foertidspension_the_day_before_the_40th_birthday_is_still_the_exception() -> None:
    answers = Answers(date(1980, 6, 15), self_supporting=YesNo.NO, residence=YesNo.YES)
    assert status(answers, date(2020, 6, 14), Route.FOERTIDSPENSION) is Status.UNKNOWN
    assert status(answers, date(2020, 6, 15), Route.FOERTIDSPENSION) is Status.YES


@pytest.mark.parametrize(
    ("self_supporting", "expected"),
    [(YesNo.YES, Status.NOT_ON_ANSWERS), (YesNo.NO, Status.YES), (YesNo.UNKNOWN, Status.UNKNOWN)],
)
def test_foertidspension_only_when_one_cannot_support_oneself_not_even_in_a_flexjob(
    self_supporting, expected
):
    answers = Answers(BORN, self_supporting=self_supporting, residence=YesNo.YES)
    assert status(answers, date(2026, 11, 23), Route.FOERTIDSPENSION) is expected


def test_foertidspension_ends_at_folkepensionsalder() -> None:
    answers = Answers(BORN, self_supporting=YesNo.NO, residence=YesNo.YES)
    assert status(answers, FPA - DAY, Route.FOERTIDSPENSION) is Status.YES
    assert status(answers, FPA, Route.FOERTIDSPENSION) is Status.NO


def test_foertidspension_while_on_seniorpension_needs_the_municipality() -> None:
    answers = Answers(
        BORN, self_supporting=YesNo.NO, residence=YesNo.YES, receives=Receives.SENIORPENSION
    )
    assert status(answers, WINDOW_OPENS, Route.FOERTIDSPENSION) is Status.UNKNOWN


# --- tidlig pension, § 26 g-h and § 26 r -----------------------------------------------------

# (first and last birth date of a cohort, years before folkepensionsalder one may apply for the right,
#  seniority for 1, 2 and 3 years early), typed from § 26 h and § 26 r.
TIDLIG_LAW = [
    (date(1955, 7, 1), date(1962, 12, 31), 6, (42, 43, 44)),
    (date(1963, 1, 1), date(1964, 12, 31), 7, (42, 43, 44)),
    (date(1965, 1, 1), date(1966, 12, 31), 6, (43, 44, 45)),
    (date(1967, 1, 1), date(1968, 12, 31), 7, (43, 44, 45)),
    (date(1969, 1, 1), date(1970, 12, 31), 6, (44, 45, 46)),
]


@pytest.mark.parametrize(
    ("born", "apply_years", "seniority"),
    [(first, years, seniority) for first, _last, years, seniority in TIDLIG_LAW]
    + [(last, years, seniority) for _first, last, years, seniority in TIDLIG_LAW],
)
def test_tidlig_pension_table_at_every_cohort_edge(born, apply_years, seniority) -> None:
    band = facts.tidlig_pension_band(born)
    assert band is not None
    assert band.apply_years_before_fpa == apply_years
    assert band.seniority_years == seniority


def test_tidlig_pension_not_for_those_born_before_1_july_1955() -> None:
    assert facts.tidlig_pension_band(date(1955, 6, 30)) is None
    answers = Answers(date(1955, 6, 30), work_years=45)
    assert status(answers, date(2020, 1, 1), Route.TIDLIG_PENSION) is Status.NO


def test_tidlig_pension_for_those_born_1971_or_later_is_for_udbetaling_danmark_to_say() -> None:
    answers = Answers(date(1971, 1, 1), work_years=48, residence=YesNo.YES)
    outcome = assess(answers, date(2036, 1, 1)).route(Route.TIDLIG_PENSION)
    assert outcome.status is Status.UNKNOWN
    assert "tidlig_requirement_unconfirmed" in [finding.key for finding in outcome.findings]


def test_tidlig_pension_application_opens_6_or_7_years_before() -> None:
    born_1966 = Answers(date(1966, 5, 3), work_years=44, residence=YesNo.YES)
    assert status(born_1966, date(2028, 5, 2), Route.TIDLIG_PENSION) is Status.NOT_YET
    assert assess(born_1966, date(2028, 5, 2)).route(Route.TIDLIG_PENSION).date == date(2028, 5, 3)
    assert status(born_1966, date(2028, 5, 3), Route.TIDLIG_PENSION) is Status.YES
    born_1964 = Answers(date(1964, 3, 10), work_years=44, residence=YesNo.YES)  # FPA 10 March 2032
    assert status(born_1964, date(2025, 3, 9), Route.TIDLIG_PENSION) is Status.NOT_YET
    assert status(born_1964, date(2025, 3, 10), Route.TIDLIG_PENSION) is Status.YES


@pytest.mark.parametrize(
    ("work_years", "expected", "years_early"),
    [
        (None, Status.UNKNOWN, None),
        (30, Status.NOT_ON_ANSWERS, None),
        (42.9, Status.NOT_ON_ANSWERS, None),
        (43, Status.YES, 1),
        (44, Status.YES, 2),
        (45, Status.YES, 3),
        (50, Status.YES, 3),
    ],
)
def test_tidlig_pension_seniority_decides_how_early(work_years, expected, years_early) -> None:
    # Born 3 May 1966: folkepensionsalder 68 on 3 May 2034; seniority counts until 3 May 2028
    # (§ 26 h), the day asked about here; a start is paid from a 1st of a month (§ 33, stk. 3).
    answers = Answers(date(1966, 5, 3), work_years=work_years, residence=YesNo.YES)
    outcome = assess(answers, date(2028, 5, 3)).route(Route.TIDLIG_PENSION)
    assert outcome.status is expected
    if years_early:
        finding = next(f for f in outcome.findings if f.key == "tidlig_seniority_enough")
        assert finding.values["years_early"] == years_early
        assert finding.values["earliest_start"] == date(2034 - years_early, 6, 1)
        assert outcome.earliest_payment == date(2034 - years_early, 6, 1)


# Born 15 June 1962: folkepensionsalder 67, so seniority counts until 15 June 2023, age 61
# (§ 26 h), and 42, 43 or 44 years give 1, 2 or 3 years early. Asked on 1 December 2026, about 3.5
# years after that: the citizen's years in all count only in part, and the answers do not say
# whether those 3.5 years were worked.
AFTER_CUTOFF = (date(1962, 6, 15), date(2026, 12, 1), date(2023, 6, 15))
# Born 10 June 1966: folkepensionsalder 68, seniority counts until 10 June 2028, age 62, and 43,
# 44 or 45 years give 1, 2 or 3 years early. Asked on 1 December 2026, about 1.5 years before.
BEFORE_CUTOFF = (date(1966, 6, 10), date(2026, 12, 1), date(2028, 6, 10))


@pytest.mark.parametrize(
    ("case", "work_years", "status", "key", "values"),
    [
        # Whether or not they worked since the cut-off, 41 years are short of 42.
        (AFTER_CUTOFF, 41, Status.NOT_ON_ANSWERS, "tidlig_seniority_short", {"years": 41}),
        # Worked all the time since: 40.5 count, too few; stopped at the cut-off: 44, enough for
        # 3 years. The site does not pick one: it says on what it depends.
        (
            AFTER_CUTOFF,
            44,
            Status.UNKNOWN,
            "tidlig_seniority_depends",
            {"years": 40.5, "more_years": 44, "years_early": 3},
        ),
        # 47.5 in all: at least 44 count, 3 years early whatever they did since.
        (
            AFTER_CUTOFF,
            47.5,
            Status.YES,
            "tidlig_seniority_enough",
            {"years": 44.0, "years_early": 3},
        ),
        # 42 now, and 43.5 by the cut-off if they work full time until then: 1 year early then.
        (
            BEFORE_CUTOFF,
            42,
            Status.NOT_YET,
            "tidlig_seniority_if_working",
            {"years": 42, "more_years": 43.5, "years_early": 1},
        ),
        # Even with full-time work until the cut-off, 40 + 1.5 are short of 43.
        (BEFORE_CUTOFF, 40, Status.NOT_ON_ANSWERS, "tidlig_seniority_short", {"years": 41.5}),
    ],
)
def test_tidlig_pension_counts_seniority_only_until_the_cut_off(
    case, work_years, status, key, values
) -> None:
    born, today, cutoff = case
    answers = Answers(born, work_years=work_years, residence=YesNo.YES)
    outcome = assess(answers, today).route(Route.TIDLIG_PENSION)
    assert outcome.status is status
    finding = next(f for f in outcome.findings if f.rule == "seniority")
    assert finding.key == key
    assert finding.values["cutoff"] == cutoff
    assert {name: finding.values[name] for name in values} == values
    if status is not Status.YES:
        assert outcome.earliest_payment is None  # a start date would read like a promise


@pytest.mark.parametrize(
    ("case", "work_years", "key", "surely", "at_most"),
    [
        # 45.5 in all after the cut-off: at least 42 count (1 year early), at most 45.5 (3 years).
        (AFTER_CUTOFF, 45.5, "tidlig_seniority_more_if_not_worked_since", 1, 3),
        # 44 now before the cut-off: 2 years early; 45.5 with full-time work until then: 3.
        (BEFORE_CUTOFF, 44, "tidlig_seniority_more_if_working", 2, 3),
        # Born 20 November 1963: folkepensionsalder 68, cut-off 7 years before (§ 26 h, stk. 2),
        # 20 November 2024; 42, 43 or 44 years. 46 in all on 1 December 2026 count as at least
        # 43.97, shown as about 44 but short of the law's 44: 2 years early surely, not 3.
        (
            (date(1963, 11, 20), date(2026, 12, 1), date(2024, 11, 20)),
            46,
            "tidlig_seniority_more_if_not_worked_since",
            2,
            3,
        ),
    ],
)
def test_tidlig_pension_says_when_more_years_early_may_be_possible(
    case, work_years, key, surely, at_most
) -> None:
    born, today, _cutoff = case
    outcome = assess(Answers(born, work_years=work_years, residence=YesNo.YES), today).route(
        Route.TIDLIG_PENSION
    )
    enough = next(f for f in outcome.findings if f.key == "tidlig_seniority_enough")
    more = next(f for f in outcome.findings if f.rule == "seniority_more")
    assert enough.values["years_early"] == surely
    assert (more.key, more.values["years_early"]) == (key, at_most)


@pytest.mark.parametrize(
    "receives", [Receives.FOERTIDSPENSION, Receives.SENIORPENSION, Receives.FOLKEPENSION]
)
def test_tidlig_pension_not_next_to_another_social_pension(receives) -> None:
    answers = Answers(date(1966, 5, 3), work_years=45, residence=YesNo.YES, receives=receives)
    assert status(answers, date(2030, 1, 1), Route.TIDLIG_PENSION) is Status.NO


# --- folkepension ------------------------------------------------------------------------------


def test_folkepension_from_the_day_one_reaches_the_age() -> None:
    answers = Answers(BORN, residence=YesNo.YES)
    assert status(answers, FPA - DAY, Route.FOLKEPENSION) is Status.NOT_YET
    assert status(answers, FPA, Route.FOLKEPENSION) is Status.YES
    assert assess(answers, FPA).recommended is Route.FOLKEPENSION
    assert status(Answers(BORN, residence=YesNo.UNKNOWN), FPA, Route.FOLKEPENSION) is Status.UNKNOWN


# --- the whole outcome -------------------------------------------------------------------------


def test_every_status_of_every_route_is_reachable() -> None:
    today = date(2026, 11, 23)
    cases = [
        Answers(
            BORN, work_years=30, weekly_hours=10, self_supporting=YesNo.NO, residence=YesNo.YES
        ),
        Answers(
            date(1962, 1, 1),
            work_years=30,
            weekly_hours=10,
            self_supporting=YesNo.NO,
            residence=YesNo.YES,
        ),
        Answers(
            date(1962, 1, 1),
            work_years=47,  # about 43 of them counted until the cut-off age, 61
            weekly_hours=40,
            self_supporting=YesNo.YES,
            residence=YesNo.YES,
        ),
        Answers(date(1962, 1, 1), work_years=22, residence=YesNo.UNKNOWN),
        Answers(date(1962, 1, 1), residence=YesNo.YES),  # years of work not known
        Answers(date(1990, 1, 1)),
        Answers(date(2010, 1, 1)),
        Answers(date(1950, 1, 1), residence=YesNo.YES),
        Answers(date(1950, 1, 1), residence=YesNo.NO),
        Answers(
            date(1966, 1, 1),
            work_years=10,
            weekly_hours=30,
            self_supporting=YesNo.YES,
            residence=YesNo.YES,
        ),
    ]
    seen = {
        (route.route, route.status) for answers in cases for route in assess(answers, today).routes
    }
    # Folkepension never says "no": everyone reaches the age, and without residence or citizenship
    # exceptions (EU rules, agreements) may apply, so the answer is "unknown" and the authority's.
    # It has no requirement the answers could fail either.
    unreachable = {(Route.FOLKEPENSION, Status.NO), (Route.FOLKEPENSION, Status.NOT_ON_ANSWERS)}
    for route in Route:
        for state in Status:
            assert ((route, state) in seen) != ((route, state) in unreachable), (route, state)


def test_outcome_names_authorities_and_a_legal_basis_for_every_finding() -> None:
    outcome = assess(FITS, WINDOW_OPENS)
    authorities = {route.route: route.apply_to for route in outcome.routes}
    assert authorities == {
        Route.SENIORPENSION: Authority.SENIORPENSION,
        Route.FOERTIDSPENSION: Authority.KOMMUNE,
        Route.TIDLIG_PENSION: Authority.UDBETALING_DANMARK,
        Route.FOLKEPENSION: Authority.UDBETALING_DANMARK,
    }
    for route in outcome.routes:
        assert route.findings
        for finding in route.findings:
            assert finding.rule and "§" in finding.legal_ref or "ekendtgørelse" in finding.legal_ref


def test_recommended_route_comes_first() -> None:
    outcome = assess(FITS, WINDOW_OPENS)
    assert outcome.recommended is Route.SENIORPENSION
    assert outcome.routes[0].route is Route.SENIORPENSION


def test_a_birth_date_in_the_future_is_refused() -> None:
    with pytest.raises(ValueError):
        assess(Answers(date(2030, 1, 1)), date(2026, 1, 1))


@pytest.mark.parametrize(
    ("hours", "years", "expected"),
    [(27, 10, 10.0), (13.5, 10, 5.0), (40, 10, 10.0), (0, 10, 0.0), (9, 3, 1.0), (18, 1.5, 1.0)],
)
def test_part_time_converts_to_full_time_years_at_27_hours(hours, years, expected) -> None:
    assert full_time_years(hours, years) == expected


def test_age_counts_birthdays() -> None:
    assert age_on(date(1966, 5, 3), date(2026, 5, 2)) == 59
    assert age_on(date(1966, 5, 3), date(2026, 5, 3)) == 60
    # Born 29 February: a year older on 28 February in a year without the 29th, as every other
    # date from a birth date (facts sheet 9.4): add_months gives the same day.
    assert age_on(date(1964, 2, 29), date(2025, 2, 27)) == 60
    assert age_on(date(1964, 2, 29), date(2025, 2, 28)) == 61
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 18
