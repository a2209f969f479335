"""Property-based: arbitrary text, Unicode, huge inputs and malformed query strings at every route
and API never give a 500, and what a user sends is never reflected unescaped.

Every text sent ends with a probe, a tag that appears nowhere in the site's own markup: if the
probe ever comes back as markup, user text reached the page unescaped. (Looking for the sent text
itself cannot tell "<" from the user from the page's own "<".)"""

from __future__ import annotations

import urllib.parse

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    # What is tested is the site, not how fast or how large Hypothesis makes its examples: its own
    # health checks (slow or large data on a busy machine) must not fail a run.
    suppress_health_check=list(HealthCheck),
    # A failure prints the blob that replays it (@reproduce_failure), as it may need the order
    # of the other tests to happen again.
    print_blob=True,
)
# Any Unicode text, including control characters, surrogates excluded (they cannot be sent as UTF-8).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
HUGE = st.text(st.characters(exclude_categories=("Cs",)), min_size=2000, max_size=12000)
ANY_TEXT = st.one_of(
    TEXT,
    HUGE,
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "' OR 1=1 --",
            "AND OR NOT (*)",
            "\x00\x01\x1b[31m",
            "ø" * 5000,
        ]
    ),
)
GET_PATHS = [
    "/search?q={}",
    "/en/search?q={}",
    "/api/v1/search?q={}",
    "/api/v1/search?q=pension&limit={}",
    "/api/v1/search?q=pension&lang={}",
    "/api/v1/eligibility?birth_date={}",
    "/api/v1/eligibility?birth_date=1966-05-03&work_years={}",
    "/api/v1/eligibility?birth_date=1966-05-03&as_of={}",
    "/faq/{}",
    "/en/faq/{}",
    "/kategori/{}",
    "/tjek/resultat/{}",
    "/tjek?start={}",
    "/{}",
]


PROBE = '<qzx-probe qzv="w">'


def probed(value: str) -> str:
    return value + PROBE


def assert_safe(response, sent: str) -> None:
    assert response.status_code < 500
    if PROBE in sent and response.mimetype == "text/html":
        assert PROBE not in response.get_data(as_text=True)


@BOUNDED
@given(path=st.sampled_from(GET_PATHS), value=ANY_TEXT)
@example(path="/search?q={}", value="zzqx")  # a search that finds nothing says what was searched
@example(path="/en/search?q={}", value="seniorpension")  # one that finds answers says it too
def test_any_text_in_any_get_parameter(client, path: str, value: str) -> None:
    value = probed(value)
    response = client.get(path.format(urllib.parse.quote(value, safe="")))
    assert_safe(response, value)


@BOUNDED
@given(query=st.text(max_size=400))
def test_malformed_query_strings(client, query: str) -> None:
    for path in ("/search", "/api/v1/search", "/api/v1/eligibility", "/tjek", "/chat"):
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500


@BOUNDED
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "action",
                "question",
                "a_birth_date",
                "a_receives",
                "a_work_years",
                "birth_day",
                "birth_month",
                "birth_year",
                "work_years",
                "weekly_hours",
                "receives",
                "residence",
                "parttime_hours",
                "work_years_unknown",
                "a_residence",
                "a_weekly_hours",
            ]
        ),
        ANY_TEXT,
        max_size=8,
    )
)
def test_any_questionnaire_form(client, fields: dict[str, str]) -> None:
    fields = {name: probed(value) for name, value in fields.items()}
    for path in ("/tjek", "/en/check"):
        response = client.post(path, data=fields)
        for value in fields.values():
            assert_safe(response, value)


@BOUNDED
@given(message=ANY_TEXT, history=st.lists(ANY_TEXT, max_size=3))
def test_any_chat_message(client, message: str, history: list[str]) -> None:
    message, history = probed(message), [probed(text) for text in history]
    response = client.post("/chat", data={"message": message, "history": history})
    assert_safe(response, message)
    api = client.post("/api/v1/chat", json={"message": message, "lang": "da"})
    assert api.status_code in (200, 400)


@BOUNDED
@given(
    body=st.one_of(
        st.binary(max_size=500),
        st.builds(
            lambda v: __import__("json").dumps(v).encode(),
            st.recursive(
                st.none() | st.booleans() | st.floats(allow_nan=False) | TEXT,
                lambda inner: (
                    st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)
                ),
                max_leaves=8,
            ),
        ),
    )
)
def test_any_json_body_to_the_chat_api(client, body: bytes) -> None:
    response = client.post("/api/v1/chat", data=body, content_type="application/json")
    assert response.status_code in (200, 400)


@BOUNDED
@given(helpful=ANY_TEXT, comment=ANY_TEXT, step=ANY_TEXT)
def test_any_feedback_form(client, helpful: str, comment: str, step: str) -> None:
    comment = probed(comment)
    response = client.post(
        "/faq/tidlig-pension/feedback", data={"helpful": helpful, "comment": comment, "step": step}
    )
    assert_safe(response, comment)
