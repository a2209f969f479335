"""'Fik du svar på dit spørgsmål?': votes, comments and searches that found nothing, stored with
SQLAlchemy (SQLite by default, PostgreSQL when configured). Only slug, language, yes/no, comment and
date are kept: no IP address, no user agent; personal details are scrubbed before anything is stored."""

from __future__ import annotations

import csv
import io
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from app.privacy import holds_personal_details, scrub

if TYPE_CHECKING:
    from app.feedback.database import FeedbackDatabase

MAX_COMMENT_CHARS = 500
MAX_QUERY_CHARS = 100


def normalise_query(query: str) -> str | None:
    """A failed search as it is counted, or None when it may hold personal details."""
    if holds_personal_details(query):
        return None
    words = re.findall(r"[^\W_]+", query.casefold())
    normalised = " ".join(words)[:MAX_QUERY_CHARS].strip()
    return normalised or None


@dataclass
class AnswerFeedback:
    slug: str
    lang: str
    yes: int = 0
    no: int = 0
    comments: list[tuple[date, str]] = field(default_factory=list)


class FeedbackStore:
    """Votes, comments and failed searches. The database behind it is opened on first use:
    importing SQLAlchemy takes about a third of a second, and startup should not pay for writes
    that are rare."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._database: FeedbackDatabase | None = None
        self._opening = threading.Lock()

    @property
    def database(self) -> FeedbackDatabase:
        if self._database is None:
            with self._opening:
                if self._database is None:
                    from app.feedback.database import FeedbackDatabase

                    self._database = FeedbackDatabase(self.url)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()

    def record_vote(
        self, slug: str, lang: str, helpful: bool, comment: str | None, today: date
    ) -> None:
        cleaned = (
            scrub(comment.strip())[:MAX_COMMENT_CHARS] if comment and comment.strip() else None
        )
        self.database.insert_vote(slug, lang, helpful, cleaned, today)

    def record_failed_search(self, query: str, lang: str) -> None:
        normalised = normalise_query(query)
        if normalised is not None:
            self.database.count_failed_search(normalised, lang)

    def answers(self) -> list[AnswerFeedback]:
        return self.database.answers()

    def failed_searches(self, limit: int = 200) -> list[tuple[str, str, int]]:
        return self.database.failed_searches(limit)

    def export_csv(self) -> str:
        output = io.StringIO()
        writer = SafeCsvWriter(output)
        writer.writerow(["type", "slug_or_search", "lang", "yes", "no", "date", "comment"])
        for entry in self.answers():
            writer.writerow(["votes", entry.slug, entry.lang, entry.yes, entry.no, "", ""])
            for created, comment in entry.comments:
                writer.writerow(
                    ["comment", entry.slug, entry.lang, "", "", created.isoformat(), comment]
                )
        for query, lang, count in self.failed_searches(limit=10_000):
            writer.writerow(["failed_search", query, lang, count, "", "", ""])
        return output.getvalue()


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(...), =cmd|...,
# @SUM(...), +1+1): what a citizen wrote must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """csv.writer whose text cells can never run as a formula in a spreadsheet."""

    def __init__(self, output: io.StringIO) -> None:
        self._writer = csv.writer(output)

    def writerow(self, row: list[object]) -> None:
        self._writer.writerow([spreadsheet_safe(value) for value in row])
