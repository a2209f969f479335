"""Hostile input: the cases a security and reliability test of the running site found (issue 17),
each named, plus Hypothesis over every route with hostile headers. The promise: never a 5xx,
never a stack trace, personal pages kept by no cache, nothing personal kept or logged.

Add a case here whenever a new way to break the site is found."""

from __future__ import annotations

import base64
import csv
import io
import json
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.security import generate_password_hash

from app import create_app
from app.feedback.store import FeedbackStore
from app.privacy import holds_personal_details, path_for_log, scrub
from tests.conftest import STORED_ANSWERS

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")


def test_a_far_off_as_of_date_is_a_clear_json_error() -> None:
    client = create_app({"TESTING": True, "SECRET_KEY": "x"}).test_client()
    response = client.get("/api/v1/eligibility?birth_date=9999-12-31&as_of=9999-12-31&lang=en")
    assert response.status_code == 400 and response.is_json
    assert response.get_json()["error"]["field"] == "as_of"


@pytest.mark.parametrize(
    "body", ["[" * 3000 + "]" * 3000, '{"message": ' + "[" * 3000 + "]" * 3000 + "}"]
)
def test_json_nested_thousands_deep_is_a_clear_json_error(client, body: str) -> None:
    response = client.post("/api/v1/chat", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == "body"


@pytest.mark.parametrize("path", ["/tjek", "/en/check"])
@pytest.mark.parametrize("field", ["a_work_years", "a_weekly_hours"])
def test_stored_numbers_with_a_decimal_comma_are_read(client, path: str, field: str) -> None:
    fields = {**STORED_ANSWERS, field: "10,5", "question": "weekly_hours", "weekly_hours": "10"}
    assert client.post(path, data=fields).status_code == 200


@pytest.mark.parametrize("origin", ["http://[::1", "http://[", "http://a:b:c", "::::"])
def test_a_malformed_origin_is_refused_not_an_error(client, origin: str) -> None:
    response = client.post("/chat", data={"message": "hej"}, headers={"Origin": origin})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("host", "path", "lang"),
    [
        ("a..b", "/", "da"),
        ("a" * 64 + ".dk", "/en/", "en"),
        ("evil.example", "/faq/tidlig-pension", "da"),
        ("localhost:99999999", "/", "da"),
        ("[::1", "/", "da"),
    ],
)
def test_a_host_that_is_not_the_site_s_gets_a_400_page_with_security_headers(
    client, host: str, path: str, lang: str
) -> None:
    response = client.get(path, headers={"Host": host})
    assert response.status_code == 400
    assert f'lang="{lang}"' in response.get_data(as_text=True)
    assert all(name in response.headers for name in SECURITY_HEADERS)
    assert response.headers["Cache-Control"] == "no-store"


def test_other_hosts_never_reach_the_page_cache() -> None:
    app = create_app({"TESTING": True, "SECRET_KEY": "x"})
    client = app.test_client()
    for number in range(50):
        client.get("/faq/tidlig-pension", headers={"Host": f"host{number}.example"})
    assert len(app.extensions["page_cache"]._pages) == 0
    client.get("/faq/tidlig-pension")
    assert len(app.extensions["page_cache"]._pages) == 1


def test_the_site_s_own_host_names_come_from_the_settings() -> None:
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "x", "ALLOWED_HOSTS": "pensionsguiden.dk, www.example.dk"}
    )
    client = app.test_client()
    for host in ("pensionsguiden.dk", "WWW.example.dk:443", "localhost:5000", "127.0.0.1"):
        assert client.get("/", headers={"Host": host}).status_code == 200, host
    assert client.get("/", headers={"Host": "pensionsguiden.dk.evil.example"}).status_code == 400


def test_a_chunked_body_is_read_within_the_limit(client) -> None:
    small = client.post(
        "/chat",
        input_stream=io.BytesIO(b"message=hvad+er+seniorpension"),
        content_type="application/x-www-form-urlencoded",
        headers={"Transfer-Encoding": "chunked"},
    )
    assert small.status_code == 200 and "hvad er seniorpension" in small.get_data(as_text=True)
    large = client.post(
        "/en/chat",
        input_stream=io.BytesIO(b"message=" + b"a" * 100_000),
        content_type="application/x-www-form-urlencoded",
        headers={"Transfer-Encoding": "chunked"},
    )
    assert large.status_code == 413 and 'lang="en"' in large.get_data(as_text=True)


