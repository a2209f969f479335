"""Tidlig pension seniority (anciennitet) as far as the questionnaire's answers show it (§ 26 h),
and the finding that says what it allows.

The citizen gives all their years of work so far, but only the years until the cut-off count, and
the answers do not say when the years were worked. So they give a range, not a figure:
- after the cut-off: from "every year since the cut-off was worked", which do not count, to "none
  of them was" (someone who stopped working before it, as many worn-out people did);
- before it: from "no more work" to "full time until the cut-off".
Pure: no Flask, no clock, no translated text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain.facts import TidligPensionBand
from app.domain.outcomes import Finding, Status, Verdict

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class SeniorityRange:
    low: float
    high: float
    before_cutoff: bool

    def years_early(self, required: tuple[int, ...], *, at_most: bool = False) -> int:
        """How many years early the low (or, `at_most`, the high) end of the range allows: one
        for each figure of § 26 h it reaches."""
        seniority = self.high if at_most else self.low
        return sum(1 for years in required if seniority >= years)


def seniority_range(work_years: float, cutoff: date, today: date) -> SeniorityRange:
    """Unrounded, so that 43.97 years never pass for the law's 44; findings show them rounded."""
    distance = abs((today - cutoff).days) / DAYS_PER_YEAR
    if today <= cutoff:
        return SeniorityRange(work_years, work_years + distance, before_cutoff=True)
    return SeniorityRange(max(work_years - distance, 0.0), work_years, before_cutoff=False)


def shown(years: float) -> float:
    return round(years, 1)


def note_seniority(
    verdict: Verdict,
    band: TidligPensionBand,
    span: SeniorityRange,
    values: dict[str, object],
    start_for: Callable[[int], date],
) -> date | None:
    """Notes what the range of seniority allows (§ 26 h); returns the earliest start for the
    years early that the low end surely allows, or None. Where the range crosses a figure of the
    law, the finding says on what it depends instead of picking an end."""
    required = band.seniority_years or ()
    surely = span.years_early(required)
    at_most = span.years_early(required, at_most=True)
    if surely:
        start = start_for(surely)
        values |= {"years": shown(span.low), "years_early": surely, "earliest_start": start}
        verdict.note(
            Status.YES, Finding("seniority", band.legal_ref, "tidlig_seniority_enough", values)
        )
        if at_most > surely:
            key = (
                "tidlig_seniority_more_if_working"
                if span.before_cutoff
                else "tidlig_seniority_more_if_not_worked_since"
            )
            more = {"cutoff": values["cutoff"], "years": shown(span.high), "years_early": at_most}
            verdict.note(Status.YES, Finding("seniority_more", band.legal_ref, key, more))
        return start
    if at_most:
        key = "tidlig_seniority_if_working" if span.before_cutoff else "tidlig_seniority_depends"
        values |= {"years": shown(span.low), "more_years": shown(span.high), "years_early": at_most}
        verdict.note(Status.UNKNOWN, Finding("seniority", band.legal_ref, key, values))
        return None
    # Seniority also counts periods that are not work (dagpenge, barsel, ...) and part-time of 18
    # hours or more as full time: not met on these answers, but ask.
    values |= {"years": shown(span.high)}
    verdict.note(
        Status.NOT_ON_ANSWERS,
        Finding("seniority", band.legal_ref, "tidlig_seniority_short", values),
    )
    return None
