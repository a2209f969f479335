"""What the questionnaire, its result and the chat say, in one language: message keys from the pure
modules (questions, errors, findings) turned into text. Presentation only; no rules here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import ClassVar

from app.domain import facts
from app.domain.outcomes import Finding
from app.i18n import N_, Language, language

QUESTION_TITLES = {
    "birth_date": N_("What is your date of birth?"),
    "receives": N_("Do you already receive a pension or efterløn?"),
    "residence": N_(
        "Do you live in Denmark, and are you a Danish citizen or have you lived here for at least 10 years since you turned 15?"
    ),
    "self_supporting": N_("Can you support yourself by working, for example in a flex job?"),
    "work_years": N_("How many years have you worked in all?"),
    "weekly_hours": N_("How many hours a week can you work in your latest job?"),
}
QUESTION_HINTS = {
    "birth_date": N_(
        "For example 3 5 1966. We use it to work out your folkepensionsalder and the dates that matter for you."
    ),
    "receives": N_(
        "Choose the one you receive now. Efterløn is the voluntary early retirement pay from your a-kasse."
    ),
    "residence": N_(
        "These are the basic rules for all social pensions. There are exceptions, for example for EU citizens and refugees."
    ),
    "self_supporting": N_(
        "A flex job is a job on special terms with fewer hours, where your municipality pays part of the wage."
    ),
    "work_years": N_(
        "Count full-time years. %(hours)s hours a week or more counts as a full year. Part-time counts as part of a year: %(half)s hours a week for 10 years is 5 years. A flex job counts as full time."
    ),
    "weekly_hours": N_(
        "Your latest job is the latest job you had for at least %(months)s months. Think of what your health allows, not what you work now."
    ),
}
CHOICES = {
    "receives": {
        "none": N_("No, none of these"),
        "efterloen": N_("Efterløn"),
        "foertidspension": N_("Førtidspension"),
        "seniorpension": N_("Seniorpension"),
        "tidlig_pension": N_("Tidlig pension"),
        "folkepension": N_("Folkepension"),
    },
    "yes_no": {"yes": N_("Yes"), "no": N_("No"), "unknown": N_("I don't know")},
}
ERRORS = {
    "date_missing": N_("Enter your date of birth with day, month and year."),
    "date_not_numbers": N_("Write the date of birth with numbers only, for example 3 5 1966."),
    "date_does_not_exist": N_("That date does not exist. Check the day and the month."),
    "date_in_future": N_("The date of birth cannot be in the future."),
    "date_too_old": N_("Check the year: it must be 1900 or later."),
    "choose_one": N_("Choose one of the answers."),
    "choice_unknown": N_("Choose one of the answers shown."),
    "number_missing": N_("Write a number, or choose “I don't know”."),
    "number_invalid": N_("Write a number, for example 12 or 12,5."),
    "number_negative": N_("The number cannot be below zero."),
    "number_too_big": N_("That number is too big. Check it again."),
    "parttime_invalid": N_(
        "Write the hours a week and the number of years as numbers, for example 20 and 8."
    ),
}
ROUTE_NAMES = {
    "seniorpension": N_("Seniorpension"),
    "foertidspension": N_("Førtidspension"),
    "tidlig_pension": N_("Tidlig pension"),
    "folkepension": N_("Folkepension"),
}
ROUTE_ANSWERS = {
    "seniorpension": "hvad-er-seniorpension",
    "foertidspension": "foertidspension-betingelser",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}
STATUS_LABELS = {
    "yes": N_("Fits your answers"),
    "no": N_("Does not fit"),
    "unknown": N_("Ask the authority"),
    "not_yet": N_("Not yet"),
    "not_on_answers": N_("Not on your answers"),
}
AUTHORITIES = {
    "seniorpension": N_(
        "Apply to Seniorpension (part of ATP), digitally on borger.dk with MitID. Your municipality must help you if you cannot apply digitally."
    ),
    "kommune": N_(
        "Contact your municipality (kommunen) and ask for your case to be looked at as a førtidspension case."
    ),
    "udbetaling_danmark": N_("Apply to Udbetaling Danmark on borger.dk with MitID."),
}
FINDINGS = {
    "already_seniorpension": N_("You already receive seniorpension."),
    "already_foertidspension": N_("You already receive førtidspension."),
    "already_tidlig_pension": N_("You already receive tidlig pension."),
    "already_folkepension": N_("You already receive folkepension."),
    "residence_no": N_(
        "You do not seem to meet the basic rules on residence and citizenship. There are exceptions, so ask the authority."
    ),
    "residence_unknown": N_(
        "We do not know if you meet the rules on residence and citizenship. The authority checks them."
    ),
    "senior_excluded_foertidspension": N_(
        "You cannot get seniorpension when you have been granted førtidspension."
    ),
    "senior_excluded_folkepension": N_(
        "Seniorpension stops at folkepensionsalder, and you receive folkepension."
    ),
    "senior_excluded_tidlig_pension": N_(
        "You cannot receive seniorpension and tidlig pension at the same time."
    ),
    "senior_past_fpa": N_(
        "Seniorpension can only be paid until folkepensionsalder, which you reached on %(date)s."
    ),
    "senior_apply_from": N_(
        "You can apply from %(date)s. Seniorpension can be paid from %(first_payment)s at the earliest."
    ),
    "senior_apply_early": N_(
        "You can apply now: the law lets you apply %(apply_months)s months before you have %(senior_years)s years left to folkepensionsalder, which is on %(window_opens)s. Seniorpension can be paid from %(first_payment)s at the earliest."
    ),
    "senior_in_window": N_(
        "You are within the %(senior_years)s years before folkepensionsalder, so you can apply now."
    ),
    "senior_work_unknown": N_(
        "You need %(min_years)s to %(full_years)s years of work. Seniorpension finds your years from registers, such as ATP."
    ),
    "senior_work_too_few": N_(
        "You have counted about %(years)s years of work, and at least %(min_years)s are needed. Work abroad and part-time can count too, so ask Seniorpension before you give up."
    ),
    "senior_work_assessed": N_(
        "You have worked about %(years)s years. Between %(min_years)s and %(full_years)s years, Seniorpension looks at how hard your work has been on you."
    ),
    "senior_work_enough": N_(
        "You have worked about %(years)s years. %(full_years)s years or more is enough."
    ),
    "senior_hours_unknown": N_(
        "Your work capacity must be at most %(max_hours)s hours a week in your latest job. Seniorpension assesses it from your health information."
    ),
    "senior_hours_too_many": N_(
        "You can work %(hours)s hours a week in your latest job. It must be at most %(max_hours)s, so seniorpension does not fit these answers."
    ),
    "senior_hours_ok": N_(
        "You can work at most %(max_hours)s hours a week in your latest job. Seniorpension assesses if this is lasting."
    ),
    "foertid_excluded_folkepension": N_(
        "Førtidspension stops at folkepensionsalder, and you receive folkepension."
    ),
    "foertid_excluded_tidlig_pension": N_(
        "You receive tidlig pension, which runs until folkepensionsalder."
    ),
    "foertid_while_seniorpension": N_(
        "You receive seniorpension. Ask your municipality whether a førtidspension case makes sense for you."
    ),
    "foertid_past_fpa": N_(
        "Førtidspension can only be granted until folkepensionsalder, which you reached on %(date)s."
    ),
    "foertid_under_18": N_(
        "Førtidspension can be granted from age %(exception_age)s at the earliest, on %(date)s."
    ),
    "foertid_18_39": N_(
        "Under %(min_age)s, førtidspension is only granted when it is clear that your work capacity cannot be improved. You turn %(min_age)s on %(date)s."
    ),
    "foertid_age_ok": N_("You are %(min_age)s or older and under folkepensionsalder."),
    "foertid_self_supporting": N_(
        "You can support yourself by work. Then you cannot get førtidspension."
    ),
    "foertid_not_self_supporting": N_(
        "You cannot support yourself by work, not even in a flex job. Your municipality assesses whether this is lasting."
    ),
    "foertid_capacity_unknown": N_(
        "Your work capacity must be so reduced that you cannot support yourself, not even in a flex job. Your municipality assesses it."
    ),
    "tidlig_excluded_foertidspension": N_(
        "You cannot get tidlig pension when you receive førtidspension."
    ),
    "tidlig_excluded_seniorpension": N_(
        "You cannot get tidlig pension when you receive seniorpension."
    ),
    "tidlig_excluded_folkepension": N_(
        "Tidlig pension stops at folkepensionsalder, and you receive folkepension."
    ),
    "tidlig_born_too_early": N_("Tidlig pension is for people born on %(date)s or later."),
    "tidlig_past_fpa": N_(
        "Tidlig pension ends at folkepensionsalder, which you reached on %(date)s."
    ),
    "tidlig_apply_from": N_("You can apply for the right to tidlig pension from %(date)s."),
    "tidlig_can_apply": N_("You can apply for the right to tidlig pension now."),
    "tidlig_requirement_unconfirmed": N_(
        "For people born in 1971 or later, the years needed follow the new folkepensionsalder. Udbetaling Danmark can tell you the figures."
    ),
    "tidlig_seniority_unknown": N_(
        "You need %(one)s years of work to retire 1 year early, %(two)s for 2 years and %(three)s for 3 years, counted until %(cutoff)s. Udbetaling Danmark counts them from registers."
    ),
    "tidlig_seniority_enough": N_(
        "With about %(years)s years of work counted until %(cutoff)s you can retire %(years_early)s year(s) early. The earliest start is %(earliest_start)s: you apply for the start at least %(notice_months)s months before. Udbetaling Danmark counts your years from registers."
    ),
    "tidlig_seniority_short": N_(
        "Counted until %(cutoff)s, you have at most about %(years)s full-time years; %(one)s are needed to retire 1 year early, so tidlig pension does not fit these answers. Unemployment benefit, leave and part-time of 18 hours a week or more can also count, so ask Udbetaling Danmark."
    ),
    "tidlig_seniority_if_working": N_(
        "You have about %(years)s years of work now; %(one)s are needed to retire 1 year early. Seniority counts until %(cutoff)s. If you work full time until then, you will have about %(more_years)s years: enough to retire %(years_early)s year(s) early. Unemployment benefit, sickness benefit and leave can also count. Udbetaling Danmark counts your years from registers."
    ),
    "tidlig_seniority_depends": N_(
        "Only years of work until %(cutoff)s count; %(one)s are needed to retire 1 year early. If you have worked all the time since %(cutoff)s, about %(years)s of your %(more_years)s years count, and that is too few. If you worked less after %(cutoff)s, more of them count: perhaps enough to retire %(years_early)s year(s) early. Ask Udbetaling Danmark: they count your years from registers."
    ),
    "tidlig_seniority_more_if_working": N_(
        "Seniority counts until %(cutoff)s. If you work full time until then, you will have about %(years)s years: enough to retire %(years_early)s year(s) early."
    ),
    "tidlig_seniority_more_if_not_worked_since": N_(
        "Years of work after %(cutoff)s do not count, so we counted as if you had worked all of them. If you worked less since then, more of your years count, and you may retire up to %(years_early)s year(s) early."
    ),
    "folke_reached": N_(
        "You reached folkepensionsalder on %(date)s. Apply to Udbetaling Danmark if you have not done so."
    ),
    "folke_not_yet": N_("Your folkepensionsalder is %(age)s. You reach it on %(date)s."),
    "folke_payment": N_(
        "Folkepension is paid from the 1st of the month after you reach the age, if you apply in time."
    ),
    "efterloen_stops": N_(
        "You cannot get efterløn and a pension at the same time: efterløn stops when the pension starts. If you do not have your efterlønsbevis yet, talk to your a-kasse before you apply."
    ),
}


# "What would change this result": the condition under which a route's status would change.
CHANGE_CONDITIONS = {
    "residence": N_("If you live in Denmark and meet the rules on citizenship or residence"),
    "self_supporting": N_("If you cannot support yourself by work, not even in a flex job"),
    "weekly_hours": N_("If you can work at most %(value)s hours a week in your latest job"),
    "work_years": N_("If you have worked %(value)s full-time years or more"),
}
# Where to apply for a route: the authority's own self-service (addresses from the facts sheet's
# sources), or our answer on how to apply where there is none.
APPLY_LINKS = {
    "seniorpension": (
        N_("Apply for seniorpension on borger.dk"),
        "https://www.borger.dk/kampagnesider/seniorpension",
    ),
    "tidlig_pension": (
        N_("Apply for the right to tidlig pension on borger.dk"),
        "https://www.borger.dk/pension-og-efterloen/tidlig-pension/vil-du-soege-om-ret-til-tidlig-pension",
    ),
}
HOW_TO_APPLY = {
    "seniorpension": "seniorpension-ansoegning",
    "foertidspension": "hvad-skal-der-staa-i-ansoegningen",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}


def age_text(years: int, months: int) -> str:
    return f"{years}½" if months == 6 else str(years)


CHAT_TEXTS = {
    "greeting": N_(
        "Hello! Write your question about pension in your own words, and I will find the answer that fits best."
    ),
    "thanks": N_("You are welcome. Write again if you have more questions."),
    "help": N_(
        "I answer questions about førtidspension, seniorpension, tidlig pension and folkepension from this site's own answers. Write for example “Can I get seniorpension when my back is worn out?” or “When can I retire? I was born on 3 May 1966.” Nothing you write is saved."
    ),
    "empty": N_("Write your question in the field, and I will answer."),
    "no_match": N_(
        "Sorry, I have no answer to that. Try other words, or get advice from a person."
    ),
    "not_sure": N_("I am not sure I understood you. Perhaps one of these answers helps:"),
    "read_more": N_("Read the whole answer:"),
    "also": N_("You may also find these useful:"),
    "advice": N_("Get advice from a person"),
    "questionnaire": N_("Answer a few questions and see which pension fits you"),
    "deadlines": N_("Work out your deadlines as dates"),
    "folkepension_date": N_(
        "You were born on %(born)s. Your folkepensionsalder is %(age)s, and you reach it on %(date)s."
    ),
    "folkepension_age": N_(
        "If you are %(now)s now, your folkepensionsalder is %(age)s. You reach it in %(first)s or %(second)s, depending on your birthday. Write your date of birth for the exact day."
    ),
    "folkepension_year": N_(
        "If you were born in %(year)s, your folkepensionsalder is %(age)s. You reach it on your birthday in %(reach_year)s."
    ),
    "seniorpension_date": N_(
        "You were born on %(born)s. Seniorpension can be paid from %(opens)s at the earliest, and you can apply from %(apply)s. Your folkepensionsalder is %(age)s (%(date)s)."
    ),
}


Texts = Mapping[str, str]


@dataclass(frozen=True)
class Wording:
    """The questionnaire's and the chat's texts in one language, translated once per process (the
    hints with their figures filled in): a result page shows some forty of them. Dates and numbers
    are written the language's way; templates write dates with the `long_date` filter."""

    language: Language
    question_titles: Texts
    question_hints: Texts
    choices: Mapping[str, Texts]
    errors: Texts
    route_names: Texts
    status_labels: Texts
    authorities: Texts
    findings: Texts
    chat_texts: Texts
    change_conditions: Texts
    apply_links: Mapping[str, tuple[str, str]]
    figures: Mapping[str, object]
    route_answers: ClassVar[Texts] = MappingProxyType(ROUTE_ANSWERS)
    how_to_apply: ClassVar[Texts] = MappingProxyType(HOW_TO_APPLY)
    age_text = staticmethod(age_text)

    def date_text(self, value: date) -> str:
        return self.language.date_text(value)

    def number_text(self, value: str | float) -> str:
        """A number as the language writes it: 12,5 in Danish, 12.5 in English."""
        return self.language.number_text(value)

    def finding_text(self, finding: Finding) -> str:
        values = {
            **self.figures,
            **{key: self._value_text(value) for key, value in finding.values.items()},
        }
        if "years" in finding.values and "months" in finding.values:
            values["age"] = age_text(int(finding.values["years"]), int(finding.values["months"]))  # type: ignore[arg-type]
        return self.findings[finding.key] % values

    def change_text(self, question: str, value: str) -> str:
        condition = self.change_conditions[question]
        # Only the number questions' conditions quote the answer ("15 hours"); a choice is "no".
        return (
            condition % {"value": self.number_text(value)}
            if "%(value)s" in condition
            else condition
        )

    def _value_text(self, value: object) -> str:
        if isinstance(value, date):
            return self.date_text(value)
        if isinstance(value, float):
            return self.number_text(value)
        return str(value)


