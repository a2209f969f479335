"""Which pension routes fit: typed answers and today's date in, an outcome per route out.

Pure: no Flask, no clock (`today` is a parameter), no translated text (findings carry message keys
and values; templates and catalogues say them). Each finding names its rule and §.
"""

from __future__ import annotations

from datetime import date

from app.domain import facts
from app.domain.facts import (
    add_months,
    first_of_month_after,
    first_of_month_on_or_after,
    folkepensionsalder_band,
    folkepensionsalder_date,
    from_birth,
)
from app.domain.outcomes import (
    Answers,
    Authority,
    Finding,
    Outcome,
    Receives,
    Route,
    RouteOutcome,
    Status,
    Verdict,
    YesNo,
)
from app.domain.seniority import note_seniority, seniority_range

EFTERLOEN_RULES = "Lov om arbejdsløshedsforsikring m.v. (efterløn)"


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on `day`, by the same convention as every other date (facts sheet 9.4):
    someone born on 29 February turns a year older on 28 February when the year has no 29th."""
    years = day.year - birth_date.year
    return years - (from_birth(birth_date, 12 * years) > day)


def full_time_years(hours_per_week: float, years: float) -> float:
    """Part-time converted to full-time years: 27 hours a week or more is a full year."""
    share = min(hours_per_week / facts.FULL_TIME_WEEKLY_HOURS.value, 1.0)
    return round(max(share, 0.0) * years, 2)


def _residence(answers: Answers) -> tuple[Status, Finding] | None:
    if answers.residence is YesNo.YES:
        return None
    key = "residence_no" if answers.residence is YesNo.NO else "residence_unknown"
    return Status.UNKNOWN, Finding("residence", facts.RESIDENCE_RULES, key)


def _note_residence_and_efterloen(verdict: Verdict, answers: Answers) -> None:
    """What every route notes last: the residence rules, and that efterløn stops."""
    residence = _residence(answers)
    if residence:
        verdict.note(*residence)
    if answers.receives is Receives.EFTERLOEN:
        verdict.inform(Finding("efterloen", EFTERLOEN_RULES, "efterloen_stops"))


def seniorpension_dates(birth_date: date) -> tuple[date, date]:
    """The day the window opens (at most 6 years to folkepensionsalder, § 26 a) and the first day
    one may apply (6 months before that, § 26 b), both from the birth date directly."""
    fpa_months = folkepensionsalder_band(birth_date).age_months
    years = facts.SENIORPENSION_YEARS_BEFORE_FPA.value * 12
    early = facts.SENIORPENSION_APPLY_MONTHS_EARLY.value
    return from_birth(birth_date, fpa_months - years), from_birth(
        birth_date, fpa_months - years - early
    )


def _seniorpension(answers: Answers, today: date, fpa: date) -> RouteOutcome:
    window_opens, apply_from = seniorpension_dates(answers.birth_date)
    first_payment = first_of_month_after(window_opens)
    verdict = Verdict(Route.SENIORPENSION, Authority.SENIORPENSION)
    note = verdict.note

    if answers.receives is Receives.SENIORPENSION:
        return verdict.already(
            facts.SENIORPENSION_YEARS_BEFORE_FPA.legal_ref, "already_seniorpension"
        )
    if answers.receives is Receives.FOERTIDSPENSION:
        note(
            Status.NO,
            Finding(
                "excluded",
                "Lov om social pension § 26 a, stk. 5",
                "senior_excluded_foertidspension",
            ),
        )
    if answers.receives in (Receives.FOLKEPENSION, Receives.TIDLIG_PENSION):
        note(
            Status.NO,
            Finding("excluded", facts.PAYMENT_RULES, f"senior_excluded_{answers.receives}"),
        )
    values = {"window_opens": window_opens, "first_payment": first_payment, "fpa_date": fpa}
    if today >= fpa:
        note(
            Status.NO,
            Finding(
                "age",
                facts.SENIORPENSION_YEARS_BEFORE_FPA.legal_ref,
                "senior_past_fpa",
                {"date": fpa},
            ),
        )
    elif today < apply_from:
        note(
            Status.NOT_YET,
            Finding(
                "apply_from",
                facts.SENIORPENSION_APPLY_MONTHS_EARLY.legal_ref,
                "senior_apply_from",
                {"date": apply_from, **values},
            ),
        )
    elif today < window_opens:
        # Inside the 6 months before the window: one may apply now because of § 26 b, not § 26 a.
        note(
            Status.YES,
            Finding(
                "apply_early",
                facts.SENIORPENSION_APPLY_MONTHS_EARLY.legal_ref,
                "senior_apply_early",
                values,
            ),
        )
    else:
        note(
            Status.YES,
            Finding(
                "window",
                facts.SENIORPENSION_YEARS_BEFORE_FPA.legal_ref,
                "senior_in_window",
                values,
            ),
        )
    work, hours = answers.work_years, answers.weekly_hours
    minimum, full = facts.SENIORPENSION_MIN_WORK_YEARS, facts.SENIORPENSION_FULL_WORK_YEARS
    if work is None:
        note(Status.UNKNOWN, Finding("work_years", minimum.legal_ref, "senior_work_unknown"))
    elif work < minimum.value:
        # Years as the citizen counts them, and work abroad made probable, can still count
        # (Ankestyrelsen 32-24): not a firm no, but not met on these answers.
        note(
            Status.NOT_ON_ANSWERS,
            Finding("work_years", minimum.legal_ref, "senior_work_too_few", {"years": work}),
        )
    elif work < full.value:
        note(
            Status.UNKNOWN,
            Finding("work_years", minimum.legal_ref, "senior_work_assessed", {"years": work}),
        )
    else:
        note(
            Status.YES, Finding("work_years", full.legal_ref, "senior_work_enough", {"years": work})
        )
    limit = facts.SENIORPENSION_MAX_WEEKLY_HOURS
    if hours is None:
        note(Status.UNKNOWN, Finding("work_capacity", limit.legal_ref, "senior_hours_unknown"))
    elif hours > limit.value:
        note(
            Status.NOT_ON_ANSWERS,
            Finding("work_capacity", limit.legal_ref, "senior_hours_too_many", {"hours": hours}),
        )
    else:
        note(
            Status.YES,
            Finding("work_capacity", limit.legal_ref, "senior_hours_ok", {"hours": hours}),
        )
    _note_residence_and_efterloen(verdict, answers)
    # Paid from the 1st of the month after the decision, never before the window opens (§ 33).
    payment = max(first_payment, first_of_month_after(today))
    return verdict.outcome(apply_from, today, fpa, payment)


def _foertidspension(answers: Answers, today: date, fpa: date) -> RouteOutcome:
    verdict = Verdict(Route.FOERTIDSPENSION, Authority.KOMMUNE)
    note = verdict.note

    age_rule = facts.FOERTIDSPENSION_MIN_AGE
    if answers.receives is Receives.FOERTIDSPENSION:
        return verdict.already(age_rule.legal_ref, "already_foertidspension")
    if answers.receives in (Receives.FOLKEPENSION, Receives.TIDLIG_PENSION):
        note(
            Status.NO,
            Finding("excluded", facts.PAYMENT_RULES, f"foertid_excluded_{answers.receives}"),
        )
    if answers.receives is Receives.SENIORPENSION:
        note(
            Status.UNKNOWN,
            Finding(
                "excluded", "Lov om social pension § 17, stk. 2", "foertid_while_seniorpension"
            ),
        )
    age = age_on(answers.birth_date, today)
    fortieth = from_birth(answers.birth_date, age_rule.value * 12)
    eighteenth = from_birth(answers.birth_date, facts.FOERTIDSPENSION_EXCEPTION_MIN_AGE.value * 12)
    if today >= fpa:
        note(Status.NO, Finding("age", age_rule.legal_ref, "foertid_past_fpa", {"date": fpa}))
    elif age < facts.FOERTIDSPENSION_EXCEPTION_MIN_AGE.value:
        note(
            Status.NOT_YET,
            Finding(
                "age",
                facts.FOERTIDSPENSION_EXCEPTION_MIN_AGE.legal_ref,
                "foertid_under_18",
                {"date": eighteenth},
            ),
        )
    elif age < age_rule.value:
        note(
            Status.UNKNOWN,
            Finding(
                "age",
                facts.FOERTIDSPENSION_EXCEPTION_MIN_AGE.legal_ref,
                "foertid_18_39",
                {"date": fortieth},
            ),
        )
    else:
        note(Status.YES, Finding("age", age_rule.legal_ref, "foertid_age_ok"))
    capacity = "Lov om social pension § 16, stk. 3"
    if answers.self_supporting is YesNo.YES:
        note(Status.NOT_ON_ANSWERS, Finding("work_capacity", capacity, "foertid_self_supporting"))
    elif answers.self_supporting is YesNo.NO:
        note(Status.YES, Finding("work_capacity", capacity, "foertid_not_self_supporting"))
    else:
        note(Status.UNKNOWN, Finding("work_capacity", capacity, "foertid_capacity_unknown"))
    _note_residence_and_efterloen(verdict, answers)
    # Paid from the 1st of the month after the decision, never before the conditions are met.
    payment = first_of_month_after(max(today, eighteenth))
    return verdict.outcome(fortieth, today, fpa, payment)


def _tidlig_pension(answers: Answers, today: date, fpa: date) -> RouteOutcome:
    verdict = Verdict(Route.TIDLIG_PENSION, Authority.UDBETALING_DANMARK)
    note = verdict.note

    band = facts.tidlig_pension_band(answers.birth_date)
    law = "Lov om social pension § 26 g"
    if answers.receives is Receives.TIDLIG_PENSION:
        return verdict.already(law, "already_tidlig_pension")
    if answers.receives in (
        Receives.FOERTIDSPENSION,
        Receives.SENIORPENSION,
        Receives.FOLKEPENSION,
    ):
        note(Status.NO, Finding("excluded", law, f"tidlig_excluded_{answers.receives}"))
    if band is None:
        note(
            Status.NO,
            Finding(
                "born",
                "Lov om social pension § 26 h",
                "tidlig_born_too_early",
                {"date": facts.TIDLIG_PENSION_FIRST_BIRTH_DATE},
            ),
        )
        return verdict.outcome(None, today, fpa)
    fpa_months = folkepensionsalder_band(answers.birth_date).age_months
    apply_from = band.cutoff(answers.birth_date)
    if today >= fpa:
        note(Status.NO, Finding("age", law, "tidlig_past_fpa", {"date": fpa}))
    elif today < apply_from:
        note(
            Status.NOT_YET,
            Finding(
                "apply_from",
                "Lov om social pension § 26 r",
                "tidlig_apply_from",
                {"date": apply_from},
            ),
        )
    else:
        note(Status.YES, Finding("apply_from", "Lov om social pension § 26 r", "tidlig_can_apply"))
    payment = None
    if band.seniority_years is None:
        note(Status.UNKNOWN, Finding("seniority", band.legal_ref, "tidlig_requirement_unconfirmed"))
    else:
        one, two, three = band.seniority_years
        values = {"one": one, "two": two, "three": three, "cutoff": apply_from}
        if answers.work_years is None:
            note(
                Status.UNKNOWN,
                Finding("seniority", band.legal_ref, "tidlig_seniority_unknown", values),
            )
        else:
            span = seniority_range(answers.work_years, apply_from, today)
            payment = note_seniority(
                verdict,
                band,
                span,
                values,
                lambda years_early: _tidlig_pension_start(
                    answers.birth_date, fpa_months, years_early, today
                ),
            )
    _note_residence_and_efterloen(verdict, answers)
    return verdict.outcome(apply_from, today, fpa, payment)


def _tidlig_pension_start(birth_date: date, fpa_months: int, years_early: int, today: date) -> date:
    """The earliest start: the 1st of a month, never before the right allows it, never before
    the scheme was first paid, and at least the notice the start application needs from today
    (§ 26 r, § 33, stk. 3)."""
    allowed = from_birth(birth_date, fpa_months - 12 * years_early)
    notice = add_months(today, facts.TIDLIG_PENSION_START_NOTICE_MONTHS.value)
    return first_of_month_on_or_after(max(allowed, notice, facts.TIDLIG_PENSION_FIRST_PAYMENT))


def _folkepension(answers: Answers, today: date, fpa: date) -> RouteOutcome:
    band = folkepensionsalder_band(answers.birth_date)
    findings: list[Finding] = []
    if answers.receives is Receives.FOLKEPENSION:
        finding = Finding("already", band.legal_ref, "already_folkepension")
        return RouteOutcome(
            Route.FOLKEPENSION, Status.YES, None, Authority.UDBETALING_DANMARK, (finding,)
        )
    values = {"date": fpa, "years": band.age_years, "months": band.extra_months}
    if today >= fpa:
        status = Status.YES
        findings.append(Finding("age", band.legal_ref, "folke_reached", values))
    else:
        status = Status.NOT_YET
        findings.append(Finding("age", band.legal_ref, "folke_not_yet", values))
    findings.append(Finding("payment", "Lov om social pension § 33, stk. 1", "folke_payment"))
    residence = _residence(answers)
    if residence:
        findings.append(residence[1])
        status = Status.UNKNOWN if status is Status.YES else status
    payment = max(first_of_month_after(fpa), first_of_month_on_or_after(today))
    return RouteOutcome(
        Route.FOLKEPENSION, status, fpa, Authority.UDBETALING_DANMARK, tuple(findings), payment
    )


_RECOMMENDATION_ORDER = (Route.SENIORPENSION, Route.FOERTIDSPENSION, Route.TIDLIG_PENSION)


def _recommend(routes: dict[Route, RouteOutcome], answers: Answers) -> Route | None:
    """Folkepension once it is there; else the route the citizen already has; else the first that
    fits, in the order that usually serves a worn-out citizen best (seniorpension: higher rate than
    tidlig pension, no long clarification of work capacity as førtidspension has); else the first
    worth asking about; else the one that opens soonest, so nobody is sent to a route decades ahead
    when another is nearer; else one whose requirement the answers do not meet."""
    already = {
        Receives.FOLKEPENSION: Route.FOLKEPENSION,
        Receives.FOERTIDSPENSION: Route.FOERTIDSPENSION,
        Receives.SENIORPENSION: Route.SENIORPENSION,
        Receives.TIDLIG_PENSION: Route.TIDLIG_PENSION,
    }.get(answers.receives)
    if routes[Route.FOLKEPENSION].status is Status.YES:
        return Route.FOLKEPENSION
    if already is not None:
        return already
    for wanted in (Status.YES, Status.UNKNOWN):
        for route in _RECOMMENDATION_ORDER:
            if routes[route].status is wanted:
                return route
    waiting = [route for route in _RECOMMENDATION_ORDER if routes[route].status is Status.NOT_YET]
    if waiting:
        return min(waiting, key=lambda route: routes[route].date or date.max)
    for route in _RECOMMENDATION_ORDER:
        if routes[route].status is Status.NOT_ON_ANSWERS:
            return route
    return Route.FOLKEPENSION


def assess(answers: Answers, today: date) -> Outcome:
    if answers.birth_date > today:
        raise ValueError("birth date is in the future")
    fpa = folkepensionsalder_date(answers.birth_date)
    band = folkepensionsalder_band(answers.birth_date)
    routes = {
        Route.SENIORPENSION: _seniorpension(answers, today, fpa),
        Route.FOERTIDSPENSION: _foertidspension(answers, today, fpa),
        Route.TIDLIG_PENSION: _tidlig_pension(answers, today, fpa),
        Route.FOLKEPENSION: _folkepension(answers, today, fpa),
    }
    recommended = _recommend(routes, answers)
    ordered = sorted(routes.values(), key=lambda outcome: outcome.route is not recommended)
    window_opens, apply_from = seniorpension_dates(answers.birth_date)
    return Outcome(
        today=today,
        age_years=age_on(answers.birth_date, today),
        folkepensionsalder_months=band.age_months,
        folkepension_date=fpa,
        seniorpension_window_opens=window_opens,
        seniorpension_apply_from=apply_from,
        routes=tuple(ordered),
        recommended=recommended,
        folkepension_first_payment=first_of_month_after(fpa),
        seniorpension_first_payment=first_of_month_after(window_opens),
    )
