"""The law's figures and tables, each with its legal reference: the one place the site keeps them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

SOCIAL_PENSION_ACT = "Lov om social pension"


@dataclass(frozen=True)
class Figure:
    """A number the site states in answers and computes with."""

    value: int
    unit: str
    legal_ref: str
    # False for a figure an authority or an agreement sets, not a § (legal_ref then names it).
    set_by_law: bool = True


@dataclass(frozen=True)
class FolkepensionsalderBand:
    """One row of § 1 a: people born in [born_from, born_to] reach folkepensionsalder at this age."""

    born_from: date | None
    born_to: date | None
    age_months: int
    legal_ref: str

    @property
    def age_years(self) -> int:
        return self.age_months // 12

    @property
    def extra_months(self) -> int:
        return self.age_months % 12

    def covers(self, birth_date: date) -> bool:
        after_start = self.born_from is None or birth_date >= self.born_from
        before_end = self.born_to is None or birth_date <= self.born_to
        return after_start and before_end


def _years(years: int, months: int = 0) -> int:
    return years * 12 + months


# Lov om social pension § 1 a, nr. 1-7; the step to 70 comes from the 2025 amendment (L 149, 2024-25).
FOLKEPENSIONSALDER_BANDS: tuple[FolkepensionsalderBand, ...] = (
    FolkepensionsalderBand(
        None, date(1953, 12, 31), _years(65), f"{SOCIAL_PENSION_ACT} § 1 a, nr. 1"
    ),
    FolkepensionsalderBand(
        date(1954, 1, 1), date(1954, 6, 30), _years(65, 6), f"{SOCIAL_PENSION_ACT} § 1 a, nr. 2"
    ),
    FolkepensionsalderBand(
        date(1954, 7, 1), date(1954, 12, 31), _years(66), f"{SOCIAL_PENSION_ACT} § 1 a, nr. 3"
    ),
    FolkepensionsalderBand(
        date(1955, 1, 1), date(1955, 6, 30), _years(66, 6), f"{SOCIAL_PENSION_ACT} § 1 a, nr. 4"
    ),
    FolkepensionsalderBand(
        date(1955, 7, 1), date(1962, 12, 31), _years(67), f"{SOCIAL_PENSION_ACT} § 1 a, nr. 5"
    ),
    FolkepensionsalderBand(
        date(1963, 1, 1), date(1966, 12, 31), _years(68), f"{SOCIAL_PENSION_ACT} § 1 a, nr. 6"
    ),
    FolkepensionsalderBand(
        date(1967, 1, 1), date(1970, 12, 31), _years(69), f"{SOCIAL_PENSION_ACT} § 1 a, nr. 7"
    ),
    FolkepensionsalderBand(
        date(1971, 1, 1),
        None,
        _years(70),
        f"{SOCIAL_PENSION_ACT} § 1 a, som ændret i 2025 (L 149, 2024-25)",
    ),
)


def folkepensionsalder_band(birth_date: date) -> FolkepensionsalderBand:
    for band in FOLKEPENSIONSALDER_BANDS:
        if band.covers(birth_date):
            return band
    raise AssertionError(f"no folkepensionsalder band covers {birth_date}")  # bands are contiguous


def add_months(start: date, months: int) -> date:
    """The same day `months` later; a day the target month lacks becomes its last day (31/8 -> 28/2)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def folkepensionsalder_date(birth_date: date) -> date:
    """The day a person born on `birth_date` reaches folkepensionsalder."""
    return add_months(birth_date, folkepensionsalder_band(birth_date).age_months)


