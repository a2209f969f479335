"""How text becomes search terms: Danish (or English) words, stemmed and folded (æ/ø/å however
they are typed), with the site's synonyms and the parts of compound words."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.fields import ID, TEXT, Schema
from whoosh.lang import stemmer_for_language, stopwords_for_language

# Bump when analysis changes, so existing indexes count as stale and get rebuilt.
ANALYSIS_VERSION = "9"
# Synonym groups are indexed as one made-up term each, e.g. "syn3"; no Danish word starts so.
SYNONYM_PREFIX = "syn"
WORD = r"\w+(?:[-']\w+)*"
_NOT_A_WORD = re.compile(r"[^\w\s]")  # punctuation does not stop a phrase ("hvor længe?")
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
    # Each section as (anchor, heading, text): results point to the section that answers.
    sections: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    synonyms: tuple[tuple[str, ...], ...] = ()
    compound_parts: tuple[str, ...] = ()
    extra_stopwords: tuple[str, ...] = ()
    # Questions made of stop words ("hvor meget får man") still ask something: each phrase brings
    # the words that say it.
    phrases: tuple[tuple[str, str], ...] = ()

    def with_phrases(self, text: str) -> str:
        """The text with the words its phrases stand for added."""
        words = _NOT_A_WORD.sub(" ", text.lower()).split()
        lowered = f" {' '.join(words)} "
        extra = [words for phrase, words in self.phrases if f" {phrase} " in lowered]
        return " ".join([text, *extra]) if extra else text

    @classmethod
    def load(cls, path: Path, lang: str) -> Vocabulary:
        if not path.exists():
            return cls()
        section = tomllib.loads(path.read_text(encoding="utf-8")).get(lang, {})
        return cls(
            synonyms=tuple(tuple(group) for group in section.get("synonyms", [])),
            compound_parts=tuple(section.get("compound_parts", [])),
            extra_stopwords=tuple(section.get("extra_stopwords", [])),
            phrases=tuple((phrase, words) for phrase, words in section.get("phrases", [])),
        )


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


def base_analyzer(lang: str, vocabulary: Vocabulary):
    stopwords = frozenset(stopwords_for_language("da" if lang == "da" else "en")) | frozenset(
        vocabulary.extra_stopwords
    )
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords, minsize=1)
        | StemFilter(stemfn=CachedStemmer("da" if lang == "da" else "en"), cachesize=0)
        | FoldFilter()
    )


def make_analyzer(lang: str, vocabulary: Vocabulary):
    base = base_analyzer(lang, vocabulary)

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
    spelling = RegexTokenizer(WORD) | LowercaseFilter()
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
