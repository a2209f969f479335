"""The questionnaire: flow, pruning, validation, pages without JavaScript, sealed result links, API."""

from __future__ import annotations

import logging
import re
import time
from datetime import date

import pytest

from app.domain import questionnaire as flow
from app.domain.sealing import LINK_LIFETIME_SECONDS, BrokenLink, LinkProblem, seal, unseal
from tests.conftest import QUESTIONNAIRE_STEPS

TODAY = date(2026, 11, 23)
FULL = {
    "birth_date": "1966-05-03",
    "receives": "none",
    "residence": "yes",
    "self_supporting": "no",
    "work_years": "30",
    "weekly_hours": "10",
}


# --- the pure flow -----------------------------------------------------------------------------


def test_all_six_questions_apply_to_someone_of_working_age_without_a_pension() -> None:
    assert flow.applicable(FULL, TODAY) == list(flow.QUESTIONS)


@pytest.mark.parametrize(
    ("receives", "expected"),
    [
        ("folkepension", ["birth_date", "receives"]),
        ("foertidspension", ["birth_date", "receives", "residence"]),
        ("seniorpension", ["birth_date", "receives", "residence", "self_supporting"]),
        ("efterloen", list(flow.QUESTIONS)),
    ],
)
def test_questions_that_do_not_matter_are_skipped(receives: str, expected: list[str]) -> None:
    assert flow.applicable({**FULL, "receives": receives}, TODAY) == expected


def test_past_folkepensionsalder_only_residence_matters() -> None:
    answers = {**FULL, "birth_date": "1950-01-01"}
    assert flow.applicable(answers, TODAY) == ["birth_date", "receives", "residence"]


def test_changing_an_answer_drops_answers_that_no_longer_apply() -> None:
    changed = flow.prune({**FULL, "receives": "foertidspension"}, TODAY)
    assert (
        "work_years" not in changed
        and "weekly_hours" not in changed
        and "self_supporting" not in changed
    )
    assert flow.next_question(changed, TODAY) is None


def test_next_and_previous_question() -> None:
    assert flow.next_question({}, TODAY) == "birth_date"
    assert flow.next_question({"birth_date": "1966-05-03"}, TODAY) == "receives"
    assert flow.previous_question("receives", FULL, TODAY) == "birth_date"
    assert flow.previous_question("birth_date", FULL, TODAY) is None


@pytest.mark.parametrize(
    ("day", "month", "year", "key"),
    [
        ("", "5", "1966", "date_missing"),
        ("3", "maj", "1966", "date_not_numbers"),
        ("31", "2", "1966", "date_does_not_exist"),
        ("0", "1", "1966", "date_does_not_exist"),
        ("1", "13", "1966", "date_does_not_exist"),
        ("1", "1", "2030", "date_in_future"),
        ("1", "1", "1850", "date_too_old"),
        ("-1", "1", "1966", "date_not_numbers"),
    ],
)
def test_birth_date_errors(day: str, month: str, year: str, key: str) -> None:
    error = flow.parse_birth_date(day, month, year, TODAY)
    assert isinstance(error, flow.FieldError) and error.key == key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30", 30.0),
        ("12,5", 12.5),
        ("12.5", 12.5),
        (" 7 ", 7.0),
        ("unknown", None),
        ("", "number_missing"),
        ("-3", "number_negative"),
        ("tre", "number_invalid"),
        ("1e3", "number_invalid"),
        ("999", "number_too_big"),
        ("nan", "number_invalid"),
        ("46", 46.0),
        ("47", "number_too_big"),
    ],
)
def test_numbers_are_read_in_danish_and_english_form(value: str, expected: object) -> None:
    parsed = flow.parse_number("work_years", value, flow.max_work_years(date(1966, 5, 3), TODAY))
    if isinstance(expected, str):
        assert isinstance(parsed, flow.FieldError) and parsed.key == expected
    else:
        assert parsed == expected


@pytest.mark.parametrize(
    "tampered",
    [
        {"birth_date": "1966-13-45"},
        {"birth_date": "2030-01-01"},
        {"receives": "lottery"},
        {"residence": "maybe"},
        {"work_years": "-5"},
        {"weekly_hours": "9999"},
    ],
)
def test_tampered_stored_answers_are_refused(tampered: dict[str, str]) -> None:
    with pytest.raises(flow.InvalidAnswers):
        flow.read_stored({**FULL, **tampered}, TODAY)


# --- the pages ---------------------------------------------------------------------------------


