"""What a search returns (Hit, SearchResults), and the weighting that orders the hits."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from whoosh.scoring import BM25F
from whoosh.searching import Searcher


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    category: str
    snippet_html: str
    score: float
    section: str | None = None  # the anchor of the section that answers best
    section_heading: str | None = None


@dataclass
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    fuzzy: bool = False


class DiscriminatingBM25F(BM25F):
    """BM25F with the Robertson-Sparck Jones idf. Whoosh's default, log(N/(df+1)) + 1, barely tells a
    word in every answer from a word in one, so "førtidspension" drowned the word that mattered."""

    def idf(self, searcher: Searcher, fieldname: str, text: str) -> float:
        parent = searcher.get_parent()
        frequency = parent.doc_frequency(fieldname, text)
        documents = parent.doc_count_all()
        return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