# Figures used in answers (as {{ name }}) and by the rules.
FOERTIDSPENSION_MIN_AGE = Figure(40, "years", f"{SOCIAL_PENSION_ACT} § 16, stk. 1")
FOERTIDSPENSION_EXCEPTION_MIN_AGE = Figure(18, "years", f"{SOCIAL_PENSION_ACT} § 16, stk. 2")
FOERTIDSPENSION_EXCEPTION_MAX_AGE = Figure(39, "years", f"{SOCIAL_PENSION_ACT} § 16, stk. 2")
FOERTIDSPENSION_DECISION_MONTHS = Figure(3, "months", f"{SOCIAL_PENSION_ACT} § 21")
REVOCATION_CONSENT_AGE = Figure(60, "years", f"{SOCIAL_PENSION_ACT} § 44, stk. 3")
SENIORPENSION_YEARS_BEFORE_FPA = Figure(6, "years", f"{SOCIAL_PENSION_ACT} § 26 a, stk. 1")
SENIORPENSION_APPLY_MONTHS_EARLY = Figure(6, "months", f"{SOCIAL_PENSION_ACT} § 26 b")
SENIORPENSION_MIN_WORK_YEARS = Figure(
    20, "years", f"{SOCIAL_PENSION_ACT} § 26 a, stk. 2, nr. 1; bekendtgørelse om seniorpension"
)
SENIORPENSION_FULL_WORK_YEARS = Figure(
    25, "years", f"{SOCIAL_PENSION_ACT} § 26 a, stk. 2, nr. 1; bekendtgørelse om seniorpension"
)
SENIORPENSION_MAX_WEEKLY_HOURS = Figure(15, "hours", f"{SOCIAL_PENSION_ACT} § 26 a, stk. 2, nr. 2")
SENIORPENSION_LATEST_JOB_MONTHS = Figure(12, "months", f"{SOCIAL_PENSION_ACT} § 26 a, stk. 4")
SENIORPENSION_DECISION_MONTHS = Figure(6, "months", f"{SOCIAL_PENSION_ACT} § 26 d, stk. 2")
FULL_TIME_WEEKLY_HOURS = Figure(27, "hours", "Bekendtgørelse om seniorpension")
TIDLIG_PENSION_MAX_YEARS_EARLY = Figure(3, "years", f"{SOCIAL_PENSION_ACT} § 26 g")
TIDLIG_PENSION_DECISION_MONTHS = Figure(6, "months", f"{SOCIAL_PENSION_ACT} § 26 r")
TIDLIG_PENSION_START_NOTICE_MONTHS = Figure(2, "months", f"{SOCIAL_PENSION_ACT} § 26 r")
TIDLIG_PENSION_ATTACHMENT_MONTHS = Figure(9, "months", f"{SOCIAL_PENSION_ACT} § 26 s")
TIDLIG_PENSION_INCOME_REDUCTION_PERCENT = Figure(64, "percent", f"{SOCIAL_PENSION_ACT} § 32 e")
INCOME_REDUCTION_PERCENT = Figure(30, "percent", f"{SOCIAL_PENSION_ACT} § 32 c")
COUPLE_OF_PENSIONERS_REDUCTION_PERCENT = Figure(15, "percent", f"{SOCIAL_PENSION_ACT} § 32 c")
FOLKEPENSION_APPLY_MONTHS_EARLY = Figure(
    6, "months", "Udbetaling Danmark (borger.dk)", set_by_law=False
)
# Agreed between KL and Seniorpension in their cooperation agreement: no § of the law sets it.
SENIORPENSION_MUNICIPALITY_REPLY_MONTHS = Figure(
    3, "months", "Samarbejdsaftale mellem KL og Seniorpension", set_by_law=False
)
APPEAL_WEEKS = Figure(4, "weeks", "Retssikkerhedsloven § 67")
APPEAL_FORWARD_WEEKS = Figure(4, "weeks", "Retssikkerhedsloven § 66, stk. 2")
# When a decision counts as received is Ankestyrelsen's practice, which the complaint deadline is
# counted from: no § sets it.
RECEIPT_PRACTICE = "Ankestyrelsen: klagefrister (ast.dk)"
POST_RECEIPT_WEEKDAYS = Figure(6, "weekdays", RECEIPT_PRACTICE, set_by_law=False)
QUICKPOST_RECEIPT_DAYS = Figure(2, "days", RECEIPT_PRACTICE, set_by_law=False)
RESIDENCE_RULES = f"{SOCIAL_PENSION_ACT} §§ 2-3"
PAYMENT_RULES = f"{SOCIAL_PENSION_ACT} § 33"
# A decision made after its deadline pays from the month after the deadline ran out, not from the
# month after the decision: the authority's delay does not delay the pay.
LATE_DECISION_PAYMENT = f"{SOCIAL_PENSION_ACT} § 33, stk. 2"

FIGURES: dict[str, Figure] = {
    "foertidspension_min_age": FOERTIDSPENSION_MIN_AGE,
    "foertidspension_exception_min_age": FOERTIDSPENSION_EXCEPTION_MIN_AGE,
    "foertidspension_exception_max_age": FOERTIDSPENSION_EXCEPTION_MAX_AGE,
    "foertidspension_decision_months": FOERTIDSPENSION_DECISION_MONTHS,
    "revocation_consent_age": REVOCATION_CONSENT_AGE,
    "seniorpension_years_before_fpa": SENIORPENSION_YEARS_BEFORE_FPA,
    "seniorpension_apply_months_early": SENIORPENSION_APPLY_MONTHS_EARLY,
    "seniorpension_min_work_years": SENIORPENSION_MIN_WORK_YEARS,
    "seniorpension_full_work_years": SENIORPENSION_FULL_WORK_YEARS,
    "seniorpension_max_weekly_hours": SENIORPENSION_MAX_WEEKLY_HOURS,
    "seniorpension_latest_job_months": SENIORPENSION_LATEST_JOB_MONTHS,
    "seniorpension_decision_months": SENIORPENSION_DECISION_MONTHS,
    "full_time_weekly_hours": FULL_TIME_WEEKLY_HOURS,
    "tidlig_pension_max_years_early": TIDLIG_PENSION_MAX_YEARS_EARLY,
    "tidlig_pension_decision_months": TIDLIG_PENSION_DECISION_MONTHS,
    "tidlig_pension_start_notice_months": TIDLIG_PENSION_START_NOTICE_MONTHS,
    "tidlig_pension_attachment_months": TIDLIG_PENSION_ATTACHMENT_MONTHS,
    "tidlig_pension_income_reduction_percent": TIDLIG_PENSION_INCOME_REDUCTION_PERCENT,
    "income_reduction_percent": INCOME_REDUCTION_PERCENT,
    "couple_of_pensioners_reduction_percent": COUPLE_OF_PENSIONERS_REDUCTION_PERCENT,
    "folkepension_apply_months_early": FOLKEPENSION_APPLY_MONTHS_EARLY,
    "seniorpension_municipality_reply_months": SENIORPENSION_MUNICIPALITY_REPLY_MONTHS,
    "appeal_weeks": APPEAL_WEEKS,
    "appeal_forward_weeks": APPEAL_FORWARD_WEEKS,
    "post_receipt_weekdays": POST_RECEIPT_WEEKDAYS,
    "quickpost_receipt_days": QUICKPOST_RECEIPT_DAYS,
}