def hidden_answers(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(a_[a-z_]+)" value="([^"]*)"', html))


def answer(client, path: str, carried: dict[str, str], question: str, **fields: str):
    response = client.post(
        path, data={**carried, "action": "answer", "question": question, **fields}
    )
    return response, hidden_answers(response.get_data(as_text=True))


def walk(client, path: str = "/tjek"):
    carried: dict[str, str] = {}
    response = None
    for question, fields in QUESTIONNAIRE_STEPS:
        response, carried = answer(client, path, carried, question, **fields)
        assert response.status_code == 200, question
    return response, carried


def test_start_page_says_what_it_does_and_that_nothing_is_stored(fetch_page) -> None:
    html, _ = fetch_page("/tjek")
    assert (
        "Intet bliver gemt" in html and "ikke en afgørelse" in html and "2 til 3 minutter" in html
    )
    english, _ = fetch_page("/en/check")
    assert "Nothing is saved" in english


def test_one_question_per_page_with_a_back_button(client) -> None:
    response = client.post("/tjek", data={"action": "start"})
    html = response.get_data(as_text=True)
    assert "Hvad er din fødselsdato?" in html and 'value="back"' in html
    assert html.count("<h1>") == 1


def test_the_whole_way_to_a_result_without_javascript(client) -> None:
    response, carried = walk(client)
    html = response.get_data(as_text=True)
    assert "Tjek dine svar" in html and html.count('value="change:') == 6
    result = client.post("/tjek", data={**carried, "action": "result"}).get_data(as_text=True)
    assert "Dit resultat" in result
    assert "3. maj 2034" in result and "3. november 2027" in result  # dates in Danish
    assert (
        'href="/faq/foertidspension-betingelser"' in result
        and "Lov om social pension § 16" in result
    )
    first_route = re.search(r'<h2 id="route-([a-z_]+)"', result).group(1)
    assert first_route == "foertidspension"  # the recommended route comes first


def test_english_questionnaire_speaks_english(client) -> None:
    response, carried = walk(client, "/en/check")
    result = client.post("/en/check", data={**carried, "action": "result"}).get_data(as_text=True)
    assert "Your result" in result and "3 May 2034" in result


def test_answers_travel_in_the_form_not_in_the_url_or_a_cookie(client) -> None:
    response, carried = walk(client)
    assert carried["a_birth_date"] == "1966-05-03"
    assert "Set-Cookie" not in response.headers
    html = response.get_data(as_text=True)
    assert 'method="post"' in html and 'method="get"' not in html.split("<main", 1)[1]


def test_an_invalid_answer_is_explained_next_to_the_field_in_the_page_language(client) -> None:
    response, _ = answer(
        client, "/tjek", {}, "birth_date", birth_day="31", birth_month="2", birth_year="1966"
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Den dato findes ikke" in html and 'id="error-birth_date"' in html
    assert 'aria-describedby="hint-birth_date error-birth_date"' in html
    english, _ = answer(
        client, "/en/check", {}, "birth_date", birth_day="1", birth_month="1", birth_year="2999"
    )
    assert "cannot be in the future" in english.get_data(as_text=True)


def test_a_missing_choice_is_explained(client) -> None:
    response, _ = answer(client, "/tjek", {"a_birth_date": "1966-05-03"}, "receives")
    assert response.status_code == 400 and "Vælg et af svarene" in response.get_data(as_text=True)


def test_tampered_hidden_fields_start_again_with_a_clear_message(client) -> None:
    response = client.post("/tjek", data={"a_birth_date": "not-a-date", "action": "next"})
    assert response.status_code == 400
    assert "Noget i dine svar kunne ikke læses" in response.get_data(as_text=True)


def test_changing_an_answer_from_the_check_page(client) -> None:
    _, carried = walk(client)
    page = client.post("/tjek", data={**carried, "action": "change:receives"}).get_data(
        as_text=True
    )
    assert (
        "Får du allerede pension eller efterløn?" in page
        and 'value="none" id="receives-first" checked' in page
    )
    response, carried = answer(client, "/tjek", carried, "receives", receives="foertidspension")
    assert "Tjek dine svar" in response.get_data(as_text=True)
    assert (
        "a_work_years" not in carried and "a_weekly_hours" not in carried
    )  # stale answers dropped


def test_going_back_keeps_the_answers(client) -> None:
    _, carried = walk(client)
    page = client.post("/tjek", data={**carried, "action": "back", "question": "check"}).get_data(
        as_text=True
    )
    assert "Hvor mange timer om ugen" in page and hidden_answers(page) == carried


def test_part_time_helper_converts_without_javascript(client) -> None:
    carried = {
        f"a_{key}": value
        for key, value in FULL.items()
        if key not in ("work_years", "weekly_hours")
    }
    response = client.post(
        "/tjek",
        data={
            **carried,
            "action": "convert",
            "question": "work_years",
            "parttime_hours": "13,5",
            "parttime_years": "10",
        },
    )
    html = response.get_data(as_text=True)
    assert "13,5 timer om ugen i 10 år er 5 fuldtidsår" in html
    assert 'name="work_years" type="text"' in html and 'value="5"' in html


def test_dont_know_is_an_answer(client) -> None:
    carried = {
        f"a_{key}": value
        for key, value in FULL.items()
        if key not in ("work_years", "weekly_hours")
    }
    response, carried = answer(client, "/tjek", carried, "work_years", work_years_unknown="unknown")
    assert carried["a_work_years"] == "unknown"


def test_result_link_reopens_the_result_and_hides_the_answers(client) -> None:
    _, carried = walk(client)
    result = client.post("/tjek", data={**carried, "action": "result"}).get_data(as_text=True)
    link = re.search(r'class="share__url" href="http://localhost([^"]+)"', result).group(1)
    assert link.startswith("/tjek/resultat/")
    assert "1966" not in link and "none" not in link
    reopened = client.get(link)
    assert reopened.status_code == 200 and "Dit resultat" in reopened.get_data(as_text=True)


def test_a_tampered_result_link_says_so_and_offers_a_new_start(client) -> None:
    token = seal(FULL, "test-secret")
    response = client.get(f"/tjek/resultat/{token[:-6]}AAAAAA")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Linket til resultatet virker ikke" in html and 'value="start"' in html


def test_an_expired_result_link_says_so(client) -> None:
    token = seal(FULL, "test-secret", now=time.time() - LINK_LIFETIME_SECONDS - 60)
    response = client.get(f"/en/check/result/{token}")
    assert response.status_code == 410
    assert "has expired" in response.get_data(as_text=True)


def test_questionnaire_answers_never_reach_the_log(app, client, caplog) -> None:
    with caplog.at_level(logging.DEBUG):
        walk(client)
    assert "1966" not in caplog.text and "1966-05-03" not in caplog.text


# --- sealing -----------------------------------------------------------------------------------


def test_sealed_answers_round_trip_for_30_days_and_not_a_second_more() -> None:
    issued = 1_800_000_000
    token = seal(FULL, "secret", now=issued)
    assert unseal(token, "secret", now=issued + LINK_LIFETIME_SECONDS) == FULL
    with pytest.raises(BrokenLink) as expired:
        unseal(token, "secret", now=issued + LINK_LIFETIME_SECONDS + 1)
    assert expired.value.problem is LinkProblem.EXPIRED


@pytest.mark.parametrize("token", ["", "abc", "ø" * 10, "A" * 5000, "gAAAAA"])
def test_garbage_tokens_are_invalid(token: str) -> None:
    with pytest.raises(BrokenLink) as broken:
        unseal(token, "secret")
    assert broken.value.problem is LinkProblem.INVALID


def test_another_secret_cannot_open_a_link() -> None:
    with pytest.raises(BrokenLink):
        unseal(seal(FULL, "one secret"), "another secret")


# --- API -----------------------------------------------------------------------------------------


def test_eligibility_api_returns_the_outcome(client) -> None:
    response = client.get(
        "/api/v1/eligibility",
        query_string={
            "birth_date": "1966-05-03",
            "as_of": "2028-05-03",
            "work_years": "30",
            "weekly_hours": "10",
            "self_supporting": "no",
            "residence": "yes",
            "receives": "none",
        },
    )
    assert response.status_code == 200
    data = response.get_json()
    assert data["folkepension"] == {
        "age_years": 68,
        "age_months": 0,
        "date": "2034-05-03",
        "first_payment": "2034-06-01",  # § 33: the 1st of the month after
    }
    assert data["seniorpension"] == {
        "window_opens": "2028-05-03",
        "apply_from": "2027-11-03",
        "first_payment": "2028-06-01",
    }
    assert data["recommended"] == "seniorpension" and data["routes"][0]["route"] == "seniorpension"
    assert {route["route"] for route in data["routes"]} == {
        "seniorpension",
        "foertidspension",
        "tidlig_pension",
        "folkepension",
    }
    reason = data["routes"][0]["reasons"][0]
    assert set(reason) == {"rule", "legal_ref", "text"} and "§" in reason["legal_ref"]


def test_eligibility_api_half_year_folkepensionsalder(client) -> None:
    data = client.get("/api/v1/eligibility?birth_date=1954-03-01&as_of=2019-01-01").get_json()
    assert data["folkepension"] == {
        "age_years": 65,
        "age_months": 6,
        "date": "2019-09-01",
        "first_payment": "2019-10-01",
    }


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("", "birth_date"),
        ("birth_date=1966-02-30", "birth_date"),
        ("birth_date=03-05-1966", "birth_date"),
        ("birth_date=2999-01-01", "birth_date"),
        ("birth_date=1966-05-03&as_of=2026-13-01", "as_of"),
        ("birth_date=1966-05-03&work_years=-1", "work_years"),
        ("birth_date=1966-05-03&weekly_hours=lots", "weekly_hours"),
        ("birth_date=1966-05-03&receives=lotto", "receives"),
        ("birth_date=1966-05-03&residence=maybe", "residence"),
        ("birth_date=1966-05-03&lang=fr", "lang"),
        ("birth_date=1966-05-03&x=1", "x"),
    ],
)
def test_eligibility_api_rejects_bad_input(client, query: str, field: str) -> None:
    response = client.get(f"/api/v1/eligibility?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == field
