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


def test_rate_limit_on_the_apis_says_429_with_retry_after() -> None:
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "RATELIMIT_ENABLED": True,
            "API_RATE_LIMIT": "3 per minute",
        }
    )
    client = app.test_client()
    statuses = [client.get("/api/v1/search?q=pension").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/search?q=pension")
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.get_json()["error"]["message"].startswith("Too many requests")
    assert client.get("/faq/tidlig-pension").status_code == 200  # pages are not limited


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
    assert response.get_json() == {"error": {"field": None, "message": "Internal server error"}}
