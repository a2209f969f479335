"""Querying one language's index: ranked answers, the section that answers, snippets with the
query's words marked, and "did you mean" suggestions. Opened read-only, once per thread."""

from __future__ import annotations

import html
import math
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import AndMaybe, Or, Prefix, Query, Term
from whoosh.searching import Searcher

from app.privacy import holds_personal_details
from app.search.analysis import (
    SYNONYM_PREFIX,
    WORD,
    SearchDocument,
    Vocabulary,
    base_analyzer,
    clean_query,
    fold,
    make_analyzer,
)
from app.search.build import build_index, current_fingerprint, fingerprint
from app.search.cache import BoundedMemory
from app.search.passages import Passages
from app.search.results import DiscriminatingBM25F, Hit, SearchResults
from app.settings import RECENT_SEARCHES

# As long as a chat message: citizens paste whole stories into the search box too.
# Unknown words of one query that are looked up for their nearest known term; the rest are left
# out. A citizen's story has a few typos; a stranger's text made of nonsense words has hundreds.
MAX_CORRECTED_WORDS = 8
# Terms one query is searched with at most: a long message keeps its most telling ones.
MAX_QUERY_TERMS = 40
MAX_QUERY_CHARS = 1_000
MAX_LIMIT = 50
# Title and the other ways of asking weigh most: they are what a citizen's words resemble.
# Each query word becomes one term per field, so fewer fields make faster queries: body, legal
# references and category share the "text" field.
# Tuned on tests/search_relevance.toml: the title and questions lead, but only a little, so a rare
# word in the body can beat a common word ("førtidspension") in every heading.
FIELD_BOOSTS: dict[str, float] = {
    "title": 1.5,
    "questions": 1.5,
    "summary": 1.2,
    "text": 1.0,
}
EXPANSION_WEIGHT = 0.15
# A query with at most this many meaningful terms is read for its phrases ("hvor meget får man"):
# in a longer message the other words say what it is about.
PHRASE_QUERY_TERMS = 2
# How much each of a worker's memories may hold (see app/search/cache.py): words and terms are
# small, and a few hundred thousand cover any vocabulary.
WORD_MEMORY = 500_000
ANSWER_MEMORY = 20_000
# A term in more answers than this is "common" (see SearchIndex.build_query). The site's own
# content is far below it; it matters when the collection grows to thousands of answers.
COMMON_TERM_ANSWERS = 500


def ensure_index(
    documents: list[SearchDocument],
    root: Path,
    lang: str,
    vocabulary: Vocabulary,
    remember: int = RECENT_SEARCHES,
) -> tuple[SearchIndex, bool]:
    """Open the index, rebuilding it first when it is missing or was built from other content."""
    rebuilt = current_fingerprint(root, lang) != fingerprint(documents, lang, vocabulary)
    if rebuilt:
        build_index(documents, root, lang, vocabulary)
    return SearchIndex(root, lang, vocabulary, documents, remember), rebuilt


