"""Shared fixtures: the app on the real content, a client, a CLI runner and a page-fetch helper."""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app

ROOT = Path(__file__).resolve().parent.parent
# One citizen's way through the questionnaire: question and the form fields that answer it.
QUESTIONNAIRE_STEPS = [
    ("birth_date", {"birth_day": "3", "birth_month": "5", "birth_year": "1966"}),
    ("receives", {"receives": "none"}),
    ("residence", {"residence": "yes"}),
    ("self_supporting", {"self_supporting": "no"}),
    ("work_years", {"work_years": "30"}),
    ("weekly_hours", {"weekly_hours": "10"}),
]
# The same citizen's answers as every questionnaire form carries them in hidden fields.
STORED_ANSWERS = {
    "a_birth_date": "1966-05-03",
    "a_receives": "none",
    "a_residence": "yes",
    "a_self_supporting": "no",
    "a_work_years": "30",
    "a_weekly_hours": "10",
}
# Every app the tests create keeps its feedback in a throwaway database and has no rate limit
# (tests/test_security.py turns it on where it is the subject).
_TEST_DATA = tempfile.mkdtemp(prefix="pensionsguiden-tests-")
os.environ["PENSIONSGUIDEN_DATABASE_URL"] = f"sqlite:///{_TEST_DATA}/feedback.sqlite3"
os.environ["PENSIONSGUIDEN_RATELIMIT_ENABLED"] = "false"
os.environ.pop("DATABASE_URL", None)


@pytest.fixture(scope="session")
def app() -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret"})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


class PageStructure(HTMLParser):
    """What a page-level check needs: the lang attribute, ids, h1s, landmarks and links."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang: str | None = None
        self.ids: list[str] = []
        self.h1_count = 0
        self.tags: Counter[str] = Counter()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags[tag] += 1
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")


@pytest.fixture
def fetch_page(client: FlaskClient) -> Callable[..., tuple[str, PageStructure]]:
    """GET a page and check what every page must have: lang, one h1, landmarks, unique ids, no cookie."""

    def fetch(path: str, status: int = 200, lang: str | None = None) -> tuple[str, PageStructure]:
        response = client.get(path)
        assert response.status_code == status, path
        assert "Set-Cookie" not in response.headers, path
        html = response.get_data(as_text=True)
        page = PageStructure()
        page.feed(html)
        expected_lang = lang or ("en" if path.startswith("/en/") or path == "/en" else "da")
        assert page.html_lang == expected_lang, path
        assert page.h1_count == 1, path
        for landmark in ("header", "main", "footer", "nav"):
            assert page.tags[landmark] >= 1, f"{path} lacks <{landmark}>"
        duplicates = [anchor for anchor, count in Counter(page.ids).items() if count > 1]
        assert not duplicates, f"{path} repeats ids {duplicates}"
        assert re.search(r'<a class="skipnav" href="#main-content">', html), path
        return html, page

    return fetch


def plain(text: str) -> str:
    """A text compared loosely: case, surrounding punctuation and spacing ignored."""
    return " ".join(text.casefold().strip("?!. ").split())


def titles_and_questions(app: Flask, lang: str) -> set[str]:
    """Every answer's title and other ways of asking, for checking that test sets do not copy them."""
    return {
        plain(text)
        for answer in app.extensions["library"].answers[lang].values()
        for text in (answer.entry.title, *answer.entry.questions)
    }
