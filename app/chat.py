"""The guidance chat: a free-text message in, the best answers and what kind of reply out.

Pure and stateless: no Flask, no storage, no logging of what citizens write. It finds answers with
the search index (re-ranked for whole questions), understands dates of birth, and knows when it
does not know. Texts are the views' job: this returns kinds, slugs and values."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from app.facts import folkepensionsalder_band, folkepensionsalder_date
from app.search import SearchIndex, clean_query

MAX_MESSAGE_CHARS = 1_000
CANDIDATES = 8
# How sure the chat is, from the best answer's evidence (see ChatRanker.rank). Calibrated on
# tests/chat_conversations.toml and on off-topic messages: about nine in ten right first answers
# have at least SURE_EVIDENCE; off-topic messages stay below it, most below SOME_EVIDENCE.
SURE_EVIDENCE = 0.30
SOME_EVIDENCE = 0.12


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


MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "marts": 3,
    "march": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>(?:19|20)?\d\d)\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<mn>{_MONTH})\.?,?\s*(?P<y>(?:19|20)\d\d)\b"
    ),
    re.compile(
        rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"
    ),
)
_BIRTH_YEAR = re.compile(r"\b(?:født|fødd|foedt|fodt|born)\s+(?:i\s+|in\s+)?(?P<y>(?:19|20)\d\d)\b")

_GREETINGS = {"hej", "hejsa", "hejhej", "goddag", "godmorgen", "davs", "dav", "hallo", "halløj", "hi",
              "hello", "hey", "god", "morgen", "good", "morning", "afternoon", "there", "med", "dig"}  # fmt: skip
_THANKS = {"tak", "thanks", "thank", "thx", "tusind", "mange", "you", "so", "much", "for", "hjælpen",
           "the", "help", "ok", "okay", "super", "fint", "godt", "dejligt", "great"}  # fmt: skip
_HELP = {"hjælp", "help", "hvad", "kan", "du", "what", "can", "you", "do", "me", "jeg", "spørge",
         "om", "ask", "about", "how", "does", "this", "work", "virker", "det", "?"}  # fmt: skip
_HANDOFF = re.compile(
    r"hvilke[nt]? pension|hvad (?:for )?(?:en )?pension kan|kan jeg (?:få|faa|søge|soege) "
    r"(?:senior|førtids|fortids|foertids|tidlig)|har jeg ret til|er jeg berettiget|"
    r"which pension|what pension|can i (?:get|apply for|claim) (?:a |the )?(?:senior|disability|early)|"
    r"am i (?:eligible|entitled)",
)
_CAN_I_GET = re.compile(
    r"kan (?:jeg|man|han|hun|vi) (?:få|faa|fa|søge|soege|komme på)|tror du (?:jeg|han|hun)|"
    r"could i (?:get|qualify)|can i (?:get|qualify|apply)|do i qualify|would i qualify|"
    r"har (?:jeg|han|hun) ret til|er (?:jeg|han|hun) berettiget",
)
_CONTACT = re.compile(
    r"hvor (?:kan jeg |skal jeg )?ringe|hvem kan (?:jeg|vi) (?:ringe|tale|snakke)|hvor ringer|telefonnummer|"
    r"hvor (?:kan|får) (?:jeg|vi|man) (?:råd|hjælp|rådgivning)|who (?:can|do) i (?:call|talk)|"
    r"where (?:can|do) i (?:get|find) (?:advice|help)|phone number",
)
CONTACT_ANSWER = "kontakt-og-raadgivning"
_WHAT_IS = re.compile(
    r"hvad (?:er|betyder) (?:det|den|en|egentlig)?|hvad går .{0,40} ud på|hvad handler .{0,40} om|"
    r"what (?:exactly )?is|what does .{0,40} mean|what'?s .{0,20}(?:senior|pension)|"
    r"(?:something|noget) (?:called|der hedder)",
)
_RETIREMENT = re.compile(
    r"folkepension|pensionsalder|gå på pension|ga pa pension|gaa paa pension|går på pension|"
    r"retire|state pension|pension age|pensionable|hvornår kan jeg|when can i|hvornaar",
)
_SENIOR = re.compile(r"seniorpension|senior pension")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\?", text.lower())


def find_birth_date(message: str, today: date) -> date | None:
    text = message.lower()
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = MONTHS[parts["mn"]] if parts.get("mn") else int(parts["m"])
            year = int(parts["y"])
            if year < 100:
                year += 1900 if year > today.year % 100 else 2000
            try:
                found = date(year, month, int(parts["d"]))
            except ValueError:
                continue
            if date(1900, 1, 1) <= found <= today:
                return found
    return None


def find_birth_year(message: str, today: date) -> int | None:
    match = _BIRTH_YEAR.search(message.lower())
    if match and 1900 <= int(match["y"]) <= today.year:
        return int(match["y"])
    return None


_AGE = re.compile(
    r"\bjeg er (?P<a>\d{2}) ?år|\b(?P<b>\d{2}) år gammel|\bi'?m (?P<c>\d{2})\b|\bi am (?P<d>\d{2})\b|"
    r"\b(?P<e>\d{2}) years old"
)


def find_age(message: str) -> int | None:
    match = _AGE.search(message.lower())
    if not match:
        return None
    age = int(next(value for value in match.groupdict().values() if value))
    return age if 16 <= age <= 99 else None


def birth_years_for_age(age: int, today: date) -> tuple[int, int]:
    """Someone who is `age` today was born in one of these two years."""
    return today.year - age - 1, today.year - age


def same_folkepensionsalder_all_year(year: int) -> bool:
    return folkepensionsalder_band(date(year, 1, 1)) == folkepensionsalder_band(date(year, 12, 31))


def _small_talk(message: str) -> ReplyKind | None:
    if not message.strip():
        return ReplyKind.EMPTY
    words = _words(message)
    if not words:
        return None
    if len(words) <= 6 and set(words) <= _THANKS and {"tak", "thanks", "thank", "thx"} & set(words):
        return ReplyKind.THANKS
    if len(words) <= 5 and set(words) <= _GREETINGS:
        return ReplyKind.GREETING
    if (
        len(words) <= 8
        and set(words) <= _HELP
        and (
            {"hjælp", "help"} & set(words)
            or {"hvad", "kan", "du"} <= set(words)
            or {"what", "can", "you"} <= set(words)
        )
    ):
        return ReplyKind.HELP
    return None


# Which pension a message names, and the answer with that pension's conditions.
PENSION_TYPES: dict[str, re.Pattern[str]] = {
    "seniorpension": re.compile(r"senior ?pension|seniorpenison|seniorpention"),
    "foertidspension": re.compile(
        r"f(?:ø|oe|o)rtids ?pension|\bf(?:ø|o)p\b|disability pension|early retirement pension"
    ),
    "tidlig_pension": re.compile(
        r"tidlig(?:e)? pension|\barne|early pension|early retirement\b(?! pension)"
    ),
    "folkepension": re.compile(
        r"folkepension|state pension|old.age pension|pensionsalder|pension age"
    ),
}
INTRO_ANSWERS = {
    "seniorpension": "hvad-er-seniorpension",
    "foertidspension": "foertidspension-betingelser",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}
CONDITIONS_ANSWERS = {
    "seniorpension": "seniorpension-betingelser",
    "foertidspension": "foertidspension-betingelser",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}
# Weights of the re-ranking features, tuned on tests/chat_conversations.toml and the dev half of
# tests/evaluation/chat.toml; the held-out half measures them (bench/quality.py).
FEATURE_WEIGHTS = {
    "search": 0.7,  # the search score, relative to the best hit
    "profile": 1.0,  # likeness to the answer's title, questions and summary together
    "best_question": 0.5,  # likeness to the single closest of the answer's questions
    "asked_question": 0.25,  # the same for the message's own question sentence only
    "pension_type": 0.2,  # the answer is about the pension the message names (or another one)
    # the message asks "can I get X?", "what is X?", "how much?", "how long?", to complain, ...,
    # and this answer is the one for that kind of question
    "intent": 0.75,
}


def pension_types(text: str) -> set[str]:
    lowered = text.lower()
    return {name for name, pattern in PENSION_TYPES.items() if pattern.search(lowered)}


def question_sentence(message: str) -> str:
    """The sentence(s) that ask: in a long message the story comes first, the question last."""
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", message.strip()) if part]
    asked = [sentence for sentence in sentences if sentence.endswith("?")]
    return " ".join(asked) if asked else (sentences[-1] if sentences else "")


# Questions whose answer is one page whatever benefit they name: what the citizen wants to know
# (how much, how long, to complain, ...) decides the answer more than the benefit does.
INTENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"hvor (?:meget|mange penge)(?! (?:skat|tid))|hvad (?:får|far|faar|kan) (?:man|jeg|vi)"
            r" .{0,30}(?:om måneden|om maaneden|udbetalt|i alt)|\bbeløb|\bsatse[nr]?\b|"
            r"how much (?!tax|time)|what amount|how big is|\b(?:per|a|each) month\b"
        ),
        "hvor-mange-penge",
    ),
    (
        re.compile(
            r"hvor (?:lang tid|længe|laenge) .{0,40}(?:svar|afgør|afgor|behandl|vente|være om|"
            r"vaere om|tage)|sagsbehandlingstid|how long .{0,40}(?:decid|take|wait|answer)|"
            r"waiting (?:time|for (?:a|the) decision)"
        ),
        "sagsbehandlingstid-og-forsoergelse",
    ),
    (
        re.compile(
            r"hvad skal (?:jeg|man|der) (?:skrive|stå|staa)|hvordan (?:skriver|formulerer) (?:jeg|man)|"
            r"formulere[r]? (?:jeg|mig|det)|what (?:should|do) i (?:write|put)|how (?:do|should) i word"
        ),
        "hvad-skal-der-staa-i-ansoegningen",
    ),
    (
        re.compile(r"\bskat\b|\bskatten\b|beskat|\btax(?:ed|es)?\b"),
        "skat-og-pensionsopsparing",
    ),
    (
        re.compile(
            r"flytte til (?!en |et |ny)|bo i udlandet|bor i udlandet|i udlandet|"
            r"move (?:to|abroad|back to)|moving (?:to|abroad|back)|live abroad|living abroad"
        ),
        "pension-og-udlandet",
    ),
)
COMPLAINT = re.compile(
    r"\bklag|\banke\b|\banket?\b|påklag|paaklag|uenig i|\bappeal|complain|challenge (?:it|that|the)"
)
COMPLAINT_ANSWERS = {"seniorpension": "seniorpension-afslag-og-klage"}
GENERAL_COMPLAINT_ANSWER = "klage-ankestyrelsen"


def intended_answers(lowered: str, named: set[str]) -> set[str]:
    """Answers a message's kind of question points to, whatever its other words."""
    intended: set[str] = set()
    if _HANDOFF.search(lowered) or _CAN_I_GET.search(lowered):
        intended |= {CONDITIONS_ANSWERS[name] for name in named}
    if _WHAT_IS.search(lowered):
        intended |= {INTRO_ANSWERS[name] for name in named}
    if _CONTACT.search(lowered):
        intended.add(CONTACT_ANSWER)
    intended |= {answer for pattern, answer in INTENTS if pattern.search(lowered)}
    if COMPLAINT.search(lowered):
        own = {COMPLAINT_ANSWERS[name] for name in named if name in COMPLAINT_ANSWERS}
        intended |= own or {GENERAL_COMPLAINT_ANSWER}
    return intended