def test_the_closed_editors_page_is_no_page(client) -> None:
    # Without a password hash in the settings there is nothing to log in to (and nothing to guess).
    response = client.get("/redaktion")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Siden findes ikke" in response.get_data(as_text=True)


def test_personal_pages_are_kept_by_no_cache(client, app) -> None:
    from app.domain.sealing import seal

    with app.app_context():
        token = seal({"birth_date": "1966-05-03"}, app.config["SECRET_KEY"])
    personal = [
        client.post("/tjek", data={**STORED_ANSWERS, "question": "weekly_hours"}),
        client.post("/en/check", data={"question": "birth_date", "birth_day": "3"}),
        client.get(f"/tjek/resultat/{token}"),
        client.get(f"/tjek?start={token}"),
        client.post("/chat", data={"message": "født 3. maj 1966, hvornår kan jeg gå på pension"}),
        client.post("/api/v1/chat", json={"message": "født 3. maj 1966", "lang": "da"}),
        client.get("/api/v1/search?q=seniorpension"),
        client.get("/api/v1/eligibility?birth_date=1966-05-03"),
        client.post("/faq/tidlig-pension/feedback", data={"helpful": "yes"}),
    ]
    for response in personal:
        assert response.headers["Cache-Control"] == "no-store, private", response.request.path
        assert "ETag" not in response.headers
    public = client.get("/faq/tidlig-pension")
    assert public.headers["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    "query",
    [
        "født 03.05.1966 seniorpension",
        "01.01.65-1234",
        "010165 - 1234 førtidspension",
        "Hanne Jensen sclerose førtidspension",
        "min mor hedder Birthe og har kræft",
    ],
)
def test_a_search_with_personal_details_is_never_shared_by_a_cache(client, query: str) -> None:
    response = client.get("/search?q=" + urllib.parse.quote(query))
    assert response.headers["Cache-Control"] == "no-store, private"


def test_a_search_of_the_answers_own_words_may_be_cached(client) -> None:
    response = client.get("/search?q=seniorpension+ansøgning")
    assert response.headers["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    "text",
    [
        "mit cpr er 01.01.65-1234",
        "cpr 010165 - 1234",
        "cpr 0101 65 1234",
        "cpr 010165\u20111234",
        "cpr 010165\u20131234",
        "skriv til hanne(at)example.dk",
        "skriv til hanne [at] example [dot] dk",
        "Hanne Jensen har sclerose",
        "jeg hedder hanne og har kræft",
        "født 3. maj 1966",
        "born May 3, 1966",
        "ring på 12 34 56 78",
    ],
)
def test_the_patterns_catch_personal_details_as_people_write_them(text: str) -> None:
    assert holds_personal_details(text)
    kept = scrub(text)
    for secret in ("1234", "hanne", "Hanne", "Jensen", "1966", "12 34"):
        assert secret not in kept, (text, kept)


@pytest.mark.parametrize(
    "text",
    ["hvornår kan jeg få seniorpension", "Udbetaling Danmark svarer ikke", "fleksjob 12 timer"],
)
def test_ordinary_questions_are_not_taken_for_personal_details(text: str) -> None:
    assert not holds_personal_details(text) and scrub(text) == text


def test_comments_reach_the_database_without_personal_details(tmp_path) -> None:
    from datetime import date

    store = FeedbackStore(f"sqlite:///{tmp_path}/feedback.sqlite3")
    comment = "Hanne Jensen, cpr 01.01.65-1234, mail hanne(at)example.dk, har sclerose"
    store.record_vote("tidlig-pension", "da", False, comment, date(2026, 12, 1))
    database = (tmp_path / "feedback.sqlite3").read_bytes()
    store.close()
    for secret in (b"Hanne", b"Jensen", b"1234", b"example"):
        assert secret not in database
    assert b"sclerose" in database  # the rest of the comment is kept for the editors


