"""What the questionnaire and its result say, in the page's language: message keys from the pure
modules (questions, errors, findings) turned into text. Presentation only; no rules here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import ClassVar

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from flask_babel import force_locale, get_locale
from flask_babel import lazy_gettext as _l

from app import facts
from app.content import LANGUAGES
from app.rules import Finding

QUESTION_TITLES = {
    "birth_date": _l("What is your date of birth?"),
    "receives": _l("Do you already receive a pension or efterløn?"),
    "residence": _l(
        "Do you live in Denmark, and are you a Danish citizen or have you lived here for at least 10 years since you turned 15?"
    ),
    "self_supporting": _l("Can you support yourself by working, for example in a flex job?"),
    "work_years": _l("How many years have you worked in all?"),
    "weekly_hours": _l("How many hours a week can you work in your latest job?"),
}
QUESTION_HINTS = {
    "birth_date": _l(
        "For example 3 5 1966. We use it to work out your folkepensionsalder and the dates that matter for you."
    ),
    "receives": _l(
        "Choose the one you receive now. Efterløn is the voluntary early retirement pay from your a-kasse."
    ),
    "residence": _l(
        "These are the basic rules for all social pensions. There are exceptions, for example for EU citizens and refugees."
    ),
    "self_supporting": _l(
        "A flex job is a job on special terms with fewer hours, where your municipality pays part of the wage."
    ),
    "work_years": _l(
        "Count full-time years. %(hours)s hours a week or more counts as a full year. Part-time counts as part of a year: %(half)s hours a week for 10 years is 5 years. A flex job counts as full time."
    ),
    "weekly_hours": _l(
        "Your latest job is the latest job you had for at least %(months)s months. Think of what your health allows, not what you work now."
    ),
}
CHOICES = {
    "receives": {
        "none": _l("No, none of these"),
        "efterloen": _l("Efterløn"),
        "foertidspension": _l("Førtidspension"),
        "seniorpension": _l("Seniorpension"),
        "tidlig_pension": _l("Tidlig pension"),
        "folkepension": _l("Folkepension"),
    },
    "yes_no": {"yes": _l("Yes"), "no": _l("No"), "unknown": _l("I don't know")},
}
ERRORS = {
    "date_missing": _l("Enter your date of birth with day, month and year."),
    "date_not_numbers": _l("Write the date of birth with numbers only, for example 3 5 1966."),
    "date_does_not_exist": _l("That date does not exist. Check the day and the month."),
    "date_in_future": _l("The date of birth cannot be in the future."),
    "date_too_old": _l("Check the year: it must be 1900 or later."),
    "choose_one": _l("Choose one of the answers."),
    "choice_unknown": _l("Choose one of the answers shown."),
    "number_missing": _l("Write a number, or choose “I don't know”."),
    "number_invalid": _l("Write a number, for example 12 or 12,5."),
    "number_negative": _l("The number cannot be below zero."),
    "number_too_big": _l("That number is too big. Check it again."),
    "parttime_invalid": _l(
        "Write the hours a week and the number of years as numbers, for example 20 and 8."
    ),
}
ROUTE_NAMES = {
    "seniorpension": _l("Seniorpension"),
    "foertidspension": _l("Førtidspension"),
    "tidlig_pension": _l("Tidlig pension"),
    "folkepension": _l("Folkepension"),
}
ROUTE_ANSWERS = {
    "seniorpension": "hvad-er-seniorpension",
    "foertidspension": "foertidspension-betingelser",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}
STATUS_LABELS = {
    "yes": _l("Fits your answers"),
    "no": _l("Does not fit"),
    "unknown": _l("Ask the authority"),
    "not_yet": _l("Not yet"),
}
AUTHORITIES = {
    "seniorpension": _l(
        "Apply to Seniorpension (part of ATP), digitally on borger.dk with MitID. Your municipality must help you if you cannot apply digitally."
    ),
    "kommune": _l(
        "Contact your municipality (kommunen) and ask for your case to be looked at as a førtidspension case."
    ),
    "udbetaling_danmark": _l("Apply to Udbetaling Danmark on borger.dk with MitID."),
}
FINDINGS = {
    "already_seniorpension": _l("You already receive seniorpension."),
    "already_foertidspension": _l("You already receive førtidspension."),
    "already_tidlig_pension": _l("You already receive tidlig pension."),
    "already_folkepension": _l("You already receive folkepension."),
    "residence_no": _l(
        "You do not seem to meet the basic rules on residence and citizenship. There are exceptions, so ask the authority."
    ),
    "residence_unknown": _l(
        "We do not know if you meet the rules on residence and citizenship. The authority checks them."
    ),
    "senior_excluded_foertidspension": _l(
        "You cannot get seniorpension when you have been granted førtidspension."
    ),
    "senior_excluded_folkepension": _l(
        "Seniorpension stops at folkepensionsalder, and you receive folkepension."
    ),
    "senior_excluded_tidlig_pension": _l(
        "You cannot receive seniorpension and tidlig pension at the same time."
    ),
    "senior_past_fpa": _l(
        "Seniorpension can only be paid until folkepensionsalder, which you reached on %(date)s."
    ),
    "senior_apply_from": _l(
        "You can apply from %(date)s. Seniorpension can be paid from %(window_opens)s at the earliest."
    ),
    "senior_in_window": _l(
        "You are within the %(senior_years)s years before folkepensionsalder, so you can apply now."
    ),
    "senior_work_unknown": _l(
        "You need %(min_years)s to %(full_years)s years of work. Seniorpension finds your years from registers, such as ATP."
    ),
    "senior_work_too_few": _l(
        "You have worked about %(years)s years. Seniorpension needs at least %(min_years)s years."
    ),
    "senior_work_assessed": _l(
        "You have worked about %(years)s years. Between %(min_years)s and %(full_years)s years, Seniorpension looks at how hard your work has been on you."
    ),
    "senior_work_enough": _l(
        "You have worked about %(years)s years. %(full_years)s years or more is enough."
    ),
    "senior_hours_unknown": _l(
        "Your work capacity must be at most %(max_hours)s hours a week in your latest job. Seniorpension assesses it from your health information."
    ),
    "senior_hours_too_many": _l(
        "You can work %(hours)s hours a week in your latest job. It must be at most %(max_hours)s."
    ),
    "senior_hours_ok": _l(
        "You can work at most %(max_hours)s hours a week in your latest job. Seniorpension assesses if this is lasting."
    ),
    "foertid_excluded_folkepension": _l(
        "Førtidspension stops at folkepensionsalder, and you receive folkepension."
    ),
    "foertid_excluded_tidlig_pension": _l(
        "You receive tidlig pension, which runs until folkepensionsalder."
    ),
    "foertid_while_seniorpension": _l(
        "You receive seniorpension. Ask your municipality whether a førtidspension case makes sense for you."
    ),
    "foertid_past_fpa": _l(
        "Førtidspension can only be granted until folkepensionsalder, which you reached on %(date)s."
    ),
    "foertid_under_18": _l(
        "Førtidspension can be granted from age %(exception_age)s at the earliest, on %(date)s."
    ),
    "foertid_18_39": _l(
        "Under %(min_age)s, førtidspension is only granted when it is clear that your work capacity cannot be improved. You turn %(min_age)s on %(date)s."
    ),
    "foertid_age_ok": _l("You are %(min_age)s or older and under folkepensionsalder."),
    "foertid_self_supporting": _l(
        "You can support yourself by work. Then you cannot get førtidspension."
    ),
    "foertid_not_self_supporting": _l(
        "You cannot support yourself by work, not even in a flex job. Your municipality assesses whether this is lasting."
    ),
    "foertid_capacity_unknown": _l(
        "Your work capacity must be so reduced that you cannot support yourself, not even in a flex job. Your municipality assesses it."
    ),
    "tidlig_excluded_foertidspension": _l(
        "You cannot get tidlig pension when you receive førtidspension."
    ),
    "tidlig_excluded_seniorpension": _l(
        "You cannot get tidlig pension when you receive seniorpension."
    ),
    "tidlig_excluded_folkepension": _l(
        "Tidlig pension stops at folkepensionsalder, and you receive folkepension."
    ),
    "tidlig_born_too_early": _l("Tidlig pension is for people born on %(date)s or later."),
    "tidlig_past_fpa": _l(
        "Tidlig pension ends at folkepensionsalder, which you reached on %(date)s."
    ),
    "tidlig_apply_from": _l("You can apply for the right to tidlig pension from %(date)s."),
    "tidlig_can_apply": _l("You can apply for the right to tidlig pension now."),
    "tidlig_requirement_unconfirmed": _l(
        "For people born in 1971 or later, the years needed follow the new folkepensionsalder. Udbetaling Danmark can tell you the figures."
    ),
    "tidlig_seniority_unknown": _l(
        "You need %(one)s years of work to retire 1 year early, %(two)s for 2 years and %(three)s for 3 years, counted until %(cutoff)s. Udbetaling Danmark counts them from registers."
    ),
    "tidlig_seniority_enough": _l(
        "With about %(years)s years of work you can retire %(years_early)s year(s) early, from %(earliest_start)s. Udbetaling Danmark counts your years from registers."
    ),
    "tidlig_seniority_short": _l(
        "You have about %(years)s full-time years; %(one)s are needed to retire 1 year early. Unemployment benefit, leave and part-time of 18 hours a week or more can also count, so ask Udbetaling Danmark."
    ),
    "folke_reached": _l(
        "You reached folkepensionsalder on %(date)s. Apply to Udbetaling Danmark if you have not done so."
    ),
    "folke_not_yet": _l("Your folkepensionsalder is %(age)s. You reach it on %(date)s."),
    "folke_payment": _l(
        "Folkepension is paid from the 1st of the month after you reach the age, if you apply in time."
    ),
}


def age_text(years: int, months: int) -> str:
    return f"{years}½" if months == 6 else str(years)


CHAT_TEXTS = {
    "greeting": _l(
        "Hello! Write your question about pension in your own words, and I will find the answer that fits best."
    ),
    "thanks": _l("You are welcome. Write again if you have more questions."),
    "help": _l(
        "I answer questions about førtidspension, seniorpension, tidlig pension and folkepension from this site's own answers. Write for example “Can I get seniorpension when my back is worn out?” or “When can I retire? I was born on 3 May 1966.” Nothing you write is saved."
    ),
    "empty": _l("Write your question in the field, and I will answer."),
    "no_match": _l(
        "Sorry, I have no answer to that. Try other words, or get advice from a person."
    ),
    "not_sure": _l("I am not sure I understood you. Perhaps one of these answers helps:"),
    "read_more": _l("Read the whole answer:"),
    "also": _l("You may also find these useful:"),
    "advice": _l("Get advice from a person"),
    "questionnaire": _l("Answer a few questions and see which pension fits you"),
    "folkepension_date": _l(
        "You were born on %(born)s. Your folkepensionsalder is %(age)s, and you reach it on %(date)s."
    ),
    "folkepension_age": _l(
        "If you are %(now)s now, your folkepensionsalder is %(age)s. You reach it in %(first)s or %(second)s, depending on your birthday. Write your date of birth for the exact day."
    ),
    "folkepension_year": _l(
        "If you were born in %(year)s, your folkepensionsalder is %(age)s. You reach it on your birthday in %(reach_year)s."
    ),
    "seniorpension_date": _l(
        "You were born on %(born)s. Seniorpension can be paid from %(opens)s at the earliest, and you can apply from %(apply)s. Your folkepensionsalder is %(age)s (%(date)s)."
    ),
}


@dataclass(frozen=True)
class ChatView:
    """A chat reply ready to show: paragraphs, the answer to read, other links, and a next step."""

    paragraphs: tuple[str, ...]
    primary: tuple[str, str] | None = None
    others_intro: str | None = None
    others: tuple[tuple[str, str], ...] = ()
    action: tuple[str, str] | None = None

    def as_text(self, language: Wording) -> str:
        lines = list(self.paragraphs)
        if self.primary:
            lines.append(f"{language.CHAT_TEXTS['read_more']} {self.primary[0]}")
        if self.others:
            if self.others_intro:
                lines.append(self.others_intro)
            lines.extend(f"- {title}" for title, _url in self.others)
        if self.action:
            lines.append(self.action[0])
        return "\n".join(lines)


Texts = Mapping[str, str]


@dataclass(frozen=True)
class Wording:
    """The questionnaire's and the chat's texts in one language, translated once per process (the
    hints with their figures filled in): a result page shows some forty of them, and looking each
    one up again on every page cost a tenth of the page's time. Dates and numbers are written the
    language's way; templates write dates with the `long_date` filter, which calls date_text."""

    locale: Locale
    QUESTION_TITLES: Texts
    QUESTION_HINTS: Texts
    CHOICES: Mapping[str, Texts]
    ERRORS: Texts
    ROUTE_NAMES: Texts
    STATUS_LABELS: Texts
    AUTHORITIES: Texts
    FINDINGS: Texts
    CHAT_TEXTS: Texts
    figures: Mapping[str, object]
    ROUTE_ANSWERS: ClassVar[Texts] = MappingProxyType(ROUTE_ANSWERS)
    age_text = staticmethod(age_text)

    def date_text(self, value: date) -> str:
        return format_date(value, "long", locale=self.locale)

    def number_text(self, value: str | float) -> str:
        """A number as the language writes it: 12,5 in Danish, 12.5 in English."""
        return format_decimal(float(value), format="#,##0.##", locale=self.locale)

    def finding_text(self, finding: Finding) -> str:
        values = {
            **self.figures,
            **{key: self._value_text(value) for key, value in finding.values.items()},
        }
        if "years" in finding.values and "months" in finding.values:
            values["age"] = age_text(int(finding.values["years"]), int(finding.values["months"]))  # type: ignore[arg-type]
        return self.FINDINGS[finding.key] % values

    def _value_text(self, value: object) -> str:
        if isinstance(value, date):
            return self.date_text(value)
        if isinstance(value, float):
            return self.number_text(value)
        return str(value)