class ChatRanker:
    """Re-ranks the search index's candidates for a whole question: a question is not a keyword
    query, and the answers' own questions say best what each answer is about."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._profiles: dict[str, _Vector] = {}
        self._questions: dict[str, list[_Vector]] = {}
        self._types: dict[str, set[str]] = {}

    def prepare(self, max_answers: int = 2_000) -> None:
        """Work out every answer's question profile at startup rather than on first use."""
        if len(self.index.documents) <= max_answers:
            for slug in self.index.documents:
                self._prepare(slug)

    def _vector(self, text: str) -> _Vector:
        weights = {term: self.index.idf(term) for term in set(self.index.terms(text))}
        return _Vector(weights, math.sqrt(sum(weight * weight for weight in weights.values())))

    def _prepare(self, slug: str) -> None:
        document = self.index.documents[slug]
        self._profiles[slug] = self._vector(
            "\n".join([document.title, *document.questions, document.summary])
        )
        self._questions[slug] = [
            self._vector(text) for text in (document.title, *document.questions)
        ]
        self._types[slug] = pension_types(document.title)

    def rank(self, message: str) -> list[tuple[str, float, float]]:
        """Candidates best first, each with its total score and its evidence: the part of the
        score that says the answer fits the message, not merely that it came first in search."""
        asked_text = question_sentence(message)
        hits = self.index.search(
            message, limit=CANDIDATES, max_chars=MAX_MESSAGE_CHARS, for_reading=False
        ).hits
        scores = {hit.slug: hit.score for hit in hits}
        for hit in (
            self.index.search(asked_text, limit=5, for_reading=False).hits
            if asked_text != message
            else []
        ):
            scores.setdefault(hit.slug, 0.0)
        if not scores:
            return []
        best = max(scores.values()) or 1.0
        message_vector = self._vector(message)
        asked_vector = message_vector if asked_text == message else self._vector(asked_text)
        named = pension_types(message)
        intended = intended_answers(message.lower(), named)
        weights = FEATURE_WEIGHTS
        ranked = []
        for slug, score in scores.items():
            if slug not in self._profiles:
                self._prepare(slug)
            types = self._types[slug]
            type_match = (1.0 if types & named else -1.0 if types else 0.0) if named else 0.0
            best_question = max(_cosine(message_vector, q) for q in self._questions[slug])
            asked_question = (
                best_question
                if asked_vector is message_vector
                else max(_cosine(asked_vector, q) for q in self._questions[slug])
            )
            evidence = (
                weights["profile"] * _cosine(message_vector, self._profiles[slug])
                + weights["best_question"] * best_question
                + weights["asked_question"] * asked_question
                + weights["pension_type"] * type_match
                + weights["intent"] * (slug in intended)
            )
            ranked.append((slug, weights["search"] * score / best + evidence, evidence))
        return sorted(ranked, key=lambda item: -item[1])