def test_the_editors_export_cannot_run_formulas(tmp_path) -> None:
    from datetime import date

    password = "hemmelig"
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "DATABASE_URL": f"sqlite:///{tmp_path}/feedback.sqlite3",
            "EDITOR_PASSWORD_HASH": generate_password_hash(password),
        }
    )
    store = app.extensions["feedback"]
    for comment in ('=HYPERLINK("http://evil.example","klik")', "=cmd|' /C calc'!A0", "@SUM(1+1)",
                    "+1+1", "-2+3"):  # fmt: skip
        store.record_vote("tidlig-pension", "da", False, comment, date(2026, 12, 1))
    auth = {"Authorization": "Basic " + base64.b64encode(f"redaktion:{password}".encode()).decode()}
    export = app.test_client().get("/redaktion/eksport.csv", headers=auth)
    assert export.headers["Cache-Control"] == "no-store, private"
    comments = [
        row[-1]
        for row in csv.reader(io.StringIO(export.get_data(as_text=True)))
        if row[0] == "comment"
    ]
    assert len(comments) == 5 and all(comment.startswith("'") for comment in comments)


def test_the_log_never_holds_a_token_or_a_second_line() -> None:
    assert path_for_log("/tjek/resultat/abc.def") == "/tjek/resultat/-"
    assert path_for_log("/en/check/result/abc.def") == "/en/check/result/-"
    assert path_for_log("/frister/resultat/abc.def") == "/frister/resultat/-"
    assert path_for_log("/en/deadlines/result/abc.def") == "/en/deadlines/result/-"
    forged = path_for_log('/faq/x\n[01/Dec/2026] "GET /admin" 200')
    assert "\n" not in forged and '"' not in forged
    assert path_for_log("/faq/010165-1234") == "/faq/[fjernet]"


# Every route, with the headers a hostile client can choose.
ROUTES = [
    ("GET", "/"),
    ("GET", "/en/"),
    ("GET", "/faq/tidlig-pension"),
    ("GET", "/kategori/seniorpension"),
    ("GET", "/search?q=pension"),
    ("GET", "/tjek"),
    ("POST", "/tjek"),
    ("GET", "/tjek/resultat/x"),
    ("GET", "/chat"),
    ("POST", "/chat"),
    ("POST", "/faq/tidlig-pension/feedback"),
    ("GET", "/redaktion"),
    ("GET", "/redaktion/eksport.csv"),
    ("GET", "/api/v1/search?q=pension"),
    ("GET", "/api/v1/eligibility?birth_date=1966-05-03"),
    ("POST", "/api/v1/chat"),
    ("GET", "/static/dkfds/x/y.css"),
    ("GET", "/a-z"),
]
HEADER_TEXT = st.text(
    st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cs",)),
    max_size=120,
)
HEADERS = st.dictionaries(
    st.sampled_from(
        [
            "Host",
            "Origin",
            "Referer",
            "Content-Type",
            "Accept-Language",
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "If-None-Match",
            "Authorization",
            "Cookie",
            "Sec-Fetch-Site",
            "Range",
        ]
    ),
    st.one_of(HEADER_TEXT, st.sampled_from(["http://[::1", "a..b", "chunked", "Basic !!!", "*"])),
    max_size=5,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(route=st.sampled_from(ROUTES), headers=HEADERS, body=st.binary(max_size=300))
def test_any_headers_on_any_route_never_give_a_5xx(client, route, headers, body) -> None:
    method, path = route
    headers = {name: value.encode("utf-8").decode("latin-1") for name, value in headers.items()}
    response = client.open(path, method=method, headers=headers, data=body)
    assert response.status_code < 500, (method, path, headers)
    text = response.get_data(as_text=True)
    assert "Traceback" not in text


def test_the_json_api_answers_json_whatever_the_content_type(client) -> None:
    for content_type in ("text/plain", "application/json; charset=latin-1", "multipart/form-data"):
        response = client.post(
            "/api/v1/chat", data=json.dumps({"message": "hej"}), content_type=content_type
        )
        assert response.status_code in (200, 400) and response.is_json