def from_birth(birth_date: date, months: int) -> date:
    """The day a person is `months` old. Every date the site derives from a birth date is computed
    this way, directly from the birth date (facts sheet 9.4: a day the month lacks becomes its last
    day), never from another date that was already adjusted."""
    return add_months(birth_date, months)


def first_of_month_after(day: date) -> date:
    """The 1st of the month after `day`: pensions are paid from such a day (§ 33)."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def first_of_month_on_or_after(day: date) -> date:
    return day if day.day == 1 else first_of_month_after(day)


@dataclass(frozen=True)
class TidligPensionBand:
    """§ 26 h: who may get tidlig pension and how much seniority (anciennitet) 1, 2 or 3 years
    early takes; § 26 r: from how many years before folkepensionsalder one may apply for the right.
    `seniority_years` is None where the law's figures are not confirmed (born 1971 or later)."""

    born_from: date
    born_to: date | None
    apply_years_before_fpa: int
    seniority_years: tuple[int, int, int] | None
    legal_ref: str

    def covers(self, birth_date: date) -> bool:
        return birth_date >= self.born_from and (self.born_to is None or birth_date <= self.born_to)

    @property
    def folkepensionsalder_years(self) -> int:
        return folkepensionsalder_band(self.born_from).age_years

    def cutoff(self, birth_date: date) -> date:
        """The day seniority stops counting, which is also the first day one may apply (§ 26 h,
        § 26 r): from the birth date directly (facts sheet 9.4)."""
        fpa_months = folkepensionsalder_band(birth_date).age_months
        return from_birth(birth_date, fpa_months - 12 * self.apply_years_before_fpa)

    @property
    def seniority_until_age(self) -> int:
        """The age up to which seniority is earned: when one may first apply for the right."""
        return self.folkepensionsalder_years - self.apply_years_before_fpa


TIDLIG_PENSION_BANDS: tuple[TidligPensionBand, ...] = (
    TidligPensionBand(
        date(1955, 7, 1), date(1962, 12, 31), 6, (42, 43, 44), f"{SOCIAL_PENSION_ACT} § 26 h"
    ),
    TidligPensionBand(
        date(1963, 1, 1),
        date(1964, 12, 31),
        7,
        (42, 43, 44),
        f"{SOCIAL_PENSION_ACT} § 26 h, stk. 2",
    ),
    TidligPensionBand(
        date(1965, 1, 1), date(1966, 12, 31), 6, (43, 44, 45), f"{SOCIAL_PENSION_ACT} § 26 h"
    ),
    TidligPensionBand(
        date(1967, 1, 1),
        date(1968, 12, 31),
        7,
        (43, 44, 45),
        f"{SOCIAL_PENSION_ACT} § 26 h, stk. 2",
    ),
    TidligPensionBand(
        date(1969, 1, 1), date(1970, 12, 31), 6, (44, 45, 46), f"{SOCIAL_PENSION_ACT} § 26 h"
    ),
    # § 26 h, stk. 6: the requirement follows the folkepensionsalder in force; the figures for
    # 70 are not confirmed, so the rules answer "unknown" and send the citizen to Udbetaling Danmark.
    TidligPensionBand(date(1971, 1, 1), None, 6, None, f"{SOCIAL_PENSION_ACT} § 26 h, stk. 6"),
)
TIDLIG_PENSION_FIRST_BIRTH_DATE = TIDLIG_PENSION_BANDS[0].born_from
# Tidlig pension could be applied for from 1 August 2021 and was first paid from 1 January 2022
# (the act from L 104, 2020-21, as star.dk describes it): no start before it.
TIDLIG_PENSION_FIRST_PAYMENT = date(2022, 1, 1)


def tidlig_pension_band(birth_date: date) -> TidligPensionBand | None:
    """None for people born before 1 July 1955, who have no access to tidlig pension."""
    for band in TIDLIG_PENSION_BANDS:
        if band.covers(birth_date):
            return band
    return None
