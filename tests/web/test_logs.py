"""The logs of a whole session under gunicorn hold no questionnaire answers, chat messages or
searches: a citizen's CPR number, birth date or name must never reach them."""

from __future__ import annotations

import urllib.parse
import urllib.request

from tests.conftest import STORED_ANSWERS
from tests.gunicorn_server import gunicorn_serving

SECRETS = ["010203-1234", "1966-05-03", "Hemmelig Hansen", "hemmelig@example.dk", "70707070"]


def request(
    base: str, path: str, data: dict[str, str] | None = None, json_body: bytes | None = None
) -> int:
    body = urllib.parse.urlencode(data).encode() if data is not None else json_body
    headers = {"Content-Type": "application/json"} if json_body is not None else {}
    try:
        with urllib.request.urlopen(
            urllib.request.Request(base + path, data=body, headers=headers), timeout=10
        ) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_whole_session_leaves_nothing_personal_in_the_logs(tmp_path) -> None:
    log_path = tmp_path / "gunicorn.log"
    with gunicorn_serving(tmp_path, log_path, workers=1) as (base, _port):
        assert (
            request(
                base,
                "/search?" + urllib.parse.urlencode({"q": "pension 010203-1234 Hemmelig Hansen"}),
            )
            == 200
        )
        assert (
            request(base, "/api/v1/search?" + urllib.parse.urlencode({"q": "hemmelig@example.dk"}))
            == 200
        )
        assert request(base, "/tjek", {**STORED_ANSWERS, "action": "result"}) == 200
        assert (
            request(
                base,
                "/tjek",
                {
                    "action": "answer",
                    "question": "birth_date",
                    "birth_day": "3",
                    "birth_month": "5",
                    "birth_year": "1966",
                },
            )
            == 200
        )
        assert (
            request(
                base,
                "/chat",
                {"message": "Jeg hedder Hemmelig Hansen, tlf 70707070, født 3. maj 1966"},
            )
            == 200
        )
        message = b'{"message": "cpr 010203-1234 hemmelig@example.dk", "lang": "da"}'
        assert request(base, "/api/v1/chat", json_body=message) == 200
        assert (
            request(
                base,
                "/faq/tidlig-pension/feedback",
                {"helpful": "no", "step": "comment", "comment": "Hemmelig Hansen 010203-1234"},
            )
            == 200
        )
        assert request(base, "/api/v1/eligibility?birth_date=1966-05-03") == 200
    logged = log_path.read_text()
    assert (
        '"GET /search"' in logged and '"POST /chat"' in logged
    )  # the log is there, just not the data
    for secret in SECRETS:
        assert secret not in logged, secret
    assert (
        "127.0.0.1" not in logged.split("Listening at")[-1].split("\n", 1)[-1]
    )  # no client address
