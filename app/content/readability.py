"""LIX, the Danish readability index: words per sentence plus the percentage of words over six letters."""

from __future__ import annotations

import re

# Every Danish answer stays at or under LIX_LIMIT; half of them at or under LIX_MEDIAN_LIMIT.
LIX_LIMIT = 45
LIX_MEDIAN_LIMIT = 40

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;](?=\s|$)")
# Headings, list items and table rows end a thought even without a full stop.
_LINE_UNIT = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\|)", re.MULTILINE)


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to the words a reader reads: no link targets, anchors, placeholders or tables."""
    text = re.sub(r"^\s*\|.*$", "", markdown_text, flags=re.MULTILINE)
    text = re.sub(r"\{\{[^}]*\}\}", "", text)
    text = re.sub(r"\{[:#.][^}]*\}", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return text


def lix(markdown_text: str) -> float:
    text = plain_text(markdown_text)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = len(_SENTENCE_END.findall(text)) + len(
        [line for line in _LINE_UNIT.findall(text) if not line.strip().startswith("|")]
    )
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    return round(len(words) / max(sentences, 1) + 100 * long_words / len(words), 1)
