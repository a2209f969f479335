"""'Fik du svar på dit spørgsmål?': votes, comments and searches that found nothing, stored with
SQLAlchemy (SQLite by default, PostgreSQL when configured). Only slug, language, yes/no, comment and
date are kept: no IP address, no user agent; personal details are scrubbed before anything is stored."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

MAX_COMMENT_CHARS = 500
MAX_QUERY_CHARS = 100
REMOVED = "[fjernet]"

metadata = MetaData()
votes = Table(
    "feedback_votes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(120), nullable=False, index=True),
    Column("lang", String(2), nullable=False),
    Column("helpful", Boolean, nullable=False),
    Column("comment", Text, nullable=True),
    Column("created", Date, nullable=False),
)
failed_searches = Table(
    "failed_searches",
    metadata,
    Column("query", String(MAX_QUERY_CHARS), primary_key=True),
    Column("lang", String(2), primary_key=True),
    Column("count", Integer, nullable=False),
)

# Danish CPR numbers, phone numbers and e-mail addresses: never stored.
_CPR = re.compile(r"\b\d{6}[- ]?\d{4}\b")
_PHONE = re.compile(r"(?:\+|00)?(?:45)?[\s-]?\b(?:\d[\s-]?){8}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_LONG_NUMBER = re.compile(r"\d{6,}")


def scrub(text: str) -> str:
    """A comment with CPR numbers, phone numbers and e-mail addresses taken out."""
    for pattern in (_EMAIL, _CPR, _PHONE):
        text = pattern.sub(REMOVED, text)
    return text


def normalise_query(query: str) -> str | None:
    """A failed search as it is counted, or None when it may hold personal details."""
    if (
        _EMAIL.search(query)
        or _CPR.search(query)
        or _PHONE.search(query)
        or _LONG_NUMBER.search(query)
    ):
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
    def __init__(self, url: str) -> None:
        # Writes are rare (a vote, a search that found nothing), so each opens its own connection:
        # no idle connections per worker, and none can cross a fork (gunicorn --preload).
        options: dict[str, object] = {"poolclass": NullPool}
        if url.startswith("sqlite"):
            options["connect_args"] = {"timeout": 30}
        self.engine: Engine = create_engine(url, **options)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_wal)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def record_vote(
        self, slug: str, lang: str, helpful: bool, comment: str | None, today: date
    ) -> None:
        cleaned = (
            scrub(comment.strip())[:MAX_COMMENT_CHARS] if comment and comment.strip() else None
        )
        with self.engine.begin() as connection:
            connection.execute(
                votes.insert().values(
                    slug=slug, lang=lang, helpful=helpful, comment=cleaned, created=today
                )
            )

    def record_failed_search(self, query: str, lang: str) -> None:
        normalised = normalise_query(query)
        if normalised is None:
            return
        dialect = self.engine.dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = insert(failed_searches).values(query=normalised, lang=lang, count=1)
        # One atomic statement, so parallel searches never lose a count.
        statement = statement.on_conflict_do_update(
            index_elements=["query", "lang"], set_={"count": failed_searches.c.count + 1}
        )
        with self.engine.begin() as connection:
            connection.execute(statement)

    def answers(self) -> list[AnswerFeedback]:
        found: dict[tuple[str, str], AnswerFeedback] = {}
        with self.engine.connect() as connection:
            counts = connection.execute(
                select(votes.c.slug, votes.c.lang, votes.c.helpful, func.count()).group_by(
                    votes.c.slug, votes.c.lang, votes.c.helpful
                )
            )
            for slug, lang, helpful, count in counts:
                entry = found.setdefault((slug, lang), AnswerFeedback(slug, lang))
                if helpful:
                    entry.yes += count
                else:
                    entry.no += count
            comments = connection.execute(
                select(votes.c.slug, votes.c.lang, votes.c.created, votes.c.comment)
                .where(votes.c.comment.is_not(None))
                .order_by(votes.c.created.desc(), votes.c.id.desc())
            )
            for slug, lang, created, comment in comments:
                found.setdefault((slug, lang), AnswerFeedback(slug, lang)).comments.append(
                    (created, comment)
                )
        return sorted(found.values(), key=lambda entry: (-(entry.no), entry.slug, entry.lang))

    def failed_searches(self, limit: int = 200) -> list[tuple[str, str, int]]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(failed_searches.c.query, failed_searches.c.lang, failed_searches.c.count)
                .order_by(failed_searches.c.count.desc(), failed_searches.c.query)
                .limit(limit)
            )
            return [(query, lang, count) for query, lang, count in rows]

    def export_csv(self) -> str:
        output = io.StringIO()
        writer = csv.writer(output)
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


def _sqlite_wal(connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
