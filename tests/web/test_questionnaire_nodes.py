"""The questionnaire node by node, generated from its table (app/domain/questionnaire.py): every
question renders, every answer leads to the question the flow says comes next, and every
validation fires with its message, in the page."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import questionnaire as flow
from app.domain.facts import add_months
from app.web import wording

DANISH = wording.for_language("da")
# Answers that make every question apply: 62 years old whenever the test runs (an adult, before
# folkepensionsalder).
REACHING = {
    "birth_date": add_months(date.today(), -62 * 12).isoformat(),
    "receives": "none",
    "residence": "yes",
    "self_supporting": "no",
    "work_years": "30",
    "weekly_hours": "10",
}
NUMBER_ERRORS = {
    "": "number_missing",
    "abc": "number_invalid",
    "-1": "number_negative",
    "999": "number_too_big",
}
CHOICE_ERRORS = {"": "choose_one", "maybe": "choice_unknown"}
DATE_ERRORS = {
    ("", "5", "1966"): "date_missing",
    ("a", "5", "1966"): "date_not_numbers",
    ("31", "2", "1966"): "date_does_not_exist",
    ("1", "1", "2999"): "date_in_future",
    ("1", "1", "1899"): "date_too_old",
}


def before(question: str) -> dict[str, str]:
    """The stored answers to every question before this one, as hidden fields."""
    ids = list(flow.QUESTIONS)
    return {f"a_{key}": REACHING[key] for key in ids[: ids.index(question)]}


def post(client, fields: dict[str, str]):
    response = client.post("/tjek", data=fields)
    return response, response.get_data(as_text=True)


@pytest.mark.parametrize("question", flow.QUESTIONS)
def test_every_question_renders_with_its_place_in_the_order(client, question: str) -> None:
    response, html = post(client, {**before(question), "action": "answer", "question": "none"})
    assert response.status_code == 200
    assert DANISH.question_titles[question] in html
    place = f"Spørgsmål {flow.QUESTIONS.index(question) + 1} af {len(flow.QUESTIONS)}"
    # DKFDS's simple step indicator: it works without JavaScript at every width.
    assert f'<p class="step-subheading">{place}</p>' in html


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (q.id, value)
        for q in flow.QUESTIONS_TABLE
        if q.kind is flow.Kind.CHOICE
        for value in q.choices
    ],
)
def test_every_choice_leads_to_the_question_the_flow_says_is_next(client, question, value) -> None:
    fields = {**before(question), "action": "answer", "question": question, question: value}
    response, html = post(client, fields)
    assert response.status_code == 200
    stored = {key[2:]: item for key, item in fields.items() if key.startswith("a_")}
    answers = flow.prune({**stored, question: value}, flow_today())
    following = flow.next_question(answers, flow_today())
    if following is None:
        assert "Tjek dine svar" in html
    else:
        assert DANISH.question_titles[following] in html


@pytest.mark.parametrize(
    ("question", "value", "key"),
    [
        (q.id, value, key)
        for q in flow.QUESTIONS_TABLE
        for value, key in (NUMBER_ERRORS if q.kind is flow.Kind.NUMBER else CHOICE_ERRORS).items()
        if q.kind is not flow.Kind.DATE
    ],
)
def test_every_validation_fires_with_its_message(client, question, value, key) -> None:
    fields = {**before(question), "action": "answer", "question": question, question: value}
    response, html = post(client, fields)
    assert response.status_code == 400
    assert DANISH.errors[key] in html
    assert "<title>Fejl:" in html


@pytest.mark.parametrize(("parts", "key"), list(DATE_ERRORS.items()))
def test_every_birth_date_validation_fires(client, parts, key) -> None:
    day, month, year = parts
    fields = {
        "action": "answer",
        "question": "birth_date",
        "birth_day": day,
        "birth_month": month,
        "birth_year": year,
    }
    response, html = post(client, fields)
    assert response.status_code == 400 and DANISH.errors[key] in html


def test_a_bad_stored_field_starts_again_with_a_message_not_a_500(client) -> None:
    response, html = post(
        client, {"a_birth_date": "1962-06-15", "a_work_years": "fyrre", "action": "result"}
    )
    assert response.status_code == 400
    assert "kunne ikke læses" in html


def flow_today() -> date:
    return date.today()  # the pages use the real date too


def test_your_dates_never_show_a_past_seniorpension_date_as_ahead(client) -> None:
    # Someone who is 65 today: the seniorpension window opened years ago (at 61 to 64), and
    # folkepensionsalder (67 to 70) is still ahead, whichever year the test runs in.
    born = add_months(date.today(), -65 * 12)
    answers = {**REACHING, "birth_date": born.isoformat()}
    fields = {f"a_{key}": value for key, value in answers.items()} | {"action": "result"}
    response, html = post(client, fields)
    assert response.status_code == 200
    dates = html.split('id="key-dates"', 1)[1].split("</section>", 1)[0]
    assert "Du kan søge seniorpension nu" in dates
    assert "Du kan søge fra" not in dates  # a "from" date that is already past


def test_your_dates_never_give_a_past_seniorpension_payment_date(client) -> None:
    # 65 today and able to work 30 hours a week: seniorpension does not fit these answers, and
    # the first day it could have been paid lies years back. A past date, said as "can be paid
    # from", would read as if it were paid back to then.
    born = add_months(date.today(), -65 * 12)
    answers = {**REACHING, "birth_date": born.isoformat(), "weekly_hours": "30"}
    fields = {f"a_{key}": value for key, value in answers.items()} | {"action": "result"}
    response, html = post(client, fields)
    assert response.status_code == 200
    dates = html.split('id="key-dates"', 1)[1].split("</section>", 1)[0]
    assert "Du kan søge seniorpension nu, hvis den passer til dig." in dates
    assert "udbetales fra" not in dates.split("seniorpension nu", 1)[1]


def test_the_result_says_what_a_different_choice_would_change(client) -> None:
    # Someone who can support themselves: førtidspension would fit if they could not.
    answers = {**REACHING, "self_supporting": "yes", "residence": "unknown"}
    fields = {f"a_{key}": value for key, value in answers.items()} | {"action": "result"}
    response, html = post(client, fields)
    assert response.status_code == 200
    assert "Hvis du ikke kan forsørge dig selv ved at arbejde" in html
    assert "Hvis du bor i Danmark" in html