class _Vector(NamedTuple):
    """A text's terms weighted by idf, with its length worked out once (the chat compares each
    message with every candidate's questions)."""

    weights: dict[str, float]
    norm: float


def _cosine(left: _Vector, right: _Vector) -> float:
    shared = left.weights.keys() & right.weights.keys()
    if not shared:
        return 0.0
    dot = sum(left.weights[term] * right.weights[term] for term in shared)
    return dot / (left.norm * right.norm)


def reply(message: str, ranker: ChatRanker, today: date) -> ChatReply:
    text = clean_query(unicodedata.normalize("NFC", message))[:MAX_MESSAGE_CHARS]
    small_talk = _small_talk(text)
    if small_talk is not None:
        return ChatReply(
            small_talk, Confidence.HIGH if small_talk is not ReplyKind.EMPTY else Confidence.NONE
        )
    lowered = text.lower()
    born = find_birth_date(text, today)
    year = None if born else find_birth_year(text, today)
    handoff = bool(_HANDOFF.search(lowered))
    if born and _SENIOR.search(lowered):
        return ChatReply(
            ReplyKind.SENIORPENSION_DATE,
            Confidence.HIGH,
            ("seniorpension-ansoegning",),
            birth_date=born,
            offer_questionnaire=True,
        )
    age_now = None if born or year else find_age(text)
    if age_now is not None:
        first, second = birth_years_for_age(age_now, today)
        same = folkepensionsalder_band(date(first, 1, 1)) == folkepensionsalder_band(
            date(second, 12, 31)
        )
        if not same:
            age_now = None
    knows_age = born or (year and same_folkepensionsalder_all_year(year)) or age_now
    if knows_age and not handoff and _RETIREMENT.search(lowered):
        return ChatReply(
            ReplyKind.FOLKEPENSION_DATE,
            Confidence.HIGH,
            ("folkepensionsalder",),
            birth_date=born,
            birth_year=year,
            age_now=age_now,
        )
    ranked = ranker.rank(text)
    evidence = ranked[0][2] if ranked else 0.0
    slugs = tuple(slug for slug, _score, _evidence in ranked[:3])
    if evidence < SOME_EVIDENCE:
        kind, confidence, slugs = ReplyKind.NO_MATCH, Confidence.NONE, ()
    elif evidence < SURE_EVIDENCE:
        kind, confidence = ReplyKind.NOT_SURE, Confidence.LOW
    else:
        kind, confidence = ReplyKind.ANSWER, Confidence.HIGH
    return ChatReply(kind, confidence, slugs, birth_date=born, offer_questionnaire=handoff)


def folkepension_for(born: date) -> tuple[int, int, date]:
    band = folkepensionsalder_band(born)
    return band.age_years, band.extra_months, folkepensionsalder_date(born)
