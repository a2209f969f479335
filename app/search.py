"""Full-text search with Whoosh: one index per language, built from loaded content, queried safely."""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import re
import shutil
import tomllib
import unicodedata
import uuid
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.fields import ID, TEXT, Schema
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.query import AndMaybe, Or, Prefix, Query, Term
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from app.feedback import holds_personal_details
from app.recent import RecentMemory

# Bump when analysis changes, so existing indexes count as stale and get rebuilt.
ANALYSIS_VERSION = "9"
MAX_QUERY_CHARS = 200
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
RECENT_SEARCHES = 2_048
# A term in more answers than this is "common" (see SearchIndex.build_query). The site's own
# content is far below it; it matters when the collection grows to thousands of answers.
COMMON_TERM_ANSWERS = 500
# Synonym groups are indexed as one made-up term each, e.g. "syn3"; no Danish word starts so.
SYNONYM_PREFIX = "syn"
_WORD = r"\w+(?:[-']\w+)*"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


@dataclass(frozen=True)
class SearchDocument:
    slug: str
    title: str
    summary: str
    questions: tuple[str, ...]
    body: str
    category: str
    legal_refs: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    synonyms: tuple[tuple[str, ...], ...] = ()
    compound_parts: tuple[str, ...] = ()
    extra_stopwords: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path, lang: str) -> Vocabulary:
        if not path.exists():
            return cls()
        section = tomllib.loads(path.read_text(encoding="utf-8")).get(lang, {})
        return cls(
            synonyms=tuple(tuple(group) for group in section.get("synonyms", [])),
            compound_parts=tuple(section.get("compound_parts", [])),
            extra_stopwords=tuple(section.get("extra_stopwords", [])),
        )


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    category: str
    snippet_html: str
    score: float


@dataclass
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    fuzzy: bool = False


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """One spelling for æ/ø/å however they are typed: 'førtid', 'foertid' and 'fortid' all -> 'fortid'."""
    text = text.translate(_DANISH_LETTERS)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    return text.replace("aa", "a").replace("oe", "o").replace("ae", "a")


class FoldFilter(Filter):
    def __call__(self, tokens: Iterator) -> Iterator:
        for token in tokens:
            token.text = fold(token.text)
            yield token


class DomainWordsFilter(Filter):
    """Adds a token for each synonym group a word (or two-word phrase) belongs to, and the domain
    words inside compounds: 'pensionsalderen' also gives 'pension' and 'alder'. Expanding here, in
    the analyzer, keeps queries small: a synonym costs one term, not one term per member."""

    def __init__(self, synonyms: dict[tuple[str, ...], str], parts: Iterable[str]) -> None:
        self.synonyms = synonyms
        self.parts = tuple(sorted(set(parts)))
        self._parts_in: dict[str, tuple[str, ...]] = {}

    def parts_in(self, word: str) -> tuple[str, ...]:
        found = self._parts_in.get(word)
        if found is None:
            found = tuple(part for part in self.parts if part != word and part in word)
            if len(self._parts_in) < 200_000:
                self._parts_in[word] = found
        return found

    def __call__(self, tokens: Iterator) -> Iterator:
        previous = ""
        for token in tokens:
            word = token.text
            yield token
            extra = list(self.parts_in(word))
            for key in ((word,), (previous, word)):
                group = self.synonyms.get(key)
                if group:
                    extra.append(group)
            for text in extra:
                token.text = text
                yield token
            token.text = word
            previous = word


class CachedStemmer:
    """Snowball stemming with a thread-safe cache (Whoosh's own cache is not thread-safe).
    Picklable, as Whoosh stores the schema with the index."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._stem = lru_cache(maxsize=200_000)(stemmer_for_language(lang))

    def __call__(self, word: str) -> str:
        return self._stem(word)

    def __getstate__(self) -> dict[str, str]:
        return {"lang": self.lang}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["lang"])  # type: ignore[misc]


def _base_analyzer(lang: str, vocabulary: Vocabulary):
    stopwords = frozenset(stopwords_for_language("da" if lang == "da" else "en")) | frozenset(
        vocabulary.extra_stopwords
    )
    return (
        RegexTokenizer(_WORD)
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords, minsize=1)
        | StemFilter(stemfn=CachedStemmer("da" if lang == "da" else "en"), cachesize=0)
        | FoldFilter()
    )


def make_analyzer(lang: str, vocabulary: Vocabulary):
    base = _base_analyzer(lang, vocabulary)

    def analysed(text: str) -> tuple[str, ...]:
        return tuple(token.text for token in base(text))

    synonyms: dict[tuple[str, ...], str] = {}
    for number, group in enumerate(vocabulary.synonyms):
        for member in group:
            key = analysed(member)
            if 1 <= len(key) <= 2:
                synonyms[key] = f"{SYNONYM_PREFIX}{number}"
    parts = [
        term for part in vocabulary.compound_parts for term in analysed(part) if len(term) >= 3
    ]
    return base | DomainWordsFilter(synonyms, parts)


def make_schema(lang: str, vocabulary: Vocabulary) -> Schema:
    analyzer = make_analyzer(lang, vocabulary)
    spelling = RegexTokenizer(_WORD) | LowercaseFilter()
    return Schema(
        slug=ID(stored=True, unique=True),
        title=TEXT(analyzer=analyzer),
        questions=TEXT(analyzer=analyzer),
        summary=TEXT(analyzer=analyzer),
        text=TEXT(analyzer=analyzer),
        spelling=TEXT(analyzer=spelling),
    )


def clean_query(text: str) -> str:
    """User text as plain words: control characters become spaces, whitespace collapses."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(_CONTROL.sub(" ", text).split())


