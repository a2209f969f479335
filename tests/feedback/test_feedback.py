"""'Fik du svar på dit spørgsmål?': votes and comments, searches that found nothing, the editors'
page, against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import base64
import csv
import io
import os
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool
from werkzeug.security import generate_password_hash

from app import create_app
from app.feedback.database import metadata
from app.feedback.store import FeedbackStore, normalise_query, scrub
from tests.conftest import ROOT

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
IN_CI = os.environ.get("CI") == "true"


def postgres_or_skip() -> str:
    if POSTGRES_URL:
        return POSTGRES_URL
    if IN_CI:
        pytest.fail("TEST_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it")
    pytest.skip(
        "PostgreSQL tests: set TEST_POSTGRES_URL=postgresql+psycopg://user:pw@127.0.0.1/db (.ci/run does)"
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/feedback.sqlite3"
    url = postgres_or_skip()
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:  # a clean slate: these tables belong to the tests
        connection.execute(text("DROP TABLE IF EXISTS feedback_votes, failed_searches"))
    engine.dispose()
    return url


@pytest.fixture
def store(database_url):
    feedback_store = FeedbackStore(database_url)
    yield feedback_store
    feedback_store.close()


def test_votes_and_comments_are_counted(store) -> None:
    store.record_vote("tidlig-pension", "da", True, None, date(2026, 11, 23))
    store.record_vote("tidlig-pension", "da", False, "Jeg manglede satserne", date(2026, 11, 23))
    store.record_vote("tidlig-pension", "en", False, "   ", date(2026, 11, 23))
    found = {(entry.slug, entry.lang): entry for entry in store.answers()}
    assert (found[("tidlig-pension", "da")].yes, found[("tidlig-pension", "da")].no) == (1, 1)
    assert found[("tidlig-pension", "da")].comments == [
        (date(2026, 11, 23), "Jeg manglede satserne")
    ]
    assert found[("tidlig-pension", "en")].comments == []


def test_parallel_votes_and_searches_are_never_lost(store) -> None:
    def vote(number: int) -> None:
        store.record_vote("folkepensionsalder", "da", number % 2 == 0, None, date(2026, 11, 23))
        store.record_failed_search("noget helt ukendt", "da")

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(vote, range(80)))
    entry = next(entry for entry in store.answers() if entry.slug == "folkepensionsalder")
    assert entry.yes + entry.no == 80
    assert store.failed_searches() == [("noget helt ukendt", "da", 80)]


def test_personal_details_are_never_stored(store) -> None:
    store.record_vote(
        "tidlig-pension",
        "da",
        False,
        "Ring på 12 34 56 78 eller skriv til a@b.dk, cpr 010203-1234",
        date(2026, 1, 1),
    )
    comment = store.answers()[0].comments[0][1]
    assert "12 34 56 78" not in comment and "a@b.dk" not in comment and "010203" not in comment
    store.record_failed_search("010203-1234", "da")
    store.record_failed_search("ring 12345678", "da")
    store.record_failed_search("hans@example.com", "da")
    assert store.failed_searches() == []


def test_only_slug_language_vote_comment_and_date_are_kept(store) -> None:
    from app.feedback.database import votes

    assert {column.name for column in votes.columns} == {
        "id",
        "slug",
        "lang",
        "helpful",
        "comment",
        "created",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("  Førtidspension  REGLER!! ", "førtidspension regler"),
        ("010203-1234", None),
        ("+45 20 30 40 50", None),
        ("x@y.dk", None),
        ("???", None),
        ("a" * 300, "a" * 100),
    ],
)
def test_failed_searches_are_normalised(query: str, expected: str | None) -> None:
    assert normalise_query(query) == expected


def test_scrub_keeps_ordinary_text() -> None:
    assert scrub("Jeg er 62 år og har arbejdet i 40 år") == "Jeg er 62 år og har arbejdet i 40 år"


# --- through the site ------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site_app(request, tmp_path_factory):
    """One app per database for the whole module: building an app costs more than the tests."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('feedback')}/feedback.sqlite3"
    else:
        url = postgres_or_skip()
    password = "hemmelig-" + uuid.uuid4().hex[:6]
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "DATABASE_URL": url,
            "EDITOR_PASSWORD_HASH": generate_password_hash(password),
        }
    )
    yield app, password
    app.extensions["feedback"].close()


@pytest.fixture
def site(site_app):
    """The module's app with empty feedback tables: each test starts from a clean slate. The
    tables are made again first: a store test on the same PostgreSQL database may have dropped
    them meanwhile."""
    app, _password = site_app
    engine = app.extensions["feedback"].database.engine
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM feedback_votes"))
        connection.execute(text("DELETE FROM failed_searches"))
    return site_app


def basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_every_answer_asks_and_a_yes_is_stored_without_javascript(site) -> None:
    app, _ = site
    client = app.test_client()
    html = client.get("/faq/tidlig-pension").get_data(as_text=True)
    assert "Fik du svar på dit spørgsmål?" in html and 'name="helpful" value="yes"' in html
    thanks = client.post("/faq/tidlig-pension/feedback", data={"helpful": "yes"})
    assert thanks.status_code == 200 and "Tak" in thanks.get_data(as_text=True)
    assert "Set-Cookie" not in thanks.headers
    entry = app.extensions["feedback"].answers()[0]
    assert (entry.slug, entry.lang, entry.yes, entry.no) == ("tidlig-pension", "da", 1, 0)


