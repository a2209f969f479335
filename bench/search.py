"""Search speed: median and 95th percentile per query, and index build time, on the real content
and on a synthetic corpus of 5,000 answers. Run with `make bench` or `.venv/bin/python bench/search.py`."""

from __future__ import annotations

import gc
import random
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.content.library import Library  # noqa: E402
from app.search.analysis import SearchDocument, Vocabulary  # noqa: E402
from app.search.build import build_index, documents_from  # noqa: E402
from app.search.index import SearchIndex  # noqa: E402

ROUNDS = 10
SYNTHETIC_ANSWERS = 5_000
VOCABULARY_SIZE = 40_000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def time_queries(
    index: SearchIndex, queries: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Timings of the first pass (cold: nothing cached yet, as just after a worker starts) and of
    the following rounds (warm, as in a worker that has served for a while)."""
    gc.collect()
    cold: list[float] = []
    warm: list[float] = []
    for round_number in range(rounds + 1):
        for query in queries:
            started = time.perf_counter()
            index.search(query)
            (cold if round_number == 0 else warm).append((time.perf_counter() - started) * 1000)
    return cold, warm


def synthetic_corpus(real: list[SearchDocument], size: int) -> list[SearchDocument]:
    """Answers whose words follow Zipf's law, as words in real text do, over a vocabulary of every
    word of the real answers plus made-up words (40,000 in all), the real words at random ranks.
    A corpus made only of the real answers' 2,500 distinct words would put every word in nearly
    every answer, which no real collection of 5,000 answers does."""
    rng = random.Random(2026)
    real_words = sorted({word for document in real for word in document.body.split()})
    syllables = ["ka", "be", "ri", "so", "tu", "ne", "la", "mo", "ste", "dan", "vik", "gor"]
    made_up = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(VOCABULARY_SIZE)}
    vocabulary = list(made_up - set(real_words))[: VOCABULARY_SIZE - len(real_words)] + real_words
    rng.shuffle(vocabulary)
    weights = [1 / rank**1.07 for rank in range(1, len(vocabulary) + 1)]
    corpus = []
    for number in range(size):
        words = rng.choices(vocabulary, weights=weights, k=rng.randint(150, 450) + 45)
        body, title, summary = words[45:], words[:7], words[7:27]
        questions = tuple(" ".join(words[27 + 6 * i : 33 + 6 * i]) + "?" for i in range(3))
        model = real[number % len(real)]
        corpus.append(
            SearchDocument(
                f"svar-{number}",
                " ".join(title).capitalize() + "?",
                " ".join(summary) + ".",
                questions,
                " ".join(body),
                model.category,
                model.legal_refs,
            )
        )
    return corpus


def measure(
    label: str, documents: list[SearchDocument], lang: str, queries: list[str], rounds: int
) -> None:
    vocabulary = Vocabulary.load(ROOT / "content" / "search-vocabulary.toml", lang)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        build_index(documents, Path(folder), lang, vocabulary)
        build_seconds = time.perf_counter() - started
        index = SearchIndex(
            Path(folder), lang, vocabulary, documents, remember=0
        )  # measure, not recall
        index.prepare()  # as create_app does
        cold, warm = time_queries(index, queries, rounds)
        index.close()
    print(
        f"{label:<23} {len(documents):>5} answers | build {build_seconds:6.2f} s | "
        f"cold median {statistics.median(cold):5.2f} ms, p95 {percentile(cold, 0.95):6.2f} ms | "
        f"warm median {statistics.median(warm):5.2f} ms, p95 {percentile(warm, 0.95):6.2f} ms "
        f"({len(cold) + len(warm)} searches)"
    )


def main() -> None:
    library = Library.load(ROOT / "content")
    relevance = tomllib.loads(
        (ROOT / "tests" / "search_relevance.toml").read_text(encoding="utf-8")
    )
    print("Search benchmark: the queries of tests/search_relevance.toml, limit 10, snippets and")
    print("suggestions included, one process. Cold = first pass, warm = later passes.")
    for lang in ("da", "en"):
        queries = [case["query"] for case in relevance[lang]]
        measure(f"real content ({lang})", documents_from(library, lang), lang, queries, ROUNDS)
    danish_queries = [case["query"] for case in relevance["da"]]
    synthetic = synthetic_corpus(documents_from(library, "da"), SYNTHETIC_ANSWERS)
    measure("synthetic corpus (da)", synthetic, "da", danish_queries, 2)


if __name__ == "__main__":
    main()