def current() -> Wording:
    """The wording in the language of the request."""
    return in_language(str(get_locale()))


@lru_cache(maxsize=len(LANGUAGES))
def in_language(locale: str) -> Wording:
    def translated(texts: Mapping[str, object]) -> Texts:
        return MappingProxyType({key: str(text) for key, text in texts.items()})

    # The figures the texts quote, from app/facts.py.
    figures = MappingProxyType(
        {
            "min_years": facts.SENIORPENSION_MIN_WORK_YEARS.value,
            "full_years": facts.SENIORPENSION_FULL_WORK_YEARS.value,
            "max_hours": facts.SENIORPENSION_MAX_WEEKLY_HOURS.value,
            "senior_years": facts.SENIORPENSION_YEARS_BEFORE_FPA.value,
            "min_age": facts.FOERTIDSPENSION_MIN_AGE.value,
            "exception_age": facts.FOERTIDSPENSION_EXCEPTION_MIN_AGE.value,
            "hours": facts.FULL_TIME_WEEKLY_HOURS.value,
            "half": format_decimal(
                facts.FULL_TIME_WEEKLY_HOURS.value / 2, format="#,##0.#", locale=locale
            ),
            "months": facts.SENIORPENSION_LATEST_JOB_MONTHS.value,
        }
    )
    with force_locale(locale):
        # Outside a Flask app, force_locale changes nothing and every text would stay English,
        # kept for the rest of the process by the cache: refuse rather than cache that.
        if str(get_locale()) != locale:
            raise RuntimeError(f"wording.in_language({locale!r}) needs a Flask app context")
        hints = translated(QUESTION_HINTS)
        return Wording(
            locale=Locale.parse(locale),
            QUESTION_TITLES=translated(QUESTION_TITLES),
            QUESTION_HINTS=MappingProxyType(
                {key: hint % figures if "%(" in hint else hint for key, hint in hints.items()}
            ),
            CHOICES=MappingProxyType({name: translated(texts) for name, texts in CHOICES.items()}),
            ERRORS=translated(ERRORS),
            ROUTE_NAMES=translated(ROUTE_NAMES),
            STATUS_LABELS=translated(STATUS_LABELS),
            AUTHORITIES=translated(AUTHORITIES),
            FINDINGS=translated(FINDINGS),
            CHAT_TEXTS=translated(CHAT_TEXTS),
            figures=figures,
        )
