"""The deadlines tool ("Frister", /frister and /en/deadlines): the citizen picks what happened and
the day it happened, and sees each deadline that follows, as a date, with what it means, what to
do once it has passed, and its §. One question per page, no JavaScript needed; the answers travel
in the form, and the result can be shared by a sealed link. The rules: app/domain/deadlines.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for

from app.domain import deadlines as rules
from app.domain import facts
from app.domain.sealing import BrokenLink, seal, unseal
from app.i18n import N_, Language
from app.web.site import page, page_texts

bp = Blueprint("deadlines", __name__)

EVENT_LABELS = {
    rules.Event.DECISION_RECEIVED: N_("I have received a decision: a yes or a no"),
    rules.Event.FOERTIDSPENSION_CASE_MOVED: N_(
        "The municipality has told me my case is now a case about førtidspension"
    ),
    rules.Event.SENIORPENSION_APPLICATION_RECEIVED: N_(
        "Seniorpension has received my application for seniorpension"
    ),
    rules.Event.TIDLIG_PENSION_APPLICATION_RECEIVED: N_(
        "Udbetaling Danmark has received my application for the right to tidlig pension"
    ),
}
DATE_QUESTIONS = {
    rules.Event.DECISION_RECEIVED: N_("On which day did you receive the decision?"),
    rules.Event.FOERTIDSPENSION_CASE_MOVED: N_("From which day is it a case about førtidspension?"),
    rules.Event.SENIORPENSION_APPLICATION_RECEIVED: N_(
        "On which day did Seniorpension receive your application?"
    ),
    rules.Event.TIDLIG_PENSION_APPLICATION_RECEIVED: N_(
        "On which day did Udbetaling Danmark receive your application?"
    ),
}
DATE_HINTS = {
    rules.Event.DECISION_RECEIVED: N_(
        "In Digital Post, a decision counts as received on the day it arrives. A letter counts as received %(weekdays)s weekdays after the date it was sent, and Quickpost %(quickpost)s days after."
    ),
    rules.Event.FOERTIDSPENSION_CASE_MOVED: N_(
        "If you are not sure of the day, ask the municipality."
    ),
    rules.Event.SENIORPENSION_APPLICATION_RECEIVED: N_(
        "Use the date on your receipt or your copy of the application. If you are not sure, ask Seniorpension."
    ),
    rules.Event.TIDLIG_PENSION_APPLICATION_RECEIVED: N_(
        "Use the date on your receipt or your copy of the application. If you are not sure, ask Udbetaling Danmark."
    ),
}
# (title, what it means, what to do once it has passed), by the rule's event and key.
DEADLINE_TEXTS = {
    (rules.Event.DECISION_RECEIVED, "appeal"): (
        N_("Last day to complain"),
        N_(
            "Your complaint must reach the authority that made the decision by this day, within %(count)s weeks. Send it to that authority, not to Ankestyrelsen. You may complain in writing or by phone, and you need not give reasons, though they help. The deadline only runs if the decision told you how to complain, and asking to see your file (aktindsigt) before it ends can stop it for a while."
        ),
        N_(
            "Complain anyway, and say why you are late. A late complaint can be accepted if there is a special reason, for example serious illness. Get free advice if you are unsure."
        ),
    ),
    (rules.Event.FOERTIDSPENSION_CASE_MOVED, "decision"): (
        N_("The municipality's last day to decide"),
        N_(
            "The municipality must decide on førtidspension within %(count)s months of the day the case became a pension case."
        ),
        N_(
            "Ask the municipality when you can expect a decision. You can complain about how long the case takes. Get free advice if you are unsure."
        ),
    ),
    (rules.Event.FOERTIDSPENSION_CASE_MOVED, "payment_if_late"): (
        N_("If the decision comes too late"),
        N_(
            "If you are granted førtidspension and the decision comes after the deadline above, the pension is paid from this day. Never from a day before you met the conditions."
        ),
        N_("This is not a deadline for you: it only says from when the money is counted."),
    ),
    (rules.Event.SENIORPENSION_APPLICATION_RECEIVED, "municipality_reply"): (
        N_("The municipality's answer to Seniorpension"),
        N_(
            "When Seniorpension has checked your age and years of work, it asks your municipality about your health and work. The municipality answers within %(count)s months of being asked. This is agreed between them, not set by law, and it counts from a day you may not know, so no date is given."
        ),
        N_("Ask Seniorpension how far your case has come."),
    ),
    (rules.Event.SENIORPENSION_APPLICATION_RECEIVED, "decision"): (
        N_("Seniorpension's last day to decide"),
        N_(
            "Seniorpension must decide within %(count)s months of receiving your application. If it cannot, it must tell you why and when you can expect an answer."
        ),
        N_(
            "Ask Seniorpension when you can expect a decision. You can complain about how long the case takes. Get free advice if you are unsure."
        ),
    ),
    (rules.Event.SENIORPENSION_APPLICATION_RECEIVED, "payment_if_late"): (
        N_("If the decision comes too late"),
        N_(
            "If you are granted seniorpension and the decision comes after the deadline above, the pension is paid from this day. Never from a day before you met the conditions."
        ),
        N_("This is not a deadline for you: it only says from when the money is counted."),
    ),
    (rules.Event.TIDLIG_PENSION_APPLICATION_RECEIVED, "decision"): (
        N_("Udbetaling Danmark's last day to decide"),
        N_(
            "Udbetaling Danmark must decide whether you have the right to tidlig pension within %(count)s months of receiving your application. When you want to start, you apply again for that."
        ),
        N_(
            "Ask Udbetaling Danmark when you can expect a decision. You can complain about how long the case takes. Get free advice if you are unsure."
        ),
    ),
}
DATE_ERRORS = {
    "date_missing": N_("Write the date with day, month and year."),
    "date_not_numbers": N_("Write the date with numbers, for example 3 5 2026."),
    "date_does_not_exist": N_("That date does not exist. Check the day and the month."),
    "date_in_future": N_("The date is in the future. Write the day it happened."),
    "date_too_old": N_("The date is too long ago for a deadline to still run."),
}
AGREED = N_("Agreed, not set by law: %(source)s")
CHOOSE_EVENT = N_("Choose what happened.")
BROKEN_LINK = N_("The link could not be opened. It may be old or incomplete. Please start again.")


def deadline_view(deadline: rules.Deadline, event: rules.Event, texts: Language) -> dict[str, Any]:
    """A deadline as the page and the API show it: dates, texts and § in one language."""
    title, meaning, passed = DEADLINE_TEXTS[(event, deadline.key)]
    legal_ref = (
        deadline.legal_ref
        if deadline.set_by_law
        else texts.gettext(AGREED, source=deadline.legal_ref)
    )
    return {
        "kind": deadline.kind.value,
        "key": deadline.key,
        "date": deadline.date,
        "date_text": texts.date_text(deadline.date) if deadline.date else None,
        "title": texts.gettext(title),
        "text": texts.gettext(meaning, count=deadline.figure.value),
        "passed": texts.gettext(passed),
        "legal_ref": legal_ref,
    }


def event_from(value: str) -> rules.Event | None:
    try:
        return rules.Event(value)
    except ValueError:
        return None


def render_deadlines(lang: str, step: str, status: int = 200, **context: Any) -> Any:
    texts = page_texts()
    html = render_template(
        "deadlines/deadlines.html",
        step=step,
        events=[(event.value, texts.gettext(label)) for event, label in EVENT_LABELS.items()],
        **context,
    )
    return html, status


def date_step(event: rules.Event, lang: str, error: str | None = None, **fields: str) -> Any:
    texts = page_texts()
    hint = texts.gettext(
        DATE_HINTS[event],
        weekdays=facts.POST_RECEIPT_WEEKDAYS.value,
        quickpost=facts.QUICKPOST_RECEIPT_DAYS.value,
    )
    return render_deadlines(
        lang,
        "date",
        400 if error else 200,
        event=event.value,
        question=texts.gettext(DATE_QUESTIONS[event]),
        hint=hint,
        error=texts.gettext(DATE_ERRORS[error]) if error else None,
        fields=fields,
    )


def result_step(event: rules.Event, happened: date, lang: str) -> Any:
    texts = page_texts()
    token = seal(
        {"event": event.value, "date": happened.isoformat()}, current_app.config["SECRET_KEY"]
    )
    return render_deadlines(
        lang,
        "result",
        event=event.value,
        event_label=texts.gettext(EVENT_LABELS[event]),
        happened_text=texts.date_text(happened),
        deadlines=[
            deadline_view(deadline, event, texts) for deadline in rules.deadlines(event, happened)
        ],
        today=date.today(),
        result_link=url_for("deadlines.result_link", lang=lang, token=token, _external=True),
    )


@page(bp, "deadlines", methods=["GET", "POST"])
def deadlines(lang: str) -> Any:
    if request.method == "GET":
        return render_deadlines(lang, "event")
    form = request.form
    event = event_from(form.get("event", ""))
    if form.get("action") == "back" or (event is None and form.get("action") == "event"):
        error = None if form.get("action") == "back" else page_texts().gettext(CHOOSE_EVENT)
        return render_deadlines(lang, "event", 400 if error else 200, error=error)
    if event is None:
        return render_deadlines(lang, "event")
    if form.get("action") != "date":
        return date_step(event, lang)
    fields = {name: form.get(name, "") for name in ("day", "month", "year")}
    happened = rules.parse_event_date(fields["day"], fields["month"], fields["year"], date.today())
    if isinstance(happened, str):
        return date_step(event, lang, happened, **fields)
    return result_step(event, happened, lang)


@page(bp, "result_link")
def result_link(lang: str, token: str) -> Any:
    try:
        sealed = unseal(token, current_app.config["SECRET_KEY"])
        event = event_from(sealed.get("event", ""))
        happened = date.fromisoformat(sealed.get("date", ""))
    except (BrokenLink, ValueError):
        return render_deadlines(lang, "event", 400, error=page_texts().gettext(BROKEN_LINK))
    if event is None:
        return render_deadlines(lang, "event", 400, error=page_texts().gettext(BROKEN_LINK))
    return result_step(event, happened, lang)