@cache
def for_language(code: str) -> Wording:
    """The wording of one site language ("da" or "en"), built on first use."""
    texts = language(code)

    def translated(source: Mapping[str, str]) -> Texts:
        return MappingProxyType({key: texts.gettext(text) for key, text in source.items()})

    # The figures the texts quote, from app/domain/facts.py.
    figures = MappingProxyType(
        {
            "min_years": facts.SENIORPENSION_MIN_WORK_YEARS.value,
            "full_years": facts.SENIORPENSION_FULL_WORK_YEARS.value,
            "max_hours": facts.SENIORPENSION_MAX_WEEKLY_HOURS.value,
            "senior_years": facts.SENIORPENSION_YEARS_BEFORE_FPA.value,
            "min_age": facts.FOERTIDSPENSION_MIN_AGE.value,
            "exception_age": facts.FOERTIDSPENSION_EXCEPTION_MIN_AGE.value,
            "hours": facts.FULL_TIME_WEEKLY_HOURS.value,
            "half": texts.number_text(facts.FULL_TIME_WEEKLY_HOURS.value / 2, "#,##0.#"),
            "months": facts.SENIORPENSION_LATEST_JOB_MONTHS.value,
            "apply_months": facts.SENIORPENSION_APPLY_MONTHS_EARLY.value,
            "notice_months": facts.TIDLIG_PENSION_START_NOTICE_MONTHS.value,
        }
    )
    hints = translated(QUESTION_HINTS)
    return Wording(
        language=texts,
        question_titles=translated(QUESTION_TITLES),
        question_hints=MappingProxyType(
            {key: hint % figures if "%(" in hint else hint for key, hint in hints.items()}
        ),
        choices=MappingProxyType({name: translated(source) for name, source in CHOICES.items()}),
        errors=translated(ERRORS),
        route_names=translated(ROUTE_NAMES),
        status_labels=translated(STATUS_LABELS),
        authorities=translated(AUTHORITIES),
        findings=translated(FINDINGS),
        chat_texts=translated(CHAT_TEXTS),
        change_conditions=translated(CHANGE_CONDITIONS),
        apply_links=MappingProxyType(
            {route: (texts.gettext(label), url) for route, (label, url) in APPLY_LINKS.items()}
        ),
        figures=figures,
    )
