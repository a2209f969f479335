"""Security headers, no cookies, no cross-site form posts, and a rate limit on the APIs."""

from __future__ import annotations

import pytest

from app import create_app

PAGES = [
    "/",
    "/en/",
    "/faq/tidlig-pension",
    "/search?q=pension",
    "/tjek",
    "/chat",
    "/a-z",
    "/nowhere",
]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_response(client, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers  # plain HTTP: no HSTS
    assert "Set-Cookie" not in headers


def test_hsts_when_served_over_https(client) -> None:
    headers = client.get("/", base_url="https://localhost").headers
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_api_responses_carry_the_headers_too(client) -> None:
    response = client.get("/api/v1/search?q=pension")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in response.headers


def test_pages_have_no_inline_script_or_style(client) -> None:
    for path in ["/", "/faq/folkepensionsalder", "/tjek", "/chat", "/search?q=fleksjob"]:
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and " style=" not in html and "<style" not in html, path
        assert " onclick=" not in html and "javascript:" not in html, path


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/faq/tidlig-pension/feedback", {"helpful": "yes"}),
        ("/tjek", {"action": "start"}),
        ("/chat", {"message": "hej"}),
    ],
)
def test_cross_site_form_posts_are_refused(client, path: str, data: dict) -> None:
    assert (
        client.post(path, data=data, headers={"Origin": "https://evil.example"}).status_code == 403
    )
    assert client.post(path, data=data, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    same_site = client.post(path, data=data, headers={"Origin": "http://localhost"})
    assert same_site.status_code == 200


def test_rate_limit_on_the_apis_says_429_with_retry_after_in_the_language_asked() -> None:
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "RATELIMIT_ENABLED": True,
            "API_RATE_LIMIT": "3 per minute",
        }
    )
    client = app.test_client()
    # One count for all the APIs: a client cannot spread its requests over them.
    statuses = [
        client.get("/api/v1/search?q=pension").status_code,
        client.get("/api/v1/eligibility?birth_date=1965-01-01").status_code,
        client.post("/api/v1/chat", json={"message": "hej"}).status_code,
        client.get("/api/v1/search?q=pension").status_code,
    ]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/search?q=pension&lang=en")
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.get_json()["error"]["message"].startswith("Too many requests")
    danish = client.post("/api/v1/chat", json={"message": "hej", "lang": "da"})
    assert danish.get_json()["error"]["message"].startswith("For mange forespørgsler")
    assert client.get("/faq/tidlig-pension").status_code == 200  # pages are not limited


def limited_app(**settings: object):
    return create_app({"TESTING": True, "SECRET_KEY": "x", "RATELIMIT_ENABLED": True, **settings})


def test_forms_and_searches_share_a_limit_per_client_with_a_page_in_their_language() -> None:
    client = limited_app(FORM_RATE_LIMIT="2 per minute", PAGE_CACHE=False).test_client()
    assert client.post("/chat", data={"message": "hej"}).status_code == 200
    assert client.get("/search?q=pension").status_code == 200
    refused = client.post("/en/chat", data={"message": "hej"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Please wait a moment" in refused.get_data(as_text=True)
    danish = client.get("/search?q=seniorpension")
    assert danish.status_code == 429 and "Vent et øjeblik" in danish.get_data(as_text=True)
    # Reading pages and starting the questionnaire cost nothing and are never limited.
    assert client.get("/tjek").status_code == 200 and client.get("/search").status_code == 200
    # Another client has its own count.
    other = client.post("/chat", data={"message": "hej"}, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_guessing_the_editors_password_is_limited() -> None:
    client = limited_app(
        EDITOR_RATE_LIMIT="3 per minute", EDITOR_PASSWORD_HASH="scrypt:32768:8:1$x$y"
    ).test_client()
    statuses = [client.get("/redaktion").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]


def test_forwarded_addresses_count_only_from_a_trusted_proxy() -> None:
    def statuses(app, forwarded_for: list[str], remote: str) -> list[int]:
        client = app.test_client()
        return [
            client.get(
                "/api/v1/search?q=pension",
                headers={"X-Forwarded-For": address},
                environ_base={"REMOTE_ADDR": remote},
            ).status_code
            for address in forwarded_for
        ]

    rotating = ["1.1.1.1", "2.2.2.2", "3.3.3.3"]
    # Not trusted: a client cannot pick new addresses to escape its limit.
    assert statuses(limited_app(API_RATE_LIMIT="2 per minute"), rotating, "127.0.0.1") == [
        200,
        200,
        429,
    ]
    # Behind a trusted proxy, each client behind it has its own count.
    behind = limited_app(API_RATE_LIMIT="2 per minute", TRUSTED_PROXIES="127.0.0.1")
    assert statuses(behind, rotating, "127.0.0.1") == [200, 200, 200]
    assert statuses(behind, ["9.9.9.9"] * 3, "127.0.0.1") == [200, 200, 429]


def test_rate_limit_is_off_when_configured_off(client) -> None:
    assert all(client.get("/api/v1/search?q=pension").status_code == 200 for _ in range(200))


def test_no_session_is_opened_or_read(app) -> None:
    from flask import session
    from flask.sessions import NullSession

    with app.test_request_context("/", headers={"Cookie": "session=anything"}):
        app.preprocess_request()
        assert isinstance(session._get_current_object(), NullSession)


def test_an_unexpected_error_in_the_api_answers_json(app, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("app.web.api.answer_chat", broken)
    response = app.test_client().post("/api/v1/chat", json={"message": "hej", "lang": "da"})
    assert response.status_code == 500
    assert response.get_json() == {
        "error": {"field": None, "message": "Der gik noget galt hos os."}
    }
