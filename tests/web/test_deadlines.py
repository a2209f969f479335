"""The deadlines tool's pages and API (issue 19): one question per page without JavaScript, dates
that follow the site's one convention, the § with every deadline, personal dates never kept."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.conftest import ROOT


def deadlines_on(html: str) -> list[tuple[str, str]]:
    """(title, ISO date or "") of each deadline on a result page."""
    found = re.findall(r'<h2 id="deadline-\d+">(.*?)</h2>', html)
    return [
        (re.sub(r":? ?<time.*", "", title), (re.findall(r'datetime="([^"]+)"', title) or [""])[0])
        for title in found
    ]


def result(client, event: str, day: str, month: str, year: str, path: str = "/frister"):
    return client.post(
        path, data={"event": event, "action": "date", "day": day, "month": month, "year": year}
    )


def test_the_first_page_asks_what_happened_with_a_choice_for_every_event(client) -> None:
    html = client.get("/frister").get_data(as_text=True)
    assert re.findall(r'name="event" value="([^"]+)"', html) == [
        "decision_received",
        "foertidspension_case_moved",
        "seniorpension_application_received",
        "tidlig_pension_application_received",
    ]
    assert client.get("/en/deadlines").status_code == 200


def test_then_it_asks_for_the_day_and_explains_how_receipt_counts(client) -> None:
    html = client.post("/frister", data={"event": "decision_received", "action": "event"}).get_data(
        as_text=True
    )
    assert "Hvilken dag fik du afgørelsen?" in html and "Digital Post" in html
    assert 'name="event" value="decision_received"' in html  # it travels in the form


def test_choosing_nothing_gets_a_clear_error(client) -> None:
    response = client.post("/en/deadlines", data={"action": "event"})
    assert response.status_code == 400 and "Choose what happened." in response.get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("event", "day", "expected"),
    [
        # Typed from the law: 4 weeks (rtsl. § 67), 3 months (PL § 21), 6 months (§§ 26 d, 26 r),
        # payment from the 1st of the month after the deadline (§ 33, stk. 2).
        ("decision_received", ("31", "1", "2026"), [("Sidste dag for at klage", "2026-02-28")]),
        (
            "foertidspension_case_moved",
            ("30", "11", "2026"),
            [
                ("Kommunens sidste dag for en afgørelse", "2027-02-28"),
                ("Hvis afgørelsen kommer for sent", "2027-03-01"),
            ],
        ),
        (
            "seniorpension_application_received",
            ("31", "8", "2026"),
            [
                ("Kommunens svar til Seniorpension", ""),
                ("Seniorpensions sidste dag for en afgørelse", "2027-02-28"),
                ("Hvis afgørelsen kommer for sent", "2027-03-01"),
            ],
        ),
        (
            "tidlig_pension_application_received",
            ("29", "2", "2024"),
            [("Udbetaling Danmarks sidste dag for en afgørelse", "2024-08-29")],
        ),
    ],
)
def test_the_result_gives_each_deadline_as_a_date_with_its_law(
    client, event, day, expected
) -> None:
    response = result(client, event, *day)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and deadlines_on(html) == expected
    assert html.count('class="legal-ref"') == len(expected)
    assert response.headers["Cache-Control"] == "no-store, private"


def test_a_deadline_that_has_passed_says_so_and_what_to_do(client) -> None:
    html = result(client, "decision_received", "2", "1", "2026").get_data(as_text=True)
    assert "Fristen er gået." in html and "særlig grund" in html


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (("31", "2", "2026"), "findes ikke"),
        (("", "2", "2026"), "Skriv datoen med dag, måned og år."),
        (("1", "1", str(date.today().year + 1)), "fremtiden"),
    ],
)
def test_a_wrong_date_is_asked_again_with_the_reason(client, day, message) -> None:
    response = result(client, "decision_received", *day)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert 'name="event" value="decision_received"' in response.get_data(as_text=True)


def test_the_result_link_opens_the_same_deadlines_and_keeps_the_date_unreadable(client) -> None:
    html = result(
        client, "foertidspension_case_moved", "30", "11", "2026", "/en/deadlines"
    ).get_data(as_text=True)
    link = re.search(r'class="share__url" href="http://localhost([^"]+)"', html).group(1)
    assert link.startswith("/en/deadlines/result/") and "2026" not in link
    opened = client.get(link)
    assert deadlines_on(opened.get_data(as_text=True)) == deadlines_on(html)
    assert opened.headers["Cache-Control"] == "no-store, private"
    broken = client.get("/frister/resultat/not-a-token")
    assert broken.status_code == 400 and "Linket kunne ikke åbnes" in broken.get_data(as_text=True)


def test_the_api_gives_the_deadlines_in_the_language_asked(client) -> None:
    response = client.get(
        "/api/v1/deadlines?event=foertidspension_case_moved&date=2026-11-30&lang=en"
    )
    data = response.get_json()
    assert data["event"] == "foertidspension_case_moved" and data["date"] == "2026-11-30"
    assert [(item["kind"], item["date"]) for item in data["deadlines"]] == [
        ("decision", "2027-02-28"),
        ("payment", "2027-03-01"),
    ]
    assert data["deadlines"][0]["legal_ref"] == "Lov om social pension § 21"
    assert data["deadlines"][0]["text"].startswith("The municipality must decide")
    reply = client.get(
        "/api/v1/deadlines?event=seniorpension_application_received&date=2026-08-31"
    ).get_json()["deadlines"][0]
    assert reply["kind"] == "reply" and reply["date"] is None
    assert reply["legal_ref"].startswith("Aftalt, ikke lov")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("date=2026-01-01", "event"),
        ("event=nothing&date=2026-01-01", "event"),
        ("event=decision_received", "date"),
        ("event=decision_received&date=2026-02-30", "date"),
        ("event=decision_received&date=9999-12-31", "date"),
        ("event=decision_received&date=2026-01-01&lang=fr", "lang"),
    ],
)
def test_the_api_refuses_a_bad_field_with_400(client, query: str, field: str) -> None:
    response = client.get(f"/api/v1/deadlines?{query}")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == field


def test_the_tool_is_linked_where_it_helps(client) -> None:
    for path in (
        "/faq/klage-ankestyrelsen",
        "/faq/sagsbehandlingstid-og-forsoergelse",
        "/en/faq/seniorpension-afslag-og-klage",
    ):
        html = client.get(path).get_data(as_text=True)
        assert re.search(r'href="(/en)?/(frister|en/deadlines)"', html), path
    reply = client.post(
        "/api/v1/chat",
        json={"message": "hvor lang tid tager kommunen om at afgøre min sag?", "lang": "da"},
    ).get_json()
    assert any(other["url"] == "/frister" for other in reply["view"]["others"])
    published = (ROOT / "content" / "published-urls.txt").read_text(encoding="utf-8").split()
    assert "/frister" in published and "/en/deadlines" in published