def test_a_no_asks_for_an_optional_comment_with_a_warning(site) -> None:
    app, _ = site
    client = app.test_client()
    ask = client.post("/en/faq/tidlig-pension/feedback", data={"helpful": "no"}).get_data(
        as_text=True
    )
    assert "What was missing?" in ask and "CPR number" in ask
    assert app.extensions["feedback"].answers() == []  # nothing stored until the second step
    client.post(
        "/en/faq/tidlig-pension/feedback",
        data={"helpful": "no", "step": "comment", "comment": "Rates, please"},
    )
    client.post(
        "/en/faq/tidlig-pension/feedback",
        data={"helpful": "no", "step": "comment", "comment": "x", "skip": "1"},
    )
    entry = app.extensions["feedback"].answers()[0]
    assert entry.no == 2 and [comment for _, comment in entry.comments] == ["Rates, please"]


@pytest.mark.parametrize(
    ("path", "data", "status"),
    [
        ("/faq/findes-ikke/feedback", {"helpful": "yes"}, 404),
        ("/faq/tidlig-pension/feedback", {"helpful": "maybe"}, 400),
        ("/faq/tidlig-pension/feedback", {}, 400),
        (
            "/faq/tidlig-pension/feedback",
            {"helpful": "no", "step": "comment", "comment": "x" * 600},
            400,
        ),
    ],
)
def test_bad_feedback_gets_a_clear_page(site, path: str, data: dict, status: int) -> None:
    app, _ = site
    response = app.test_client().post(path, data=data)
    assert response.status_code == status and "<h1>" in response.get_data(as_text=True)


def test_searches_that_find_nothing_are_counted_for_the_editors(site) -> None:
    app, password = site
    client = app.test_client()
    client.get("/search?q=Zebrastriber+og+kamelhaar")
    client.get("/search?q=zebrastriber+og+kamelhaar")
    client.get("/search?q=zebrastriber+og+kamelhaar")  # the page comes from memory, still counted
    client.get("/search?q=010203-1234")
    client.get("/search?q=seniorpension")  # found something: not counted
    assert app.extensions["feedback"].failed_searches() == [("zebrastriber og kamelhaar", "da", 3)]
    page = client.get("/redaktion", headers=basic("redaktion", password)).get_data(as_text=True)
    assert "zebrastriber og kamelhaar" in page and "010203" not in page


def test_editors_page_needs_the_password(site) -> None:
    app, password = site
    client = app.test_client()
    assert client.get("/redaktion").status_code == 401
    assert "Basic" in client.get("/redaktion").headers["WWW-Authenticate"]
    assert client.get("/redaktion", headers=basic("redaktion", "forkert")).status_code == 401
    assert client.get("/redaktion", headers=basic("andre", password)).status_code == 401
    assert client.get("/redaktion", headers=basic("redaktion", password)).status_code == 200


def test_editors_page_is_closed_without_a_configured_password(client) -> None:
    assert client.get("/redaktion").status_code == 404


def test_editors_see_counts_and_comments_and_can_export_csv(site) -> None:
    app, password = site
    client = app.test_client()
    client.post("/faq/folkepensionsalder/feedback", data={"helpful": "yes"})
    client.post(
        "/faq/folkepensionsalder/feedback",
        data={"helpful": "no", "step": "comment", "comment": "Mere om 70 år"},
    )
    page = client.get("/redaktion", headers=basic("redaktion", password)).get_data(as_text=True)
    assert "Hvornår når jeg folkepensionsalderen?" in page and "Mere om 70 år" in page
    export = client.get("/redaktion/eksport.csv", headers=basic("redaktion", password))
    assert export.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(export.get_data(as_text=True))))
    assert ["votes", "folkepensionsalder", "da", "1", "1", "", ""] in rows
    assert any(row[0] == "comment" and row[-1] == "Mere om 70 år" for row in rows)


def test_starting_the_site_does_not_open_the_feedback_database(tmp_path) -> None:
    """Startup stays fast: SQLAlchemy is imported on the first vote or failed search, not before."""
    script = (
        "import sys; from app import create_app; create_app(); print('sqlalchemy' in sys.modules)"
    )
    env = {**os.environ, "PENSIONSGUIDEN_DATABASE_URL": f"sqlite:///{tmp_path}/feedback.sqlite3"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"
    assert not (tmp_path / "feedback.sqlite3").exists()


def test_editors_see_the_answers_whose_check_against_the_law_is_due(tmp_path, database_url) -> None:
    from tests.content.test_content import VALID_DA, fixture_set

    overdue = VALID_DA.replace("reviewed: 2026-11-23", "reviewed: 2025-01-02").replace(
        "review_due: 2027-11-23", "review_due: 2025-12-01"
    )
    password = "hemmelig-" + uuid.uuid4().hex[:6]
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "DATABASE_URL": database_url,
            "EDITOR_PASSWORD_HASH": generate_password_hash(password),
            "CONTENT_DIR": str(fixture_set(tmp_path / "content", da=overdue)),
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        }
    )
    page = app.test_client().get("/redaktion", headers=basic("redaktion", password))
    html = page.get_data(as_text=True)
    assert "Svar, der skal tjekkes mod loven" in html
    assert 'href="/faq/hjaelp"' in html and "overskredet" in html
    assert 'href="/en/faq/hjaelp"' not in html
