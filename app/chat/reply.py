"""The guidance chat's reply: a free-text message in, the best answers and what kind of reply out.

Pure and stateless: no Flask, no storage, no logging of what citizens write. It finds answers with
the search index (re-ranked for whole questions, app/chat/ranking.py), understands dates of birth
(app/chat/understanding.py), and knows when it does not know. Texts are the web layer's job: this
returns kinds, slugs and values."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.chat.handover import (
    CAN_I_GET,
    EARLY_EXIT,
    HANDOFF,
    MEETS_CONDITIONS,
    ON_FOLKEPENSION,
    RETIREMENT,
    SENIOR,
)
from app.chat.intents import EMPLOYMENT_LAW, asks_something_else
from app.chat.naming import pension_types
from app.chat.ranking import MAX_MESSAGE_CHARS, ChatRanker
from app.chat.understanding import (
    birth_years_for_age,
    find_age,
    find_birth_date,
    find_birth_year,
    same_folkepensionsalder_all_year,
    small_talk,
)
from app.domain.facts import folkepensionsalder_band, folkepensionsalder_date
from app.search.analysis import clean_query

# How sure the chat is, from the best answer's evidence (see ChatRanker.rank). Calibrated on
# tests/chat_conversations.toml and on off-topic messages: about nine in ten right first answers
# have at least SURE_EVIDENCE; off-topic messages stay below it, most below SOME_EVIDENCE.
SURE_EVIDENCE = 0.30
SOME_EVIDENCE = 0.12
# A follow-up that leans on the message before it ("and if I have no MitID?") is short; a longer
# message tells its own story, and reading it again with the one before would double its cost.
FOLLOW_UP_MAX_CHARS = 200


class ReplyKind(StrEnum):
    ANSWER = "answer"
    NOT_SURE = "not_sure"
    NO_MATCH = "no_match"
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    EMPTY = "empty"
    FOLKEPENSION_DATE = "folkepension_date"
    SENIORPENSION_DATE = "seniorpension_date"


class Confidence(StrEnum):
    HIGH = "high"
    LOW = "low"
    NONE = "none"


@dataclass(frozen=True)
class ChatReply:
    kind: ReplyKind
    confidence: Confidence
    sources: tuple[str, ...] = ()
    birth_date: date | None = None
    birth_year: int | None = None
    age_now: int | None = None
    offer_questionnaire: bool = False
    section: str | None = None  # the anchor of the first source's section that answers


def reply(message: str, ranker: ChatRanker, today: date, previous: str | None = None) -> ChatReply:
    """The reply to one message; `previous` is the conversation's last message before it (it
    travels in the page, never stored), so a follow-up without a topic ("can I keep working a few
    hours then?") is read with the topic of the message it follows."""
    text = clean_query(unicodedata.normalize("NFC", message))[:MAX_MESSAGE_CHARS]
    talk = small_talk(text)
    if talk is not None:
        kind = ReplyKind(talk)
        return ChatReply(kind, Confidence.HIGH if kind is not ReplyKind.EMPTY else Confidence.NONE)
    lowered = text.lower()
    born = find_birth_date(text, today)
    year = None if born else find_birth_year(text, today)
    age_now = None if born or year else find_age(text)
    named = pension_types(text)
    earlier = (
        clean_query(unicodedata.normalize("NFC", previous))[:MAX_MESSAGE_CHARS] if previous else ""
    )
    named_earlier = pension_types(earlier)
    # "Do I qualify?" after a message about a pension asks about that pension.
    asked_about = named or named_earlier
    asks_for_a_route = bool(
        (CAN_I_GET.search(lowered) or MEETS_CONDITIONS.search(lowered))
        and asked_about - {"folkepension"}  # folkepension: the date, below
    ) or bool(EARLY_EXIT.search(lowered))
    handoff = (
        bool(HANDOFF.search(lowered)) or (asks_for_a_route and bool(born or year or age_now))
    ) and not ON_FOLKEPENSION.search(lowered)
    if born and SENIOR.search(lowered):
        return ChatReply(
            ReplyKind.SENIORPENSION_DATE,
            Confidence.HIGH,
            ("seniorpension-ansoegning",),
            birth_date=born,
            offer_questionnaire=True,
        )
    if age_now is not None:
        first, second = birth_years_for_age(age_now, today)
        same = folkepensionsalder_band(date(first, 1, 1)) == folkepensionsalder_band(
            date(second, 12, 31)
        )
        if not same:
            age_now = None
    knows_age = born or (year and same_folkepensionsalder_all_year(year)) or age_now
    if (
        knows_age
        and not handoff
        and RETIREMENT.search(lowered)
        and not EMPLOYMENT_LAW.search(lowered)
        and not asks_something_else(lowered, named)
    ):
        return ChatReply(
            ReplyKind.FOLKEPENSION_DATE,
            Confidence.HIGH,
            ("folkepensionsalder",),
            birth_date=born,
            birth_year=year,
            age_now=age_now,
        )
    ranked = ranker.rank(text)
    pensions_before: frozenset[str] = frozenset()
    if earlier and not named and len(text) <= FOLLOW_UP_MAX_CHARS:
        # The question weighs most; the earlier message brings the topic.
        followed = ranker.rank(f"{text} {text} {earlier}"[:MAX_MESSAGE_CHARS])
        # A message that names no pension after one that did is about that pension.
        if followed and (not ranked or named_earlier or followed[0][2] > ranked[0][2]):
            ranked = followed
            pensions_before = frozenset(named_earlier)
    evidence = ranked[0][2] if ranked else 0.0
    slugs = tuple(slug for slug, _score, _evidence in ranked[:3])
    if evidence < SOME_EVIDENCE:
        kind, confidence, slugs = ReplyKind.NO_MATCH, Confidence.NONE, ()
    elif evidence < SURE_EVIDENCE:
        kind, confidence = ReplyKind.NOT_SURE, Confidence.LOW
    elif not ranker.covers(text, slugs[0], pensions_before):
        # Words in common, but not the question's concept: say so, with the nearest answers.
        kind, confidence = ReplyKind.NOT_SURE, Confidence.LOW
    else:
        kind, confidence = ReplyKind.ANSWER, Confidence.HIGH
    section = None
    if slugs:
        found = ranker.index.passages.best_section(slugs[0], ranker.index.terms(text))
        section = found[0] if found else None
    return ChatReply(
        kind, confidence, slugs, birth_date=born, offer_questionnaire=handoff, section=section
    )


def folkepension_for(born: date) -> tuple[int, int, date]:
    band = folkepensionsalder_band(born)
    return band.age_years, band.extra_months, folkepensionsalder_date(born)
