"""Ranking answers for a whole question: the search index's candidates re-ranked by how well each
answer's own questions, its pension and the question's intent fit the message."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from app.chat.intents import (
    EMPLOYMENT_LAW,
    FRACTION,
    SITE_DECIDES,
    asks_for_options,
    intended_answers,
)
from app.chat.money import AMOUNT, SUPPLEMENT
from app.chat.naming import pension_types, question_sentence, side_topics
from app.search.index import SearchIndex

MAX_MESSAGE_CHARS = 1_000
OTHER_PENSION_SEARCH_SHARE = 0.5
CANDIDATES = 8
# An intended answer the search missed counts as found this well (relative to the best hit).
INTENDED_SEARCH_SHARE = 0.25
# How alike a message must be to an answer's closest own question, and to the answer as a whole,
# for the chat to be sure it covers the message (ChatRanker.covers). Calibrated on the dev halves
# of tests/evaluation/ (chat.toml and uncovered.toml) and tests/chat_conversations.toml; the
# held-out halves measure it (bench/quality.py).
COVERS_BEST_QUESTION = 0.2
COVERS_PROFILE = 0.15
# Words that put a "how much?" or "how long?" in this site's field (a pension or a case about one).
_CASE_WORDS = re.compile(
    r"pension|efterl|kommun|municipal|ankestyrelsen|afgørelse|afgorelse|decision|decide|ansøgning|"
    r"application|sagsbehandl"
)
# The rest of the site's field: the benefits, steps and rights met on the way to a pension.
_FIELD_WORDS = re.compile(
    r"fleks|flex|sygedagpeng|sygemeld|sick|jobafklaring|ressourceforl|rehab|arbejdsevne|"
    r"arbejdspr(?:ø|oe|o)vning|work (?:ability|capacity|test)|boligst(?:ø|oe|o)tte|boligsikring|"
    r"housing benefit|bisidder|aktindsigt|partsh(?:ø|oe|o)ring|klage|complain|appeal|\banke|"
    r"udbetaling danmark|erstatning|compensation|retire|r(?:å|aa|a)dgivning|advice|caseworker|"
    r"sagsbehandler|l(?:æ|ae)geerkl(?:æ|ae)ring|medical certificate|efterl(?:ø|oe|o)n|"
    r"arbejdsmarked|job|arbejde|work|indt(?:æ|ae)gt|income|formue|savings|opsparing|skat|tax|"
    r"udlandet|abroad|syg|ill|disab|handicap"
)
# Topics next to this site's that it does not cover: other benefits and groups, and complaints
# about other things than a decision.
_OUTSIDE_TOPICS = re.compile(
    r"kontanthj(?:æ|ae|a)lp|barsel|\bsu\b|studerende|\bstudent|kollegie|(?<!syge)dagpenge|"
    r"b(?:ø|oe|o)rnepenge|b(?:ø|oe|o)rnecheck|child benefit|sick pay|sygel(?:ø|oe|o)n|"
    r"tandl(?:æ|ae)ge|dentist|udlejer|landlord|depositum|skilsmisse|divorce|feriepenge|"
    r"holiday pay|vacation pay|"
    r"complain(?:t)? about (?:a |the |my )?(?:hospital|doctor|landlord|bank)|(?:æ|ae)ldrebolig|"
    r"plejebolig|plejehjem|nursing home|"
    r"klage over (?:min |mit |en |et |den |det )?(?:l(?:æ|ae)ge|sygehus|hospital|udlejer|bank)"
)
# Other help and other pension schemes the site does not cover, whatever pension the message
# names: home help, a civil servant's pension, tax treaties.
_OUTSIDE_WHATEVER_PENSION = re.compile(
    r"hjemmehj(?:æ|ae)lp|home help|tjenestemand|civil servant|dobbeltbeskat|tax treaty|"
    # a pension company's products; one named municipality's own details
    r"pensionsselskab|afkast|\bpfa\b|danica|pension (?:company|fund)|"
    # debt relief; how a work injury claim is handled
    r"g(?:æ|ae)ldssanering|g(?:æ|ae)ldsr(?:å|aa)dgivning|inkasso|debt (?:relief|restructuring|collect)|"
    r"arbejdsskadesag|work injury claim|arbejdsmarkedets erhvervssikring|"
    # benefits for children; deferring folkepension for a higher one
    r"b(?:ø|oe|o)rnetilskud|b(?:ø|oe|o)rne(?:familie|- og unge)ydelse|child (?:allowance|benefit)|"
    r"opsat (?:folke)?pension|udskyde (?:min |sin )?folkepension|vente med at (?:tage|få|faa) "
    r"(?:min |sin )?folkepension|(?:defer(?:red|ring)?|delay(?:ing)?|put(?:ting)? off|postpon\w*) "
    r"(?:taking )?(?:my |the )?(?:state )?pension|"
    r"(?:i|hos|til|fra|for) (?!din |min |jeres |vores |den |en |sin |deres )[a-zæøå-]{3,} kommune\b"
)
# Another country's own pension (its pension age, its rules): this site covers Danish pensions,
# also when one lives abroad.
_FOREIGN_PENSION = re.compile(
    r"(?:pensionsalder(?:en)?|pension age|retirement age|retire|g(?:å|aa|a) p(?:å|aa|a) pension) "
    r"(?:i|in) (?:norge|sverige|tyskland|spanien|england|polen|tyrkiet|usa|norway|sweden|germany|"
    r"spain|the uk|britain|poland|turkey|the us|america)\b|\brente\b|"
    r"(?:norsk|svensk|tysk|engelsk|polsk)e? (?:\w+)?pension|(?:norwegian|swedish|german|british|"
    r"polish|uk|us|american) (?:\w+ )?pension|garantipension|guarantee pension"
)
# Weights of the re-ranking features, tuned on tests/chat_conversations.toml and the dev half of
# tests/evaluation/chat.toml; the held-out half measures them (bench/quality.py).
FEATURE_WEIGHTS = {
    "search": 0.7,  # the search score, relative to the best hit
    "profile": 1.0,  # likeness to the answer's title, questions and summary together
    "best_question": 0.5,  # likeness to the single closest of the answer's questions
    "asked_question": 0.25,  # the same for the message's own question sentence only
    "best_section": 0.25,  # likeness to the answer's closest section, its heading and its text
    "pension_type": 0.2,  # the answer is about the pension the message names (or another one)
    # the message asks "can I get X?", "what is X?", "how much?", "how long?", to complain, ...,
    # and this answer is the one for that kind of question
    "intent": 0.75,
}


class ChatRanker:
    """Re-ranks the search index's candidates for a whole question: a question is not a keyword
    query, and the answers' own questions say best what each answer is about."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._profiles: dict[str, _Vector] = {}
        self._questions: dict[str, list[_Vector]] = {}
        self._types: dict[str, set[str]] = {}
        self._topics: dict[str, set[str]] = {}
        self._sections: dict[str, list[_Vector]] = {}

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
        self._topics[slug] = side_topics(document.title)
        self._sections[slug] = [
            self._vector(f"{heading}\n{text}") for _anchor, heading, text in document.sections
        ]

    def covers(
        self, message: str, slug: str, pensions_before: frozenset[str] = frozenset()
    ) -> bool:
        """Whether the answer covers the message's concept, not merely shares some of its words:
        the message is like one of the answer's own questions and like the answer as a whole, or
        asks the kind of question (how much, how long, ...) this answer is for.
        `pensions_before`: the pensions the conversation named before a follow-up."""
        if slug not in self._profiles:
            self._prepare(slug)
        lowered = message.lower()
        named_here = pension_types(message)
        about_pension = bool(named_here) or bool(_CASE_WORDS.search(lowered))
        if (
            _FOREIGN_PENSION.search(lowered)
            or EMPLOYMENT_LAW.search(lowered)
            or _OUTSIDE_WHATEVER_PENSION.search(lowered)
        ):
            return False
        if about_pension and slug in intended_answers(lowered, named_here):
            return True  # "how much", "how long", ... about a pension: the answer for that kind
        if not named_here and _OUTSIDE_TOPICS.search(lowered):
            # Another benefit or another kind of complaint, in words this site also uses: the
            # answers here are about pensions, not that.
            return False
        named = named_here | pensions_before
        if self._types[slug] and named and not self._types[slug] & named:
            # An answer about another pension than the one asked about (seniorpension's complaint
            # route for a refusal of førtidspension): never surely right.
            return False
        if self._topics[slug] and not self._topics[slug] & side_topics(message):
            # An answer about a topic beside the pension (efterløn, housing benefit, ...) that the
            # message does not mention: like in words, another question.
            return False
        if self._types[slug] and not named:
            # An answer about one pension, for a message that names none ("can I get housing
            # benefit?"): perhaps, but not surely.
            return False
        if not about_pension and not _FIELD_WORDS.search(lowered):
            # Nothing in the message is of this site's field (a pension, a case about one, the
            # benefits and rights around it): words in common are chance ("apply", "ret til").
            return False
        vector = self._vector(message)
        best_question = max(_cosine(vector, question) for question in self._questions[slug])
        return (
            best_question >= COVERS_BEST_QUESTION
            and _cosine(vector, self._profiles[slug]) >= COVERS_PROFILE
        )

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
        named = pension_types(message)
        lowered = message.lower()
        intended = intended_answers(lowered, named)
        if (
            FRACTION.search(lowered)
            or SITE_DECIDES.search(lowered)
            or (named and (AMOUNT.search(lowered) or SUPPLEMENT.search(lowered)))
        ):
            # Fortieths; asking the site to decide; and "how much?" or a supplement about a
            # pension, which the answer on amounts answers for each pension, where the pension's
            # own answers only share its name.
            intended_weight = 2 * FEATURE_WEIGHTS["intent"]
        elif asks_for_options(lowered, named):
            # "Which pension can I get before state pension age?": the pension named is the
            # frame of the question, not its topic, and the overview is the answer.
            named, intended_weight = set(), 2 * FEATURE_WEIGHTS["intent"]
        else:
            intended_weight = FEATURE_WEIGHTS["intent"]
        if not scores and not intended:
            return []
        best = max(scores.values(), default=0.0) or 1.0
        for slug in intended:
            # The answer for the kind of question asked is a candidate even when its words differ,
            # and is not left behind for what its words lack.
            if slug in self.index.documents:
                scores[slug] = max(scores.get(slug, 0.0), INTENDED_SEARCH_SHARE * best)
        message_vector = self._vector(message)
        asked_vector = message_vector if asked_text == message else self._vector(asked_text)
        read_as = (
            (message_vector,) if asked_vector is message_vector else (message_vector, asked_vector)
        )
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
            best_section = max(
                (
                    _cosine(vector, section)
                    for vector in read_as
                    for section in self._sections[slug]
                ),
                default=0.0,
            )
            evidence = (
                weights["profile"] * _cosine(message_vector, self._profiles[slug])
                + weights["best_section"] * best_section
                + weights["best_question"] * best_question
                + weights["asked_question"] * asked_question
                + weights["pension_type"] * type_match
                + intended_weight * (slug in intended)
            )
            # An answer about another pension than the one named shares the words of the question
            # ("afslag", "klage") but not its subject: its search score counts for less.
            searched = score / best * (OTHER_PENSION_SEARCH_SHARE if type_match < 0 else 1.0)
            ranked.append((slug, weights["search"] * searched + evidence, evidence))
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
