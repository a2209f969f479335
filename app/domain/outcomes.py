"""What the rules answer with: the typed answers, the status of each route, who decides, each
finding with its rule and §, and the outcome; and the verdict a route's rules build up. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    YES = "yes"  # fits on the answers given; the authority still decides
    NO = "no"
    UNKNOWN = "unknown"  # needs the authority's concrete assessment or facts we do not have
    NOT_YET = "not_yet"  # fits the answers, but opens on a date
    NOT_ON_ANSWERS = "not_on_answers"  # a requirement is not met on the answers given


class Route(StrEnum):
    SENIORPENSION = "seniorpension"
    FOERTIDSPENSION = "foertidspension"
    TIDLIG_PENSION = "tidlig_pension"
    FOLKEPENSION = "folkepension"


class Authority(StrEnum):
    SENIORPENSION = "seniorpension"  # Seniorpensionsenheden (ATP), via borger.dk
    KOMMUNE = "kommune"
    UDBETALING_DANMARK = "udbetaling_danmark"


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Receives(StrEnum):
    NONE = "none"
    FOERTIDSPENSION = "foertidspension"
    SENIORPENSION = "seniorpension"
    FOLKEPENSION = "folkepension"
    TIDLIG_PENSION = "tidlig_pension"
    EFTERLOEN = "efterloen"


@dataclass(frozen=True)
class Answers:
    birth_date: date
    work_years: float | None = None  # full-time years (27 hours a week); None: does not know
    weekly_hours: float | None = None  # hours a week one can work in the latest job; None: unknown
    self_supporting: YesNo = YesNo.UNKNOWN  # can support oneself by work, flex job included
    residence: YesNo = YesNo.UNKNOWN  # meets the residence and citizenship rules
    receives: Receives = Receives.NONE


@dataclass(frozen=True)
class Finding:
    rule: str
    legal_ref: str
    key: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class RouteOutcome:
    route: Route
    status: Status
    date: date | None  # the first day one may apply, while the route is still open
    apply_to: Authority
    findings: tuple[Finding, ...]
    # The earliest 1st of a month this citizen could be paid from if they applied today: never
    # in the past, None where the route is closed (§ 33).
    earliest_payment: date | None = None


@dataclass(frozen=True)
class Outcome:
    today: date
    age_years: int
    folkepensionsalder_months: int
    folkepension_date: date
    seniorpension_window_opens: date
    seniorpension_apply_from: date
    routes: tuple[RouteOutcome, ...]
    recommended: Route | None
    folkepension_first_payment: date  # the 1st of the month after the folkepension date
    seniorpension_first_payment: date  # the 1st of the month after the window opens

    def route(self, route: Route) -> RouteOutcome:
        return next(outcome for outcome in self.routes if outcome.route is route)


# A "no" outweighs a requirement the answers do not meet, which outweighs a date, which outweighs
# "we cannot tell"; only then is it a "yes".
_PRECEDENCE = (Status.NO, Status.NOT_ON_ANSWERS, Status.NOT_YET, Status.UNKNOWN, Status.YES)


def _combine(statuses: list[Status]) -> Status:
    return next(status for status in _PRECEDENCE if status in statuses) if statuses else Status.YES


class Verdict:
    """The findings for one route as they are made, and the status they add up to."""

    def __init__(self, route: Route, authority: Authority) -> None:
        self.route, self.authority = route, authority
        self.statuses: list[Status] = []
        self.findings: list[Finding] = []

    def note(self, status: Status, finding: Finding) -> None:
        self.statuses.append(status)
        self.findings.append(finding)

    def inform(self, finding: Finding) -> None:
        """A finding that changes no status: something the citizen should know."""
        self.findings.append(finding)

    def outcome(
        self, opens: date | None, today: date, fpa: date, payment: date | None = None
    ) -> RouteOutcome:
        """`opens` is the route's first day to apply, `payment` its earliest payment if the
        citizen applied today; both are only given while the route is open."""
        status = _combine(self.statuses)
        is_open = status is not Status.NO and today < fpa
        # A payment date for a route the answers do not fit would read like a promise.
        fits = is_open and status is not Status.NOT_ON_ANSWERS
        return RouteOutcome(
            self.route,
            status,
            opens if is_open else None,
            self.authority,
            tuple(self.findings),
            payment if fits else None,
        )

    def already(self, legal_ref: str, key: str) -> RouteOutcome:
        finding = Finding("already", legal_ref, key)
        return RouteOutcome(self.route, Status.YES, None, self.authority, (finding,))
