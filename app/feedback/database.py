"""The feedback tables and their queries (SQLAlchemy: SQLite by default, PostgreSQL when configured).
Only app/feedback/store.py uses this module, on the first write or read, so startup does not pay for
importing SQLAlchemy. What reaches it is already scrubbed of personal details."""

from __future__ import annotations

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
    exc,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from app.feedback.store import MAX_QUERY_CHARS, AnswerFeedback

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


class FeedbackDatabase:
    def __init__(self, url: str) -> None:
        # Writes are rare (a vote, a search that found nothing), so each opens its own connection:
        # no idle connections per worker, and none can cross a fork (gunicorn --preload).
        options: dict[str, object] = {"poolclass": NullPool}
        if url.startswith("sqlite"):
            options["connect_args"] = {"timeout": 30}
        self.engine: Engine = create_engine(url, **options)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_wal)
        try:
            metadata.create_all(self.engine)
        except exc.DatabaseError:
            # Another worker created the tables at the same moment; now they exist.
            metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def insert_vote(
        self, slug: str, lang: str, helpful: bool, comment: str | None, today: date
    ) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                votes.insert().values(
                    slug=slug, lang=lang, helpful=helpful, comment=comment, created=today
                )
            )

    def count_failed_search(self, query: str, lang: str) -> None:
        dialect = self.engine.dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = insert(failed_searches).values(query=query, lang=lang, count=1)
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


def _sqlite_wal(connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