def fingerprint(documents: Iterable[SearchDocument], lang: str, vocabulary: Vocabulary) -> str:
    digest = hashlib.sha256(f"{ANALYSIS_VERSION}|{lang}|{vocabulary!r}".encode())
    for document in sorted(documents, key=lambda d: d.slug):
        digest.update(json.dumps(document.__dict__, sort_keys=True, default=list).encode())
    return digest.hexdigest()


FINGERPRINT_FILE = "fingerprint.txt"


def current_fingerprint(root: Path, lang: str) -> str | None:
    path = root / lang / FINGERPRINT_FILE
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def build_index(
    documents: list[SearchDocument], root: Path, lang: str, vocabulary: Vocabulary
) -> Path:
    """Write a new index beside the old one, then swap a symlink: readers never see half an index."""
    root.mkdir(parents=True, exist_ok=True)
    build_dir = root / f".{lang}-{uuid.uuid4().hex[:12]}"
    build_dir.mkdir()
    ix = whoosh_index.create_in(str(build_dir), make_schema(lang, vocabulary))
    writer = ix.writer()
    for document in documents:
        writer.add_document(
            slug=document.slug,
            title=document.title,
            questions="\n".join(document.questions),
            summary=document.summary,
            text="\n".join(
                [document.body, *document.legal_refs, document.category.replace("-", " ")]
            ),
            spelling="\n".join(
                [document.title, document.summary, *document.questions, document.body]
            ),
        )
    writer.commit()
    (build_dir / FINGERPRINT_FILE).write_text(fingerprint(documents, lang, vocabulary), "utf-8")
    link = root / lang
    temporary_link = root / f".{lang}-link-{uuid.uuid4().hex[:8]}"
    temporary_link.symlink_to(build_dir.name)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(temporary_link, link)
    _remove_old_builds(root, lang, keep={build_dir.name})
    return link


