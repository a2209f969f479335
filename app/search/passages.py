"""The passages of one language's answers: which section answers a query best, and the stretch of
an answer's body with the query's words marked (a search result's snippet). Worked out from the
answers' own text with the search analyzer, once per answer and process."""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from app.search.analysis import WORD, SearchDocument
from app.search.cache import BoundedMemory

# A query term in a section's heading counts this much more than one in its text.
SECTION_HEADING_WEIGHT = 1.0
SECTION_MARGIN = 1.5
SECTION_TYPICAL_TERMS = 60  # a section of this many terms is scored as it is; longer ones less


@dataclass(frozen=True)
class _SectionTerms:
    anchor: str
    heading: str
    counts: Counter[str]
    heading_terms: frozenset[str]
    length_norm: float


@dataclass
class _BodyWords:
    spans: list[tuple[int, int]]
    terms: list[frozenset[str]]
    where: dict[str, list[int]]


class Passages:
    def __init__(
        self,
        documents: Mapping[str, SearchDocument],
        analyzer: Callable,
        terms: Callable[[str], list[str]],
        idf: Callable[[str], float],
        answer_memory: int,
        word_memory: int,
    ) -> None:
        self.documents = documents
        self.analyzer = analyzer
        self.terms = terms
        self.idf = idf
        self._body_words_of: BoundedMemory[str, _BodyWords] = BoundedMemory(answer_memory)
        self._section_terms: BoundedMemory[str, list[_SectionTerms]] = BoundedMemory(answer_memory)
        self._word_terms: BoundedMemory[str, frozenset[str]] = BoundedMemory(word_memory)

    def prepare(self) -> None:
        """Work out every answer's words and sections at startup rather than on first use."""
        for document in self.documents.values():
            self._body_words(document.slug, document.body)
            self._section_terms.recall(document.slug, self._compute_section_terms)

    def best_section(self, slug: str, wanted: Iterable[str]) -> tuple[str, str] | None:
        """The (anchor, heading) of the answer's section that answers the query best: like BM25
        within one answer (a telling term that recurs in a short section says most), a term in
        the heading counting more; None when no section holds any of the query's terms."""
        wanted = set(wanted)
        best, best_score, runner_up = None, 0.0, 0.0
        for section in self._section_terms.recall(slug, self._compute_section_terms):
            score = sum(
                self.idf(term) * (1 + math.log(section.counts[term])) / section.length_norm
                for term in wanted
                if term in section.counts
            )
            score += SECTION_HEADING_WEIGHT * sum(
                self.idf(term) for term in wanted & section.heading_terms
            )
            if score > best_score:
                runner_up, best, best_score = best_score, section, score
            else:
                runner_up = max(runner_up, score)
        # Point to a section only when it clearly answers better than the others: a wrong
        # section is worse than the top of the right answer.
        if best is None or best_score < SECTION_MARGIN * runner_up:
            return None
        # One common word is no evidence for a section ("kan jeg få seniorpension?"): it takes two
        # of the query's terms, or one in the heading.
        if len(wanted & set(best.counts)) < 2 and not wanted & best.heading_terms:
            return None
        return best.anchor, best.heading

    def _compute_section_terms(self, slug: str) -> list[_SectionTerms]:
        document = self.documents.get(slug)
        if document is None:
            return []
        found = []
        for anchor, heading, text in document.sections:
            counts = Counter(token.text for token in self.analyzer(text))
            norm = math.sqrt(max(sum(counts.values()), 1) / SECTION_TYPICAL_TERMS)
            found.append(
                _SectionTerms(anchor, heading, counts, frozenset(self.terms(heading)), norm)
            )
        return found

    def terms_of_word(self, word: str) -> frozenset[str]:
        return self._word_terms.recall(
            word, lambda text: frozenset(token.text for token in self.analyzer(text))
        )

    def _body_words(self, slug: str, text: str) -> _BodyWords:
        """Each word of an answer's body with its analysed terms, worked out once per process
        (and each distinct word analysed once: the same words recur from answer to answer)."""

        def words(_slug: str) -> _BodyWords:
            found = _BodyWords([], [], {})
            for index, match in enumerate(re.finditer(WORD, text)):
                terms = self.terms_of_word(match.group(0))
                found.spans.append(match.span())
                found.terms.append(terms)
                for term in terms:
                    found.where.setdefault(term, []).append(index)
            return found

        return self._body_words_of.recall(slug, words)

    def snippet(self, slug: str, text: str, wanted: set[str], words: int = 28) -> str:
        """The stretch of the body with the most query words, those words marked."""
        body = self._body_words(slug, text)
        lists = [body.where[term] for term in wanted if term in body.where]
        if not lists:
            return ""
        best_start, best_score = 0, -1
        for first in sorted({index for positions in lists for index in positions[:20]}):
            start = max(0, first - 4)
            score = sum(
                1
                for positions in lists
                if bisect_left(positions, start + words) > bisect_left(positions, start)
            )
            if score > best_score:
                best_start, best_score = start, score
        end_index = min(best_start + words, len(body.spans))
        pieces: list[str] = ["… " if best_start > 0 else ""]
        cursor = body.spans[best_start][0]
        for index in range(best_start, end_index):
            start, end = body.spans[index]
            pieces.append(html.escape(text[cursor:start], quote=False))
            word = html.escape(text[start:end], quote=False)
            pieces.append(f"<mark>{word}</mark>" if body.terms[index] & wanted else word)
            cursor = end
        if end_index < len(body.spans):
            pieces.append(" …")
        return "".join(pieces)