class SearchIndex:
    """One language's index, opened read-only once per process (never shared across a fork)."""

    def __init__(
        self,
        root: Path,
        lang: str,
        vocabulary: Vocabulary,
        documents: Iterable[SearchDocument],
        remember: int = RECENT_SEARCHES,
    ) -> None:
        self.directory = root / lang
        # Results come from these, not from stored fields: reading those costs a millisecond a query.
        self.documents = {document.slug: document for document in documents}
        self._slug_of: dict[int, str] = {}
        self.lang = lang
        self.vocabulary = vocabulary
        self.analyzer = make_analyzer(lang, vocabulary)
        self.base_analyzer = base_analyzer(lang, vocabulary)
        # group term -> its two-word members, e.g. "syn2" -> {("arn", "pension")}
        self._synonym_phrases: dict[str, set[tuple[str, ...]]] = {}
        for number, group in enumerate(vocabulary.synonyms):
            for member in group:
                words = tuple(token.text for token in self.base_analyzer(member))
                if len(words) == 2:
                    self._synonym_phrases.setdefault(f"{SYNONYM_PREFIX}{number}", set()).add(words)
        # Whoosh's searchers read the index files through shared state that is not safe across
        # threads, and gunicorn's threaded worker serves several requests at once: each thread
        # (and each process after the fork) opens its own.
        self._local = threading.local()
        self._corrections: BoundedMemory[str, str | None] = BoundedMemory(WORD_MEMORY)
        self._nearest: BoundedMemory[str, str | None] = BoundedMemory(WORD_MEMORY)
        self._idf: BoundedMemory[str, float] = BoundedMemory(WORD_MEMORY)
        # Many citizens search for the same things (a news story sends thousands asking about
        # "seniorpension"): recent results per worker. Results are never changed after creation.
        self._recent: BoundedMemory[tuple[str, int, bool, bool], SearchResults] = BoundedMemory(
            remember
        )
        self._known_words = frozenset(
            word.lower()
            for group in vocabulary.synonyms
            for member in group
            for word in re.findall(WORD, member)
        ) | frozenset(vocabulary.extra_stopwords)
        self._synonyms = [
            [tuple(self.terms(member)) for member in group] for group in vocabulary.synonyms
        ]
        self.passages = Passages(
            self.documents, self.analyzer, self.terms, self.idf, ANSWER_MEMORY, WORD_MEMORY
        )

    @property
    def searcher(self) -> Searcher:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            index = whoosh_index.open_dir(str(self.directory))
            local.searcher = index.searcher(weighting=DiscriminatingBM25F())
            local.correctors = {}
            local.pid = os.getpid()
            if not self._slug_of:
                self._slug_of = {
                    docnum: fields["slug"] for docnum, fields in local.searcher.reader().iter_docs()
                }
        return local.searcher

    def _corrector(self, field_name: str):  # noqa: ANN202 - Whoosh's corrector has no public type
        """This thread's spelling corrector for one field ("text" or "spelling")."""
        searcher = self.searcher
        correctors = self._local.correctors
        if field_name not in correctors:
            correctors[field_name] = searcher.corrector(field_name)
        return correctors[field_name]

    def terms(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for token in self.analyzer(text):
            seen.setdefault(token.text, None)
        return [term for term in seen if term]

    def idf(self, term: str) -> float:
        """How telling a term is: rare in the answers' text, headings and questions -> high."""
        return self._idf.recall(term, self._compute_idf)

    def _compute_idf(self, term: str) -> float:
        reader = self.searcher.reader()
        answers = max(reader.doc_count_all(), 1)
        frequency = max(reader.doc_frequency(name, term) for name in FIELD_BOOSTS)
        return math.log(1 + (answers - frequency + 0.5) / (frequency + 0.5))

    def _begins_indexed_terms(self, term: str) -> bool:
        """Whether some indexed term starts with this one (four letters at least)."""
        if len(term) < 4:
            return False
        reader = self.searcher.reader()
        return any(next(iter(reader.expand_prefix(name, term)), None) for name in ("title", "text"))

    def uses_only_the_answers_words(self, text: str) -> bool:
        """Whether every word of a text is one the answers themselves use (after stemming and
        stop words): a search made only of such words cannot hold a name or anything else
        personal, so its page may be shared by caches."""
        return all(self._known(token.text) for token in self.base_analyzer(text) if token.text)

    def _known(self, term: str) -> bool:
        reader = self.searcher.reader()
        return any(reader.doc_frequency(name, term) for name in FIELD_BOOSTS)

    def _nearest_term(self, term: str) -> str | None:
        """The closest indexed term to a misspelt one (kept): typo tolerance for one term's cost."""
        return self._nearest.recall(term, self._compute_nearest_term)

    def _compute_nearest_term(self, term: str) -> str | None:
        if len(term) < 4:
            return None
        distance = 2 if len(term) >= 8 else 1
        options = self._corrector("text").suggest(term, limit=1, maxdist=distance, prefix=1)
        return options[0] if options else None

    def weighted_terms(self, text: str) -> list[tuple[str, float]]:
        """The query's terms with weights. A typed word counts fully and brings its synonym group
        at a low weight. The compound parts inside a word are only used when the word itself is
        unknown to the index; then they, and the synonyms, stand in for it at full weight. A
        synonym phrase ("arne pension") stands in for its unknown first word, which is then not
        "corrected" into some other word. (Every extra term costs time, and parts of a known word
        add next to nothing to the ranking.)"""
        own_words = {token.text for token in self.base_analyzer(text)}
        weights: dict[str, float] = {}
        owner, owner_known, previous, previous_known = "", True, "", True
        for token in self.analyzer(text):
            term = token.text
            if term in own_words and term != owner:
                previous, previous_known = owner, owner_known
                owner, owner_known = term, self._known(term)
                weight = 1.0
            elif not owner_known:
                weight = 1.0
            elif term.startswith(SYNONYM_PREFIX):
                weight = EXPANSION_WEIGHT
                if (previous, owner) in self._synonym_phrases.get(term, set()):
                    # A two-word phrase ("disability pension") names the concept: full weight,
                    # and an unknown first word ("arne") is not "corrected" into another word.
                    weight = 1.0
                    if not previous_known:
                        weights.pop(previous, None)
            else:
                continue
            weights[term] = max(weight, weights.get(term, 0.0))
        if len(weights) > MAX_QUERY_TERMS:
            # A long story: the words that matter are the telling ones (each term costs time).
            kept = sorted(weights, key=lambda term: -weights[term] * self.idf(term))
            return [(term, weights[term]) for term in kept[:MAX_QUERY_TERMS]]
        return list(weights.items())

    def build_query(
        self, text: str, complete: bool = False
    ) -> tuple[Query | None, list[str], bool]:
        """A flat OR of (term, field) pairs; unknown words give way to their nearest known term.
        In a large collection, a word found in very many answers only adds to the score of answers
        that a rarer word of the query found (as Lucene's common-terms query does): scoring it
        across thousands of answers costs most of the time and changes little. Returns the query,
        the terms it uses, and whether any word was corrected."""
        rare: list[Query] = []
        common: list[Query] = []
        used: list[str] = []
        corrected = False
        corrections = 0
        reader = self.searcher.reader()
        partial = self._partial_word(text) if complete else None
        for term, weight in self.weighted_terms(text):
            if partial and term == partial[0] and not self._known(term):
                # Suggestions as you type: the last word is still being typed, so it is a prefix.
                rare.extend(
                    Prefix(name, partial[1], boost=boost) for name, boost in FIELD_BOOSTS.items()
                )
                continue
            if not self._known(term) and self._begins_indexed_terms(term):
                # The start of longer words ("senior" in "seniorpension"): find those, do not
                # "correct" it into some other word ("sender").
                rare.extend(
                    Prefix(name, term, boost=boost * weight) for name, boost in FIELD_BOOSTS.items()
                )
                continue
            if not self._known(term):
                if corrections == MAX_CORRECTED_WORDS:
                    continue  # a bound on what one query may cost: each correction scans terms
                corrections += 1
                nearest = self._nearest_term(term)
                if nearest is None:
                    continue
                term, corrected = nearest, True
            used.append(term)
            if reader.doc_frequency("text", term) > COMMON_TERM_ANSWERS:
                # In the long body text a common word says nothing; in a title it still does.
                common.extend(
                    Term(name, term, boost=boost * weight)
                    for name, boost in FIELD_BOOSTS.items()
                    if name != "text"
                )
            else:
                rare.extend(
                    Term(name, term, boost=boost * weight) for name, boost in FIELD_BOOSTS.items()
                )
        if rare and common:
            optional = Or(common)
            optional.matcher_type = Or.DEFAULT_MATCHER  # reads postings lazily, as skip_to asks
            return AndMaybe(Or(rare), optional), used, corrected
        leaves = rare or common
        return (Or(leaves) if leaves else None), used, corrected

    def _partial_word(self, text: str) -> tuple[str, str] | None:
        """The last word of a text being typed: its analysed term and its folded prefix form."""
        words = re.findall(WORD, text)
        if not words or text[-1:].isspace():
            return None
        last = words[-1].lower()
        analysed = [token.text for token in self.base_analyzer(last)]
        if not analysed or len(last) < 3:
            return None
        return analysed[0], fold(last)

    def search(
        self,
        text: str,
        limit: int = 10,
        max_chars: int = MAX_QUERY_CHARS,
        for_reading: bool = True,
        complete: bool = False,
    ) -> SearchResults:
        """Best answers first. `for_reading=False` (the chat) skips snippets and suggestions;
        `complete=True` (suggestions as you type) reads the last word as the start of a word."""
        query_text = clean_query(text)[:max_chars]
        key = (query_text, limit, for_reading, complete)
        results = self._recent.get(key)
        if results is None:
            results = self._search(query_text, limit, for_reading, complete)
            if not holds_personal_details(query_text):
                self._recent.put(key, results)
        return results

    def _search(
        self, query_text: str, limit: int, for_reading: bool, complete: bool
    ) -> SearchResults:
        results = SearchResults(query=query_text)
        searched = query_text
        if len(self.terms(query_text)) <= PHRASE_QUERY_TERMS:
            searched = self.vocabulary.with_phrases(query_text)  # searched, never shown
        query, used_terms, results.fuzzy = self.build_query(searched, complete)
        if for_reading:
            results.suggestion = self.suggest(query_text)
        if query is None:
            return results
        hits = self.searcher.search(query, limit=limit)
        wanted = set(used_terms)
        for docnum, score in hits.items():
            document = self.documents.get(self._slug_of.get(docnum, ""))
            if document is None:  # the index is older than the content; never show a dead link
                continue
            snippet = (
                self.passages.snippet(document.slug, document.body, wanted) if for_reading else ""
            )
            section = self.passages.best_section(document.slug, wanted)
            results.hits.append(
                Hit(
                    slug=document.slug,
                    title=document.title,
                    category=document.category,
                    snippet_html=snippet or html.escape(document.summary, quote=False),
                    score=round(score, 3),
                    section=section[0] if section else None,
                    section_heading=section[1] if section else None,
                )
            )
        return results

    def prepare(self) -> None:
        """Do at startup what the first searches would otherwise do: open the index and work out
        the words of every answer for snippets."""
        self.searcher  # noqa: B018 - opening is the point
        self.passages.prepare()

    def suggest(self, text: str) -> str | None:
        """'Did you mean': each unknown word of four letters or more replaced by the nearest known word."""
        reader = self.searcher.reader()
        words = re.findall(WORD, text)
        changed = False
        corrected: list[str] = []
        for word in words:
            lower = word.lower()
            if (
                len(lower) < 4
                or lower.isdigit()
                or lower in self._known_words
                or reader.frequency("spelling", lower)
                # the start of words the answers use ("senior"): nothing to correct
                or next(iter(reader.expand_prefix("spelling", lower)), None)
                # a word whose stem the answers use ("varer" -> "var") already searches well
                or self._searches_well(word)
            ):
                corrected.append(word)
                continue
            replacement = self._correction(lower)
            corrected.append(replacement or word)
            changed = changed or replacement is not None
        return " ".join(corrected) if changed else None

    def _searches_well(self, word: str) -> bool:
        terms = [
            term
            for term in self.passages.terms_of_word(word)
            if not term.startswith(SYNONYM_PREFIX)
        ]
        return bool(terms) and all(self._known(term) for term in terms)

    def _correction(self, word: str) -> str | None:
        return self._corrections.recall(word, self._compute_correction)

    def _compute_correction(self, word: str) -> str | None:
        options = self._corrector("spelling").suggest(word, limit=1, maxdist=2, prefix=1)
        return options[0] if options and options[0] != word else None

    def close(self) -> None:
        """Close this thread's searcher (tests and the index rebuild call it)."""
        local = self._local
        if getattr(local, "pid", None) == os.getpid():
            local.searcher.close()
        local.pid = None