def _remove_old_builds(root: Path, lang: str, keep: set[str]) -> None:
    """Keep the newest previous build too: a worker may still be reading it."""
    builds = sorted(
        (path for path in root.glob(f".{lang}-*") if path.is_dir() and not path.is_symlink()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in [path for path in builds if path.name not in keep][1:]:
        shutil.rmtree(old, ignore_errors=True)


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


@dataclass
class _BodyWords:
    spans: list[tuple[int, int]]
    terms: list[frozenset[str]]
    where: dict[str, list[int]]


class DiscriminatingBM25F(BM25F):
    """BM25F with the Robertson-Sparck Jones idf. Whoosh's default, log(N/(df+1)) + 1, barely tells a
    word in every answer from a word in one, so "førtidspension" drowned the word that mattered."""

    def idf(self, searcher: Searcher, fieldname: str, text: str) -> float:
        parent = searcher.get_parent()
        frequency = parent.doc_frequency(fieldname, text)
        documents = parent.doc_count_all()
        return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


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
        self.base_analyzer = _base_analyzer(lang, vocabulary)
        # group term -> its two-word members, e.g. "syn2" -> {("arn", "pension")}
        self._synonym_phrases: dict[str, set[tuple[str, ...]]] = {}
        for number, group in enumerate(vocabulary.synonyms):
            for member in group:
                words = tuple(token.text for token in self.base_analyzer(member))
                if len(words) == 2:
                    self._synonym_phrases.setdefault(f"{SYNONYM_PREFIX}{number}", set()).add(words)
        self._searcher: Searcher | None = None
        self._corrector = None
        self._pid: int | None = None
        self._word_cache: dict[str, _BodyWords] = {}
        self._word_terms: dict[str, frozenset[str]] = {}
        self._corrections: dict[str, str | None] = {}
        self._nearest: dict[str, str | None] = {}
        self._idf: dict[str, float] = {}
        # Many citizens search for the same things (a news story sends thousands asking about
        # "seniorpension"): recent results per worker. Results are never changed after creation.
        self._recent: RecentMemory[tuple[str, int, bool, bool], SearchResults] = RecentMemory(
            remember
        )
        self._text_corrector = None
        self._known_words = frozenset(
            word.lower()
            for group in vocabulary.synonyms
            for member in group
            for word in re.findall(_WORD, member)
        ) | frozenset(vocabulary.extra_stopwords)
        self._synonyms = [
            [tuple(self.terms(member)) for member in group] for group in vocabulary.synonyms
        ]

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None or self._pid != os.getpid():
            index = whoosh_index.open_dir(str(self.directory))
            self._searcher = index.searcher(weighting=DiscriminatingBM25F())
            self._slug_of = {
                docnum: fields["slug"] for docnum, fields in self._searcher.reader().iter_docs()
            }
            self._corrector = None
            self._text_corrector = None
            self._pid = os.getpid()
        return self._searcher

    def terms(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for token in self.analyzer(text):
            seen.setdefault(token.text, None)
        return [term for term in seen if term]

    def idf(self, term: str) -> float:
        """How telling a term is: rare in the answers' text, headings and questions -> high."""
        found = self._idf.get(term)
        if found is None:
            reader = self.searcher.reader()
            answers = max(reader.doc_count_all(), 1)
            frequency = max(reader.doc_frequency(name, term) for name in FIELD_BOOSTS)
            found = math.log(1 + (answers - frequency + 0.5) / (frequency + 0.5))
            if len(self._idf) < 200_000:
                self._idf[term] = found
        return found

    def _known(self, term: str) -> bool:
        reader = self.searcher.reader()
        return any(reader.doc_frequency(name, term) for name in FIELD_BOOSTS)

    def _nearest_term(self, term: str) -> str | None:
        """The closest indexed term to a misspelt one (cached): typo tolerance for one term's cost."""
        if term not in self._nearest:
            found = None
            if len(term) >= 4:
                if self._text_corrector is None:
                    self._text_corrector = self.searcher.corrector("text")
                distance = 2 if len(term) >= 8 else 1
                options = self._text_corrector.suggest(term, limit=1, maxdist=distance, prefix=1)
                found = options[0] if options else None
            if len(self._nearest) > 50_000:
                self._nearest.clear()
            self._nearest[term] = found
        return self._nearest[term]

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
        reader = self.searcher.reader()
        partial = self._partial_word(text) if complete else None
        for term, weight in self.weighted_terms(text):
            if partial and term == partial[0] and not self._known(term):
                # Suggestions as you type: the last word is still being typed, so it is a prefix.
                rare.extend(
                    Prefix(name, partial[1], boost=boost) for name, boost in FIELD_BOOSTS.items()
                )
                continue
            if not self._known(term):
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
        words = re.findall(_WORD, text)
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
        query, used_terms, results.fuzzy = self.build_query(query_text, complete)
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
            snippet = self.snippet(document.slug, document.body, wanted) if for_reading else ""
            results.hits.append(
                Hit(
                    slug=document.slug,
                    title=document.title,
                    category=document.category,
                    snippet_html=snippet or html.escape(document.summary, quote=False),
                    score=round(score, 3),
                )
            )
        return results

    def prepare(self, max_answers: int = 2_000) -> None:
        """Do at startup what the first searches would otherwise do: open the index and work out
        the words of every answer for snippets (skipped for very large collections)."""
        self.searcher  # noqa: B018 - opening is the point
        if len(self.documents) <= max_answers:
            for document in self.documents.values():
                self._body_words(document.slug, document.body)

    def _terms_of_word(self, word: str) -> frozenset[str]:
        terms = self._word_terms.get(word)
        if terms is None:
            terms = frozenset(token.text for token in self.analyzer(word))
            if len(self._word_terms) < 500_000:
                self._word_terms[word] = terms
        return terms

    def _body_words(self, slug: str, text: str) -> _BodyWords:
        """Each word of an answer's body with its analysed terms, worked out once per process
        (and each distinct word analysed once: the same words recur from answer to answer)."""
        found = self._word_cache.get(slug)
        if found is None:
            found = _BodyWords([], [], {})
            for index, match in enumerate(re.finditer(_WORD, text)):
                terms = self._terms_of_word(match.group(0))
                found.spans.append(match.span())
                found.terms.append(terms)
                for term in terms:
                    found.where.setdefault(term, []).append(index)
            if len(self._word_cache) < 20_000:
                self._word_cache[slug] = found
        return found

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

    def suggest(self, text: str) -> str | None:
        """'Did you mean': each unknown word of four letters or more replaced by the nearest known word."""
        reader = self.searcher.reader()
        words = re.findall(_WORD, text)
        changed = False
        corrected: list[str] = []
        for word in words:
            lower = word.lower()
            if (
                len(lower) < 4
                or lower.isdigit()
                or lower in self._known_words
                or reader.frequency("spelling", lower)
            ):
                corrected.append(word)
                continue
            replacement = self._correction(lower)
            corrected.append(replacement or word)
            changed = changed or replacement is not None
        return " ".join(corrected) if changed else None

    def _correction(self, word: str) -> str | None:
        if word not in self._corrections:
            if self._corrector is None:
                self._corrector = self.searcher.corrector("spelling")
            options = self._corrector.suggest(word, limit=1, maxdist=2, prefix=1)
            if len(self._corrections) > 50_000:
                self._corrections.clear()
            self._corrections[word] = options[0] if options and options[0] != word else None
        return self._corrections[word]

    def close(self) -> None:
        if self._searcher is not None and self._pid == os.getpid():
            self._searcher.close()
        self._searcher = None
